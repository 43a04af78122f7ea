// Answers of the comparison page's queries, close to what the API returns for Grand Besançon Métropole.
import { ComparePageComparisonQuery, ComparePageQuery } from '../src/screens/compare/ComparePage';
import { OrganizationBySirenQuery } from '../src/components/OrganizationSearch';
import type { UsageProfileInput } from '../src/gql/graphql';
import { answer, type Fixture } from './helpers';
import { noPricesPaid } from './contractFixtures';

type ComparisonResult = Fixture<typeof ComparePageComparisonQuery>['compareTools'];
/** The comparison, as the success member of compareTools carries it. */
export type ComparisonFixture = Extract<ComparisonResult, { data: unknown }>['data'];
type ToolComparison = ComparisonFixture['tools'][number];
type Measure = NonNullable<ToolComparison['footprint']['kwh']>;

const measure = (value: string | null, basis: Measure['basis'], reason: string | null = null): Measure => ({
  __typename: 'Measure',
  value,
  basis,
  reason,
});

function tool(id: string, slug: string, name: string, provider: string, overrides: Partial<ToolComparison['tool']> = {}): ToolComparison['tool'] {
  return {
    __typename: 'Tool',
    id: `Tool:${id}`,
    slug,
    name,
    provider: { __typename: 'Provider', id: `Provider:${id}`, name: provider, country: 'FR' },
    hostingCountry: 'FR',
    aiActRiskTier: 'LIMITED',
    secNumCloud: false,
    gdprDpaAvailable: true,
    rgaaStatus: 'UNKNOWN',
    trainingOptOut: true,
    ratings: { __typename: 'RatingSummary', count: 33, verifiedCount: 33, demoCount: 0, average: '3.79' },
    adoption: { __typename: 'AdoptionSummary', demoCount: 0 },
    ...overrides,
  };
}

const unknownTco = (reason: string): ToolComparison['tco'] => ({
  __typename: 'TcoEstimate',
  known: false,
  reason,
  setup: null,
  perYear: null,
  total: null,
  perInhabitantPerYear: null,
  unit: null,
  unitPrice: null,
  tierIndex: null,
  minimumApplied: null,
  cumulative: [],
});

const unknownFootprint = (reason: string): ToolComparison['footprint'] => ({
  __typename: 'FootprintEstimate',
  known: false,
  reason,
  method: null,
  methodVersion: null,
  derivedFromGrid: false,
  gridZone: null,
  gridSourceUrl: null,
  figureSourceUrl: null,
  figureSourceDate: null,
  kwh: null,
  kgco2e: null,
  waterL: null,
});

export const CHAT: ToolComparison = {
  __typename: 'ToolComparison',
  tool: tool('2', 'le-chat-pro', 'Le Chat Pro', 'Mistral AI', { hostingCountry: 'SE' }),
  plan: {
    __typename: 'PricingPlan',
    id: 'PricingPlan:2',
    name: 'Le Chat Pro',
    pricingModel: 'PER_SEAT_MONTH',
    unitPrice: '14.99',
    sourceUrl: 'https://help.mistral.ai/en/articles/455205',
    sourceDate: '2025-02-06',
    isDemo: false,
  },
  tco: {
    __typename: 'TcoEstimate',
    known: true,
    reason: null,
    setup: '0.00',
    perYear: '8994.00',
    total: '26982.00',
    perInhabitantPerYear: '0.05',
    unit: 'siège',
    unitPrice: '14.99',
    tierIndex: -1,
    minimumApplied: false,
    cumulative: ['8994.00', '17988.00', '26982.00'],
  },
  footprint: {
    __typename: 'FootprintEstimate',
    known: true,
    reason: null,
    method: 'LCA_THIRD_PARTY',
    methodVersion: 'ACV Carbone 4 et ADEME, 2025',
    derivedFromGrid: false,
    gridZone: null,
    gridSourceUrl: null,
    figureSourceUrl: 'https://mistral.ai/news/our-contribution-to-a-global-environmental-standard-for-ai',
    figureSourceDate: '2025-07-22',
    kwh: measure(null, 'UNKNOWN', 'énergie par requête non publiée'),
    kgco2e: measure('273.600', 'FIGURE'),
    waterL: measure('10800.000', 'FIGURE'),
  },
  adoptionCount: 76,
  pricesPaid: noPricesPaid(),
  providerPricesPaid: noPricesPaid(),
};

