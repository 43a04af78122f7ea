import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from '../../graphql/builder.ts';
import { toolsInOrder } from './loaders.ts';
import { REFERENCE_PROFILE, type CatalogueFacets as Facets, type Facet } from './rules.ts';
import { AiActRiskTier, PricingPlan, Tool } from './schema.ts';
import { referenceCost, type ReferenceCost } from './service/reference-cost.ts';
import { searchCatalogue, type CatalogueSearchResult } from './service/search.ts';

const CatalogueFilter = builder.inputType('CatalogueFilter', {
  fields: (t) => ({
    categories: t.stringList({ required: false, description: 'Identifiants (slugs) de catégories.' }),
    hostingCountries: t.stringList({ required: false, description: 'Pays d’hébergement (ISO 3166-1 alpha-2, ou UNKNOWN : non renseigné).' }),
    euHostedOnly: t.boolean({ required: false, description: 'Seulement les outils hébergés dans l’Union européenne (pays connu).' }),
    includeUnknownHosting: t.boolean({
      required: false,
      description: 'Avec euHostedOnly : inclure aussi les outils dont le pays d’hébergement n’est pas renseigné.',
    }),
    secNumCloud: t.boolean({ required: false, description: 'Seulement les outils qualifiés SecNumCloud.' }),
    openSource: t.boolean({ required: false, description: 'Seulement les outils sous licence libre.' }),
    aiActRiskTiers: t.field({ type: [AiActRiskTier], required: false }),
    minRating: t.float({ required: false, description: 'Note moyenne minimale (1 à 5).' }),
    provider: t.string({ required: false, description: 'Identifiant (slug) du fournisseur : ses seuls outils.' }),
  }),
});

const CatalogueOrderField = builder.enumType('CatalogueOrderField', {
  description:
    'Tri : pertinence (avec une recherche), nom, note moyenne, adoption (collectivités en expérimentation ou production), ' +
    'prix (Tool.referenceCost : coût annuel estimé de l’offre la moins chère pour le profil de référence, catalogueReferenceProfile).',
  values: ['RELEVANCE', 'NAME', 'RATING', 'ADOPTION', 'PRICE'] as const,
});
const OrderDirection = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
const CatalogueOrder = builder.inputType('CatalogueOrder', {
  fields: (t) => ({
    field: t.field({ type: CatalogueOrderField }),
    direction: t.field({
      type: OrderDirection,
      required: false,
      description: 'Par défaut : pertinence, note et adoption décroissantes ; nom et prix croissants.',
    }),
  }),
});

const FacetCount = builder.objectRef<Facet>('FacetCount').implement({
  description: 'Nombre d’outils pour une valeur, avec tous les autres critères appliqués (UNKNOWN : non renseigné).',
  fields: (t) => ({ value: t.exposeString('value'), count: t.exposeInt('count') }),
});
const CatalogueFacets = builder
  .objectRef<Facets>('CatalogueFacets')
  .implement({
    fields: (t) => ({
      categories: t.field({ type: [FacetCount], resolve: (f) => f.categories }),
      hostingCountries: t.field({ type: [FacetCount], resolve: (f) => f.hostingCountries }),
      aiActRiskTiers: t.field({ type: [FacetCount], resolve: (f) => f.aiActRiskTiers }),
    }),
  });

const ReferenceProfile = builder.objectRef<typeof REFERENCE_PROFILE>('CatalogueReferenceProfile').implement({
  description:
    'Le profil de référence du tri par prix : une collectivité de taille moyenne. Le coût annuel estimé d’une offre est son ' +
    'coût sur `years` ans pour ce profil (paliers, minimums, frais de mise en service compris) divisé par `years`.',
  fields: (t) => ({
    population: t.exposeInt('population', { description: 'Habitants.' }),
    seats: t.exposeInt('seats', { description: 'Agents utilisateurs.' }),
    requestsPerMonth: t.exposeInt('requestsPerMonth'),
    tokensPerRequest: t.exposeInt('tokensPerRequest', { description: 'Jetons par requête (offres au million de jetons).' }),
    years: t.exposeInt('years', { description: 'Durée sur laquelle les frais de mise en service sont répartis.' }),
  }),
});

const ReferenceCostRef = builder.objectRef<ReferenceCost>('CatalogueReferenceCost').implement({
  description: 'Coût annuel estimé d’un outil pour le profil de référence (catalogueReferenceProfile), en euros HT.',
  fields: (t) => ({
    perYear: t.field({ type: 'Decimal', resolve: (cost) => cost.perYear }),
    plan: t.field({ type: PricingPlan, description: 'L’offre la moins chère pour ce profil.', resolve: (cost) => cost.plan }),
  }),
});

builder.prismaObjectField('Tool', 'referenceCost', (t) =>
  t.field({
    type: ReferenceCostRef,
    nullable: true,
    description: 'Coût annuel estimé pour le profil de référence, celui du tri par prix ; null quand aucune offre ne s’applique.',
    select: { plans: { where: { archivedAt: null }, include: { tiers: true }, orderBy: { id: 'asc' } } },
    resolve: (tool) => referenceCost(tool.plans),
  }),
);

builder.queryFields((t) => ({
  catalogueReferenceProfile: t.field({ type: ReferenceProfile, resolve: () => REFERENCE_PROFILE }),
  tools: t.connection(
    {
      type: Tool,
      description: 'Le catalogue : recherche en français (sans accents, classée par pertinence), filtres, tri et facettes.',
      args: {
        filter: t.arg({ type: CatalogueFilter, required: false }),
        search: t.arg.string({ required: false }),
        orderBy: t.arg({ type: CatalogueOrder, required: false }),
      },
      resolve: async (_root, args, ctx, info) => {
        const result = searchCatalogue(ctx, args);
        // the nested selection (provider, category, plans…) is planned into the one query of the page
        const query = queryFromInfo({ context: ctx, info, path: ['edges', 'node'], typeName: 'Tool' });
        let totalCount = 0;
        const connection = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, async ({ offset, limit }) => {
          const page = await result.page(offset, limit);
          totalCount = page.totalCount;
          return toolsInOrder(ctx, page.ids, query);
        });
        return { ...connection, totalCount, result };
      },
    },
    {
      name: 'CatalogueConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount }),
        facets: c.field({
          type: CatalogueFacets,
          resolve: (connection) => (connection as unknown as { result: CatalogueSearchResult }).result.facets(),
        }),
      }),
    },
  ),
}));
