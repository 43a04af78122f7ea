import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { DocumentLicence as LicenceValues, DocumentType as TypeValues } from '@mutualis/db/enums';
import { builder } from '../../graphql/builder.ts';
import { batchedCount, countedConnection } from '../../graphql/counts.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { canActForOrganization, canAdministerOrganization } from '../../shared/permissions.ts';
import { reuseCounts } from './loaders.ts';
import type { ExcerptPiece } from './rules.ts';
import {
  countFoundDocuments,
  documentScope,
  documentVisibility,
  findDocument,
  findDocuments,
  LICENCES,
  markDocumentReused,
  MAX_FILE_BYTES,
  updateDocument,
} from './service.ts';

// The shared library: documents pooled by collectivités (charters, deliberations, clauses, impact assessments…),
// searched in French over their title, summary and the text of their current file. Files come and go through HTTP
// (routes.ts: POST /bibliotheque/televersement, GET /bibliotheque/<slug>/telecharger), metadata and reuse here.

const DocumentType = prismaEnum(
  'DocumentType',
  TypeValues,
  'Charte éthique, délibération, clause de marché, analyse d’impact (AIPD), dossier de consultation, rapport d’évaluation, autre.',
);
const DocumentLicence = prismaEnum('DocumentLicence', LicenceValues, 'Licence Ouverte 2.0 (Etalab), CC BY 4.0, ou tous droits réservés.');

const reuseCount = batchedCount('documentReuses', reuseCounts);

builder.prismaObject('DocumentVersion', {
  description: 'Une version déposée du fichier ; les versions précédentes restent téléchargeables.',
  select: { id: true },
  fields: (t) => ({
    number: t.exposeInt('number'),
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType', { description: 'Type vérifié sur le contenu du fichier (pas sur son extension).' }),
    byteSize: t.exposeInt('byteSize', { description: 'Taille en octets.' }),
    sha256: t.exposeString('sha256', { description: 'Empreinte SHA-256 du fichier.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    downloadUrl: t.string({
      select: { number: true, document: { select: { slug: true } } },
      resolve: (v) => `/bibliotheque/${v.document.slug}/telecharger?version=${v.number}`,
    }),
  }),
});

builder.prismaObject('DocumentTool', {
  description: 'Lien d’un document à un outil du catalogue.',
  fields: (t) => ({ tool: t.relation('tool') }),
});

builder.prismaObject('DocumentCategory', {
  description: 'Lien d’un document à une catégorie de cas d’usage.',
  fields: (t) => ({ category: t.relation('category') }),
});

