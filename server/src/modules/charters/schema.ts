import { builder } from '../../graphql/builder.ts';
import { organizationScope } from '../organizations/service.ts';
import { charterBlocks, charterModel, customPrinciplesOf, PRINCIPLE_KEYS, publishCharter, saveCharterDraft } from './service.ts';

// The ethics charter built from the shared model (issue 15): the model (public), an organization's draft (its members),
// its publication (ORG_ADMIN), and the published text (public). Not named `Charter`: that is the charter status of an
// organization (organizations/schema.ts), which a publication sets to ADOPTED.

export const CharterPrincipleKey = builder.enumType('CharterPrincipleKey', {
  description: 'Un principe du modèle de charte.',
  values: {
    HUMAN_OVERSIGHT: { description: 'Contrôle humain' },
    TRANSPARENCY: { description: 'Transparence envers les habitants' },
    DATA_PROTECTION: { description: 'Protection des données' },
    ENVIRONMENTAL_SOBRIETY: { description: 'Sobriété environnementale' },
    VENDOR_INDEPENDENCE: { description: 'Indépendance vis-à-vis des fournisseurs' },
    AGENT_TRAINING: { description: 'Formation des agents' },
  } satisfies Record<(typeof PRINCIPLE_KEYS)[number], { description: string }>,
});

type Model = ReturnType<typeof charterModel>;

const CharterPrinciple = builder.objectRef<Model['principles'][number]>('CharterPrinciple').implement({
  description: 'Un principe du modèle partagé, avec les engagements qu’il contient.',
  fields: (t) => ({
    key: t.field({ type: CharterPrincipleKey, resolve: (p) => p.key }),
    title: t.exposeString('title'),
    text: t.exposeString('text'),
  }),
});

const CharterReference = builder.objectRef<Model['references'][number]>('CharterReference').implement({
  description: 'Un texte que le modèle cite.',
  fields: (t) => ({ label: t.exposeString('label'), url: t.exposeString('url', { nullable: true }) }),
});

const CharterLimits = builder.objectRef<Model['limits']>('CharterLimits').implement({
  description: 'Limites d’un brouillon (nombre de principes ajoutés, longueurs en caractères).',
  fields: (t) => ({
    customPrinciples: t.exposeInt('customPrinciples'),
    customTitle: t.exposeInt('customTitle'),
    customText: t.exposeInt('customText'),
    preamble: t.exposeInt('preamble'),
  }),
});

const CharterModel = builder.objectRef<Model>('CharterModel').implement({
  description: 'Le modèle partagé de charte éthique de l’IA : six principes à choisir, un préambule par défaut, les textes cités.',
  fields: (t) => ({
    version: t.exposeString('version'),
    date: t.field({ type: 'Date', description: 'Dernière vérification des références du modèle.', resolve: (m) => m.date }),
    preamble: t.exposeString('preamble', { description: 'Préambule proposé quand la collectivité n’écrit pas le sien.' }),
    principles: t.field({ type: [CharterPrinciple], resolve: (m) => [...m.principles] }),
    references: t.field({ type: [CharterReference], resolve: (m) => [...m.references] }),
    limits: t.field({ type: CharterLimits, resolve: (m) => m.limits }),
  }),
});

const CustomCharterPrinciple = builder.objectRef<{ title: string; text: string }>('CustomCharterPrinciple').implement({
  description: 'Un principe ajouté par la collectivité.',
  fields: (t) => ({ title: t.exposeString('title'), text: t.exposeString('text') }),
});

