import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { queryCatalogue, type CatalogueRow } from './rules.ts';
import { VERIFYING_STATUSES } from '../deployments/rules.ts';
import { cheapestPlan, type PlanInput } from '../comparison/tco-rules.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { ValidationError } from '../../graphql/errors.ts';
import { AiActRiskTier, Tool } from './schema.ts';

/** The profile the PRICE order compares plans on: a mid-sized collectivité, for one year. */
export const REFERENCE_PROFILE = { population: 50_000, seats: 50, requestsPerMonth: 20_000, years: 1 };

const ADOPTING = VERIFYING_STATUSES.filter((s) => s !== 'ABANDONED');

/** One light row per tool (two SQL statements whatever the catalogue size), for filtering and ordering. */
async function loadCatalogueRows(ctx: Context): Promise<CatalogueRow[]> {
  const rows = await ctx.prisma.$queryRaw<Omit<CatalogueRow, 'referencePrice'>[]>`
    SELECT t.id, t.name, t.description, p.name AS "providerName", c.slug AS "categorySlug", c.name AS "categoryName",
           t."hostingCountry", t."aiActRiskTier"::text AS "aiActRiskTier", t."secNumCloud",
           (t."openSourceLicense" IS NOT NULL) AS "openSource",
           (SELECT round(avg(r.rating), 2)::text FROM "Review" r
             WHERE r."toolId" = t.id AND r."moderationStatus" = 'VISIBLE') AS "ratingAverage",
           (SELECT count(DISTINCT d."organizationId")::int FROM "Deployment" d
             WHERE d."toolId" = t.id AND d.status::text = ANY(${ADOPTING}::text[])) AS "adoptionCount"
      FROM "Tool" t JOIN "Provider" p ON p.id = t."providerId" JOIN "Category" c ON c.id = t."categoryId"
     WHERE t."archivedAt" IS NULL`;
  const plans = await ctx.prisma.pricingPlan.findMany({ where: { archivedAt: null }, include: { tiers: true } });
  const plansByTool = new Map<number, PlanInput[]>();
  for (const plan of plans) plansByTool.set(plan.toolId, [...(plansByTool.get(plan.toolId) ?? []), plan]);
  return rows.map((row) => {
    const cheapest = cheapestPlan(plansByTool.get(row.id) ?? [], REFERENCE_PROFILE);
    return { ...row, referencePrice: cheapest.plan ? cheapest.tco.perYear : null };
  });
}

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

interface FacetShape {
  value: string;
  count: number;
}
const FacetCount = builder.objectRef<FacetShape>('FacetCount').implement({
  description: 'Nombre d’outils pour une valeur, avec tous les autres critères appliqués (UNKNOWN : non renseigné).',
  fields: (t) => ({ value: t.exposeString('value'), count: t.exposeInt('count') }),
});
const CatalogueFacets = builder
  .objectRef<{ categories: FacetShape[]; hostingCountries: FacetShape[]; aiActRiskTiers: FacetShape[] }>('CatalogueFacets')
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
        if (args.search && args.search.length > 200) throw new ValidationError('Recherche trop longue (200 caractères au plus).', 'search');
        if (args.filter?.minRating != null && (args.filter.minRating < 1 || args.filter.minRating > 5)) {
          throw new ValidationError('La note minimale doit être comprise entre 1 et 5.', 'minRating');
        }
        if ((args.first ?? 0) > 100) throw new ValidationError('100 outils au plus par page.', 'first');
        const result = queryCatalogue(await loadCatalogueRows(ctx), {
          filter: args.filter,
          search: args.search,
          orderBy: args.orderBy ?? null,
        });
        const connection = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, async ({ offset, limit }) => {
          const ids = result.rows.slice(offset, offset + limit).map((row) => row.id);
          // the nested selection (provider, category, plans…) is planned into this one query
          const query = queryFromInfo({ context: ctx, info, path: ['edges', 'node'], typeName: 'Tool' });
          const tools = await ctx.prisma.tool.findMany({ ...query, where: { id: { in: ids } } });
          const byId = new Map(tools.map((tool) => [tool.id, tool]));
          return ids.map((id) => byId.get(id)!);
        });
        return { ...connection, totalCount: result.rows.length, facets: result.facets };
      },
    },
    {
      name: 'CatalogueConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount }),
        facets: c.field({
          type: CatalogueFacets,
          resolve: (connection) => (connection as unknown as { facets: { categories: FacetShape[]; hostingCountries: FacetShape[]; aiActRiskTiers: FacetShape[] } }).facets,
        }),
      }),
    },
  ),
}));