builder.prismaObject('DocumentReuse', {
  description: 'Une collectivité a indiqué avoir réutilisé le document.',
  fields: (t) => ({
    organization: t.relation('organization'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const Licence = builder.objectRef<{ code: keyof typeof LICENCES }>('DocumentLicenceInfo').implement({
  description: 'La licence énoncée en entier, avec son texte de référence.',
  fields: (t) => ({
    code: t.field({ type: DocumentLicence, resolve: (l) => l.code }),
    name: t.string({ resolve: (l) => LICENCES[l.code].name }),
    url: t.string({ nullable: true, resolve: (l) => LICENCES[l.code].url }),
  }),
});

export const Document = builder.prismaNode('Document', {
  description: 'Document de la bibliothèque partagée. Sans version déposée : document public recensé, à consulter à sa source.',
  id: { field: 'id' },
  ...visibleTo('Document', documentVisibility),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    summary: t.exposeString('summary'),
    type: t.expose('type', { type: DocumentType }),
    licence: t.field({ type: Licence, select: { licence: true }, resolve: (d) => ({ code: d.licence }) }),
    organization: t.relation('organization', { description: 'La collectivité autrice.' }),
    documentDate: t.expose('documentDate', { type: 'Date', nullable: true }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true, description: 'Adresse publique d’origine du document.' }),
    sourceDate: t.expose('sourceDate', { type: 'DateTime', nullable: true, description: 'Date de consultation de la source.' }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Document de démonstration (contenu rédigé pour l’exemple).' }),
    downloadCount: t.exposeInt('downloadCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    versions: t.relation('versions', { description: 'Les versions, la plus récente d’abord (50 au plus).', query: { orderBy: { number: 'desc' }, take: 50 } }),
    tools: t.relation('tools', { description: 'Outils du catalogue concernés (20 au plus).', query: { take: 20, orderBy: { toolId: 'asc' } } }),
    categories: t.relation('categories', { description: 'Catégories de cas d’usage (10 au plus).', query: { take: 10, orderBy: { categoryId: 'asc' } } }),
    reuseCount: t.int({ description: 'Collectivités ayant indiqué l’avoir réutilisé.', resolve: (d, _a, ctx) => reuseCount(ctx, d.id) }),
    usedBy: t.relatedConnection('reuses', { description: '« Utilisé par » : les collectivités qui l’ont réutilisé, les plus récentes d’abord.', cursor: 'id', maxSize: 100, query: { orderBy: { id: 'desc' } } }, countedConnection(reuseCount)),
    viewerHasReused: t.boolean({
      description: 'La collectivité de la personne connectée a indiqué l’avoir réutilisé.',
      resolve: async (d, _a, ctx) =>
        !!ctx.viewer && !!(await ctx.prisma.documentReuse.findUnique({ where: { documentId_organizationId: { documentId: d.id, organizationId: ctx.viewer.organizationId } }, select: { id: true } })),
    }),
    viewerCanMarkReused: t.boolean({ resolve: (d, _a, ctx) => !!ctx.viewer && d.organizationId !== ctx.viewer.organizationId && canActForOrganization(ctx.viewer, ctx.viewer.organizationId) }),
    viewerCanAddVersion: t.boolean({ description: 'Membre de la collectivité autrice.', resolve: (d, _a, ctx) => canActForOrganization(ctx.viewer, d.organizationId) }),
    viewerCanEdit: t.boolean({ description: 'Administrateur de la collectivité autrice.', resolve: (d, _a, ctx) => canAdministerOrganization(ctx.viewer, d.organizationId) }),
  }),
});

const Excerpt = builder.objectRef<ExcerptPiece>('DocumentExcerptPiece').implement({
  description: 'Morceau d’extrait : texte brut, à afficher en surbrillance quand highlighted (jamais du HTML).',
  fields: (t) => ({ text: t.exposeString('text'), highlighted: t.exposeBoolean('highlighted') }),
});

type Hit = Awaited<ReturnType<typeof findDocuments>>[number];
const DocumentHit = builder.objectRef<Hit>('DocumentSearchHit').implement({
  fields: (t) => ({
    document: t.field({ type: Document, resolve: (h) => h.document }),
    rank: t.float({ nullable: true, description: 'Pertinence (ts_rank_cd) ; null sans recherche.', resolve: (h) => h.rank }),
    excerpt: t.field({ type: [Excerpt], nullable: true, description: 'Extrait où les mots cherchés sont surlignés ; null sans recherche.', resolve: (h) => h.excerpt }),
  }),
});

const searchOf = (args: { query?: string | null; type?: string | null; licence?: string | null; toolSlug?: string | null; categorySlug?: string | null }) => ({
  query: args.query ?? null,
  type: args.type ?? null,
  licence: args.licence ?? null,
  toolSlug: args.toolSlug ?? null,
  categorySlug: args.categorySlug ?? null,
});

const UpdateDocumentInput = builder.inputType('UpdateDocumentInput', {
  description: 'Seuls les champs fournis changent ; les listes d’outils et de catégories données remplacent les précédentes.',
  fields: (t) => ({
    title: t.string({ required: false }),
    summary: t.string({ required: false, extensions: { multiline: true } }),
    type: t.field({ type: DocumentType, required: false }),
    licence: t.field({ type: DocumentLicence, required: false }),
    documentDate: t.field({ type: 'Date', required: false }),
    sourceUrl: t.string({ required: false }),
    toolSlugs: t.stringList({ required: false }),
    categorySlugs: t.stringList({ required: false }),
  }),
});

builder.queryFields((t) => ({
  documents: t.connection(
    {
      type: DocumentHit,
      description: 'La bibliothèque : recherche plein texte en français (titre, résumé, texte du fichier), filtres, 50 par page au plus.',
      args: {
        query: t.arg.string({ required: false, description: 'Mots cherchés (syntaxe web : "expression exacte", -exclu, ou).' }),
        type: t.arg({ type: DocumentType, required: false }),
        licence: t.arg({ type: DocumentLicence, required: false }),
        toolSlug: t.arg.string({ required: false }),
        categorySlug: t.arg.string({ required: false }),
      },
      resolve: async (_root, args, ctx) => ({
        ...(await resolveOffsetConnection({ args, defaultSize: 20, maxSize: 50 }, ({ offset, limit }) => findDocuments(ctx, searchOf(args), limit, offset))),
        search: searchOf(args),
      }),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (connection, _a, ctx) => countFoundDocuments(ctx, (connection as unknown as { search: Parameters<typeof countFoundDocuments>[1] }).search) }) }) },
  ),
  document: t.prismaField({
    type: 'Document',
    nullable: true,
    args: { slug: t.arg.string() },
    resolve: (query, _root, args, ctx) => findDocument(ctx, args.slug, query),
  }),
  documentUploadLimit: t.int({ description: 'Taille maximale d’un fichier déposé, en octets.', resolve: () => MAX_FILE_BYTES }),
}));

builder.mutationFields((t) => ({
  updateDocument: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Document',
    description: 'Modifie la description d’un document et ses liens aux outils et catégories (administrateurs de la collectivité autrice).',
    errors: {},
    args: { id: t.arg.globalID({ for: Document }), input: t.arg({ type: UpdateDocumentInput }) },
    authScopes: (_p, { id }, ctx) => documentScope(ctx, Number(id.id), 'administers'),
    resolve: (query, _p, { id, input }, ctx) => updateDocument(ctx, Number(id.id), input, query),
  }),
  markDocumentReused: t.withAuth({ loggedIn: true }).prismaField({
    type: 'DocumentReuse',
    description: '« Nous l’avons réutilisé » : la collectivité de la personne connectée indique avoir réutilisé le document (ses membres).',
    errors: {},
    args: { documentId: t.arg.globalID({ for: Document }) },
    authScopes: (_p, { documentId }, ctx) => documentScope(ctx, Number(documentId.id), 'actsFor'),
    resolve: (query, _p, { documentId }, ctx) => markDocumentReused(ctx, Number(documentId.id), query),
  }),
}));