const CharterDraft = builder.prismaObject('Charter', {
  variant: 'CharterDraft',
  description: 'La charte que la collectivité bâtit sur le modèle (brouillon enregistré ; visible de ses membres).',
  fields: (t) => ({
    principles: t.field({ type: [CharterPrincipleKey], select: { principles: true }, resolve: (c) => c.principles.filter((k): k is (typeof PRINCIPLE_KEYS)[number] => (PRINCIPLE_KEYS as readonly string[]).includes(k)) }),
    customPrinciples: t.field({ type: [CustomCharterPrinciple], select: { customPrinciples: true }, resolve: (c) => customPrinciplesOf(c.customPrinciples) }),
    preamble: t.exposeString('preamble', { nullable: true, description: 'Le préambule écrit par la collectivité ; null : celui du modèle.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'Dernière publication.' }),
    organization: t.relation('organization'),
  }),
});

interface Published {
  text: string;
  publishedAt: Date;
  documentSlug: string | null;
}

const CharterBlockKind = builder.enumType('CharterBlockKind', { values: { TITLE: {}, HEADING: {}, PARAGRAPH: {} } });
const CharterBlock = builder.objectRef<ReturnType<typeof charterBlocks>[number]>('CharterBlock').implement({
  description: 'Un bloc du texte publié : titre, intertitre ou paragraphe (du texte, jamais du HTML).',
  fields: (t) => ({ kind: t.field({ type: CharterBlockKind, resolve: (b) => b.kind }), text: t.exposeString('text') }),
});

const PublishedCharter = builder.objectRef<Published>('PublishedCharter').implement({
  description: 'La charte publiée par la collectivité à partir du modèle (publique).',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'Le texte complet, en Markdown.' }),
    blocks: t.field({ type: [CharterBlock], resolve: (p) => charterBlocks(p.text) }),
    principles: t.stringList({ description: 'Titres des principes, dans l’ordre du texte.', resolve: (p) => charterBlocks(p.text).filter((b) => b.kind === 'HEADING' && /^\d+\. /.test(b.text)).map((b) => b.text.replace(/^\d+\. /, '')) }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    documentUrl: t.string({ nullable: true, description: 'Le document de la bibliothèque qui porte ce texte.', resolve: (p) => (p.documentSlug ? `/bibliotheque/${p.documentSlug}` : null) }),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  charterDraft: t.relation('charter', {
    type: CharterDraft,
    nullable: true,
    description: 'La charte en cours sur le modèle (membres approuvés de la collectivité ; null sinon, ou sans brouillon).',
    authScopes: (org) => ({ actsFor: org.id }),
    unauthorizedResolver: () => null,
  }),
  publishedCharter: t.field({
    type: PublishedCharter,
    nullable: true,
    description: 'La charte publiée à partir du modèle, ou null.',
    select: { charter: { select: { publishedText: true, publishedAt: true, document: { select: { slug: true } } } } },
    resolve: ({ charter: c }) => (c?.publishedText && c.publishedAt ? { text: c.publishedText, publishedAt: c.publishedAt, documentSlug: c.document?.slug ?? null } : null),
  }),
}));

const CustomPrincipleInput = builder.inputType('CustomCharterPrincipleInput', {
  fields: (t) => ({
    title: t.string({ description: 'Titre (120 caractères au plus).' }),
    text: t.string({ description: 'Engagements (2 000 caractères au plus).', extensions: { multiline: true } }),
  }),
});

builder.queryFields((t) => ({
  charterModel: t.field({ type: CharterModel, description: 'Le modèle partagé de charte éthique de l’IA (public).', resolve: () => charterModel() }),
}));

builder.mutationFields((t) => ({
  saveCharterDraft: t.withAuth({ loggedIn: true }).prismaField({
    type: CharterDraft,
    description: 'Enregistre la charte bâtie sur le modèle, sans la publier (administrateurs de la collectivité).',
    errors: {},
    args: {
      organizationSiren: t.arg.string({ required: false }),
      principles: t.arg({ type: [CharterPrincipleKey] }),
      customPrinciples: t.arg({ type: [CustomPrincipleInput], description: '10 au plus.' }),
      preamble: t.arg.string({ required: false, description: '4 000 caractères au plus ; vide : celui du modèle.', extensions: { multiline: true } }),
    },
    authScopes: (_p, args, ctx) => organizationScope(ctx, 'administers', args.organizationSiren),
    resolve: (query, _p, args, ctx) => saveCharterDraft(ctx, ctx.viewer, args, query),
  }),
  publishCharter: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Organization',
    description: 'Publie la charte enregistrée : texte imprimable, document de la bibliothèque, statut « adoptée » à la date du jour (administrateurs).',
    errors: {},
    args: { organizationSiren: t.arg.string({ required: false }) },
    authScopes: (_p, args, ctx) => organizationScope(ctx, 'administers', args.organizationSiren),
    resolve: (query, _p, args, ctx) => publishCharter(ctx, ctx.viewer, args.organizationSiren, query),
  }),
}));
