import { EpciType as EpciTypeValues, OrganizationKind as KindValues, CharterStatus as CharterValues } from '@mutualis/db/enums';
import { prismaEnum } from '../../graphql/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { countedConnection } from '../../graphql/counts.ts';
import { loadDepartementNames } from './loaders.ts';
import { countOrganizations, listOrganizations, memberCount, organizationBySiren, organizationScope, pendingUsers, recentDeployments, setCharter } from './service.ts';

export const OrganizationKind = prismaEnum('OrganizationKind', KindValues, 'Nature de la collectivité.');
export const EpciType = prismaEnum('EpciType', EpciTypeValues, 'Type d’EPCI à fiscalité propre : CC, CA, CU, métropole (METRO) ou Métropole de Lyon (MET69).');
export const CharterStatus = prismaEnum('CharterStatus', CharterValues, 'Charte éthique de l’IA : aucune, en projet, adoptée.');

interface CharterShape {
  status: keyof typeof CharterValues;
  adoptedAt: Date | null;
  url: string | null;
  isDemo: boolean;
}

const Charter = builder.objectRef<CharterShape>('Charter').implement({
  description: 'Charte éthique de l’IA de la collectivité (ethics charter).',
  fields: (t) => ({
    status: t.expose('status', { type: CharterStatus }),
    adoptedAt: t.expose('adoptedAt', { type: 'Date', nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Vrai quand la charte provient des données de démonstration.' }),
  }),
});

/** A viewerCan… field: true when the viewer passes the field's scopes, false otherwise (for a visitor too). */
const BY_SCOPES = { unauthorizedResolver: () => false, resolve: () => true };

export const Organization = builder.prismaNode('Organization', {
  description: 'Une collectivité (commune, EPCI, département, région), identifiée par son SIREN.',
  id: { field: 'id' },
  // public, like the list that shows it; an unknown id reads as null, as for the restricted types
  nullable: true,
  fields: (t) => ({
    siren: t.exposeString('siren', { nullable: true }),
    kind: t.expose('kind', { type: OrganizationKind }),
    epciType: t.expose('epciType', { type: EpciType, nullable: true }),
    name: t.exposeString('name'),
    officialName: t.exposeString('officialName'),
    code: t.exposeString('code', { description: 'Code INSEE (commune, département, région) ou SIREN (EPCI).' }),
    population: t.exposeInt('population', { nullable: true, description: 'Population municipale.' }),
    populationTotale: t.exposeInt('populationTotale', { nullable: true }),
    departementCode: t.exposeString('departementCode', { nullable: true }),
    departementName: t.loadable({
      type: 'String',
      nullable: true,
      description: 'Nom du département (ce qui distingue deux homonymes).',
      resolve: (o) => o.departementCode ?? '',
      load: loadDepartementNames,
    }),
    regionCode: t.exposeString('regionCode', { nullable: true }),
    source: t.exposeString('source', { description: 'Référentiel d’origine et version.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    epci: t.relation('epci', { nullable: true, description: 'EPCI à fiscalité propre dont la commune est membre.' }),
    members: t.relatedConnection('members', {
      description: 'Communes membres (pour un EPCI), par ordre alphabétique.',
      cursor: 'id',
      // searchName is lower-case and accent-free: an order close to French collation on every database
      query: () => ({ orderBy: [{ searchName: 'asc' }, { id: 'asc' }] }),
    }, countedConnection(memberCount)),
    charter: t.field({
      type: Charter,
      select: { charterStatus: true, charterAdoptedAt: true, charterUrl: true, charterIsDemo: true },
      resolve: (o) => ({ status: o.charterStatus, adoptedAt: o.charterAdoptedAt, url: o.charterUrl, isDemo: o.charterIsDemo }),
    }),
    pendingUsers: t.prismaField({
      type: ['User'],
      description: 'Personnes en attente d’approbation (administrateurs de l’organisation ou de la plateforme).',
      select: { id: true },
      authScopes: (org) => ({ approves: org.id }),
      resolve: (query, org, _args, ctx) => pendingUsers(ctx, org.id, query),
    }),
    // what the web shows or hides, from the scopes the mutations ask
    viewerCanActFor: t.boolean({ ...BY_SCOPES, authScopes: (org) => ({ actsFor: org.id }), description: 'Vrai quand la personne connectée peut déclarer des déploiements et publier des avis au nom de la collectivité.' }),
    viewerCanAdminister: t.boolean({ ...BY_SCOPES, authScopes: (org) => ({ administers: org.id }), description: 'Vrai quand la personne connectée peut gérer la collectivité (charte, adhésions, groupements).' }),
  }),
});

const OrganizationFilter = builder.inputType('OrganizationFilter', {
  fields: (t) => ({
    kind: t.field({ type: OrganizationKind, required: false }),
    epciType: t.field({ type: EpciType, required: false }),
    departement: t.string({ required: false, description: 'Code du département (ex. « 25 », « 2A »).' }),
    region: t.string({ required: false, description: 'Code INSEE de la région (ex. « 27 »).' }),
    search: t.string({ required: false, description: 'Nom (sans accents ni majuscules ; « St » vaut « Saint »), SIREN (9 chiffres) ou code INSEE d’une commune (5 caractères, ex. « 25532 », « 2A004 »).' }),
  }),
});

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: 'Organization',
    description:
      'Annuaire des collectivités. Sans recherche : ordre alphabétique. Avec recherche (nom, SIREN ou code INSEE) : même nom, puis nom commençant par la recherche, puis mot du nom commençant par elle, puis autres correspondances ; à rang égal, les plus peuplées d’abord.',
    cursor: 'id',
    maxSize: 200,
    args: { filter: t.arg({ type: OrganizationFilter, required: false }) },
    totalCount: (_parent, args, ctx) => countOrganizations(ctx, args.filter),
    resolve: (query, _parent, args, ctx) => listOrganizations(ctx, args.filter, query),
  }),
  organization: t.prismaField({
    type: 'Organization',
    nullable: true,
    description: 'Une collectivité par son SIREN (9 chiffres).',
    args: { siren: t.arg.string() },
    resolve: (query, _parent, { siren }, ctx) => organizationBySiren(ctx, siren, query),
  }),
  recentDeployments: t.prismaField({
    type: ['Deployment'],
    description: 'Les derniers outils déclarés par les collectivités (10 au plus), les plus récents d’abord ; chaque champ garde sa règle de visibilité (coût).',
    args: { first: t.arg.int({ required: false, defaultValue: 5, description: 'Nombre de déclarations, de 1 à 10.' }) },
    resolve: (query, _parent, args, ctx) => recentDeployments(ctx, args.first ?? 5, query),
  }),
}));

builder.mutationFields((t) => ({
  setCharter: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Organization',
    description: 'Renseigne la charte éthique de l’IA de la collectivité (administrateurs de l’organisation).',
    errors: {},
    args: {
      organizationSiren: t.arg.string({ required: false }),
      status: t.arg({ type: CharterStatus }),
      adoptedAt: t.arg({ type: 'Date', required: false }),
      url: t.arg.string({ required: false }),
    },
    authScopes: (_p, args, ctx) => organizationScope(ctx, 'administers', args.organizationSiren),
    resolve: (query, _p, args, ctx) => setCharter(ctx, ctx.viewer, args, query),
  }),
}));
