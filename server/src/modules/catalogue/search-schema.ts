import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from '../../graphql/builder.ts';
import { toolsInOrder } from './loaders.ts';
import { REFERENCE_PROFILE, type CatalogueFacets as Facets, type Facet } from './rules.ts';
import { AiActRiskTier, Tool } from './schema.ts';
import { searchCatalogue, type CatalogueSearchResult } from './service/search.ts';

const CatalogueFilter = builder.inputType('CatalogueFilter', {
  fields: (t) => ({
    categories: t.stringList({ required: false, description: 'Identifiants (slugs) de catégories.' }),
    hostingCountries: t.stringList({ required: false, description: 'Pays d’hébergement (ISO 3166-1 alpha-2, ou UNKNOWN : non renseigné).' }),
    euHostedOnly: t.boolean({ required: false, description: 'Seulement les outils hébergés dans l’Union européenne (pays connu).' }),
    secNumCloud: t.boolean({ required: false, description: 'Seulement les outils qualifiés SecNumCloud.' }),
    openSource: t.boolean({ required: false, description: 'Seulement les outils sous licence libre.' }),
    aiActRiskTiers: t.field({ type: [AiActRiskTier], required: false }),
    minRating: t.float({ required: false, description: 'Note moyenne minimale (1 à 5).' }),
  }),
});

const CatalogueOrderField = builder.enumType('CatalogueOrderField', {
  description:
    'Tri : pertinence (avec une recherche), nom, note moyenne, adoption (collectivités en expérimentation ou production), ' +
    `prix (coût annuel de l’offre la moins chère pour ${REFERENCE_PROFILE.population} habitants, ${REFERENCE_PROFILE.seats} ` +
    `utilisateurs et ${REFERENCE_PROFILE.requestsPerMonth} requêtes par mois).`,
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

builder.queryFields((t) => ({
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
