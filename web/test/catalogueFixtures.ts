// Answers of the catalogue query (CatalogueQuery), shared by the catalogue and QueryState tests.
import type { VariablesOf } from '@graphql-typed-document-node/core';
import type { PricingModel } from '../src/gql/graphql';
import { CatalogueQuery } from '../src/screens/catalogue/CataloguePage';
import { CATALOGUE_PAGE_SIZE } from '../src/screens/catalogue/catalogueParams';
import type { Fixture } from './helpers';

type CatalogueData = Fixture<typeof CatalogueQuery>;
export type ToolEdge = CatalogueData['tools']['edges'][number];
type Plan = ToolEdge['node']['plans'][number];

export const CATEGORIES: CatalogueData['categories'] = [
  { __typename: 'Category', id: 'Category:1', slug: 'chatbot-citoyen', name: 'Chatbot et voicebot citoyens' },
  { __typename: 'Category', id: 'Category:2', slug: 'transcription', name: 'Transcription' },
  { __typename: 'Category', id: 'Category:3', slug: 'assistant-interne', name: 'Assistant interne' },
];

export function plan(id: string, name: string, pricingModel: PricingModel, unitPrice: string): Plan {
  return {
    __typename: 'PricingPlan',
    id: `PricingPlan:${id}`,
    name,
    pricingModel,
    unitPrice,
    source: 'PUBLISHED',
    sourceUrl: 'https://example.org/tarifs',
    sourceDate: '2025-03-12',
    isDemo: false,
  };
}

export function toolEdge(
  id: string,
  name: string,
  options: {
    category?: string;
    plans?: Plan[];
    hostingCountry?: string | null;
    isDemo?: boolean;
    ratings?: { count: number; average: string | null; demoCount: number };
    adoption?: { adopting: number; demoCount: number };
    /** The « coût annuel estimé » for the reference profile, and the plan it comes from (one of `plans`). */
    referenceCost?: { perYear: string; plan: Plan } | null;
  } = {},
): ToolEdge {
  const category = CATEGORIES.find((c) => c.slug === (options.category ?? 'chatbot-citoyen')) ?? CATEGORIES[0]!;
  return {
    __typename: 'CatalogueConnectionEdge',
    cursor: `T${id}`,
    node: {
      __typename: 'Tool',
      id: `Tool:${id}`,
      slug: name.toLowerCase().replace(/\s+/g, '-'),
      name,
      description: `Description de ${name}.`,
      provider: { __typename: 'Provider', id: `Provider:${id}`, name: 'DINUM', country: 'FR' },
      categoryDetails: { __typename: 'Category', id: category.id, name: category.name },
      deploymentMode: 'SAAS',
      hostingCountry: options.hostingCountry === undefined ? 'FR' : options.hostingCountry,
      aiActRiskTier: 'LIMITED',
      declaredByProvider: false,
      sourceUrl: 'https://example.org/fiche',
      sourceDate: '2025-03-01',
      isDemo: options.isDemo ?? false,
      ratings: { __typename: 'RatingSummary', ...(options.ratings ?? { count: 0, average: null, demoCount: 0 }) },
      adoption: { __typename: 'AdoptionSummary', ...(options.adoption ?? { adopting: 0, demoCount: 0 }) },
      plans: options.plans ?? [],
      referenceCost: options.referenceCost ? { __typename: 'CatalogueReferenceCost', ...options.referenceCost } : null,
    },
  };
}

type Facet = [value: string, count: number][];

export function cataloguePage(
  edges: ToolEdge[],
  {
    totalCount = edges.length,
    next = null,
    categories = [['chatbot-citoyen', edges.length]],
    countries = [['FR', edges.length]],
    tiers = [['LIMITED', edges.length]],
  }: { totalCount?: number; next?: string | null; categories?: Facet; countries?: Facet; tiers?: Facet } = {},
): CatalogueData {
  const facet = (values: Facet) => values.map(([value, count]) => ({ __typename: 'FacetCount' as const, value, count }));
  return {
    categories: CATEGORIES,
    catalogueReferenceProfile: { __typename: 'CatalogueReferenceProfile', population: 50000, seats: 50, requestsPerMonth: 20000, tokensPerRequest: 1000, years: 3 },
    tools: {
      __typename: 'CatalogueConnection',
      totalCount,
      facets: {
        __typename: 'CatalogueFacets',
        categories: facet(categories),
        hostingCountries: facet(countries),
        aiActRiskTiers: facet(tiers),
      },
      pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
      edges,
    },
  };
}

/** The request the catalogue sends for these variables (the page size added). */
export function catalogueRequest(variables: Partial<VariablesOf<typeof CatalogueQuery>> = {}) {
  return { query: CatalogueQuery, variables: { filter: {}, first: CATALOGUE_PAGE_SIZE, ...variables } };
}