export const ALBERT: ToolComparison = {
  __typename: 'ToolComparison',
  tool: tool('1', 'albert', 'Albert', 'DINUM', {
    gdprDpaAvailable: null,
    trainingOptOut: null,
    ratings: { __typename: 'RatingSummary', count: 27, verifiedCount: 27, demoCount: 27, average: '4.07' },
    adoption: { __typename: 'AdoptionSummary', demoCount: 40 },
  }),
  plan: {
    __typename: 'PricingPlan',
    id: 'PricingPlan:1',
    name: 'Albert — accès gratuit pour les administrations',
    pricingModel: 'FREE',
    unitPrice: '0',
    sourceUrl: 'https://banquedesterritoires.fr/albert',
    sourceDate: '2024-05-28',
    isDemo: false,
  },
  tco: {
    __typename: 'TcoEstimate',
    known: true,
    reason: null,
    setup: '0.00',
    perYear: '0.00',
    total: '0.00',
    perInhabitantPerYear: '0.00',
    unit: 'gratuit',
    unitPrice: '0',
    tierIndex: -1,
    minimumApplied: false,
    cumulative: ['0.00', '0.00', '0.00'],
  },
  footprint: {
    __typename: 'FootprintEstimate',
    known: true,
    reason: null,
    method: 'ECOLOGITS_ESTIMATE',
    methodVersion: '0.8.2',
    derivedFromGrid: true,
    gridZone: 'FR',
    gridSourceUrl: 'https://ourworldindata.org/grapher/carbon-intensity-electricity',
    figureSourceUrl: 'https://github.com/betagouv/ComparIA',
    figureSourceDate: '2025-11-12',
    kwh: measure('361.728', 'FIGURE'),
    kgco2e: measure('20.257', 'GRID'),
    waterL: measure(null, 'UNKNOWN', 'eau par kWh du pays d’hébergement inconnue'),
  },
  adoptionCount: 77,
  pricesPaid: noPricesPaid(),
  providerPricesPaid: noPricesPaid(),
};

export const YELDA: ToolComparison = {
  __typename: 'ToolComparison',
  tool: tool('5', 'yelda', 'Yelda', 'Yelda', {
    hostingCountry: null,
    aiActRiskTier: null,
    ratings: { __typename: 'RatingSummary', count: 0, verifiedCount: 0, demoCount: 0, average: null },
  }),
  plan: null,
  tco: unknownTco('aucune offre tarifaire publiée ou déclarée'),
  footprint: unknownFootprint('aucun chiffre d’impact publié pour cet outil'),
  adoptionCount: 12,
  pricesPaid: noPricesPaid(),
  providerPricesPaid: noPricesPaid(),
};

const NOTE = 'Méthodes d’évaluation différentes : comparaison indicative.';

export const COMPARISON: ComparisonFixture = {
  __typename: 'Comparison',
  profile: {
    __typename: 'UsageProfile',
    organizationName: 'Grand Besançon Métropole',
    organizationSiren: '242500361',
    population: 198387,
    populationSource: 'population municipale, @etalab/decoupage-administratif 6.0.0',
    seats: 50,
    requestsPerMonth: 20000,
    years: 3,
    tokensPerRequest: 1000,
  },
  tools: [CHAT, ALBERT, YELDA],
  best: [
    { __typename: 'BestOn', dimension: 'COST', toolSlugs: ['albert'], note: 'Coût inconnu pour yelda.' },
    { __typename: 'BestOn', dimension: 'CARBON', toolSlugs: ['albert'], note: NOTE },
    { __typename: 'BestOn', dimension: 'ENERGY', toolSlugs: ['albert'], note: NOTE },
    { __typename: 'BestOn', dimension: 'WATER', toolSlugs: ['le-chat-pro'], note: NOTE },
    { __typename: 'BestOn', dimension: 'RATING', toolSlugs: ['albert'], note: 'Note inconnu pour yelda.' },
    { __typename: 'BestOn', dimension: 'ADOPTION', toolSlugs: ['albert'], note: null },
  ],
};

type PickableTool = Fixture<typeof ComparePageQuery>['tools']['edges'][number]['node'];

const picked = (comparison: ToolComparison): PickableTool => ({
  __typename: 'Tool',
  id: comparison.tool.id,
  slug: comparison.tool.slug,
  name: comparison.tool.name,
  provider: { __typename: 'Provider', id: comparison.tool.provider.id, name: comparison.tool.provider.name },
  categoryDetails: { __typename: 'Category', id: 'Category:1', name: 'Assistant interne' },
});

/** The page's own query: who is signed in, and the catalogue to pick from. */
export function comparePageMock(viewer: { siren: string; name: string } | null = null) {
  return answer(ComparePageQuery, {}, {
    viewer: viewer
      ? {
          __typename: 'User',
          id: 'User:7',
          organization: { __typename: 'Organization', id: `Organization:${viewer.siren}`, siren: viewer.siren, name: viewer.name },
        }
      : null,
    tools: {
      __typename: 'CatalogueConnection',
      totalCount: 3,
      edges: [ALBERT, CHAT, YELDA].map((comparison) => ({ __typename: 'CatalogueConnectionEdge' as const, node: picked(comparison) })),
    },
  });
}

/** The collectivité behind the SIREN typed in the form. */
export function organizationMock(siren = '242500361') {
  const data: Fixture<typeof OrganizationBySirenQuery> = {
    organization: {
      __typename: 'Organization',
      id: `Organization:${siren}`,
      siren,
      name: 'Grand Besançon Métropole',
      kind: 'EPCI',
      epciType: 'METRO',
      departementCode: '25',
      population: 198387,
    },
  };
  return { ...answer(OrganizationBySirenQuery, { siren }, data), maxUsageCount: Number.POSITIVE_INFINITY };
}

export const PROFILE: UsageProfileInput = { organizationSiren: '242500361', seats: 50, requestsPerMonth: 20000, years: 3 };

export function comparisonMock(slugs: string[], profile: UsageProfileInput, compareTools: ComparisonResult) {
  return answer(ComparePageComparisonQuery, { slugs, profile }, { compareTools });
}

export const SUCCESS: ComparisonResult = { __typename: 'QueryCompareToolsSuccess', data: COMPARISON };
