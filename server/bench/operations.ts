// The named GraphQL operations of the bench, modelled on what the web client sends (web/src/gql/persisted-documents.json
// and web/src/screens/**): the catalogue page, a tool page, the catalogue search, a deep catalogue page, the comparison,
// an EPCI's communes and their deployments, the directory search. Cursor strings are not selected in the operations
// that the baseline answers too: their format is the server's choice; hasNextPage and the items are what the page shows.

export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Answered by the hand-written baseline too (and checked equal). */
  baseline: boolean;
  /** A write (signed-in, CSRF header). */
  write?: boolean;
}

const PLAN_FIELDS = 'id name pricingModel unitPrice setupFee source sourceDate isDemo';

export const TOOLS_PAGE = `query ToolsPage($first: Int!) {
  categories { id name slug }
  tools(first: $first) {
    totalCount
    pageInfo { hasNextPage }
    facets { categories { value count } hostingCountries { value count } aiActRiskTiers { value count } }
    edges { node {
      id slug name description hostingCountry aiActRiskTier deploymentMode declaredByProvider isDemo sourceDate
      provider { id name country }
      categoryDetails { id name }
      ratings { count average }
      adoption { total }
      plans { ${PLAN_FIELDS} }
    } }
  }
}`;

export const TOOL_BY_ID = `query ToolById($slug: String!, $reviews: Int!) {
  tool(slug: $slug) {
    id slug name description models openSourceLicense deploymentMode hostingCountry aiActRiskTier secNumCloud rgaaStatus languages
    website declaredByProvider isDemo sourceUrl sourceDate
    provider { id name country certifications website }
    categoryDetails { id name slug }
    ratings { count verifiedCount average easeOfUse outputQuality support dataProtection valueForMoney accessibility }
    adoption { total byStatus { status count } }
    plans { ${PLAN_FIELDS} minimumQuantity minimumAnnualAmount tiers { minVolume unitPrice } }
    reviews(first: $reviews) {
      totalCount
      pageInfo { hasNextPage }
      edges { node {
        id rating easeOfUse outputQuality support dataProtection valueForMoney accessibility title body pros cons
        authorName verified helpfulCount isDemo createdAt updatedAt
        organization { id name siren }
      } }
    }
    adopters(first: 20) {
      totalCount
      edges { node { id status startDate isDemo organization { id name siren kind } } }
    }
  }
}`;

export const SEARCH_TOOLS = `query SearchTools($search: String!) {
  tools(search: $search, first: 20) {
    totalCount
    pageInfo { hasNextPage }
    edges { node { id slug name provider { id name } categoryDetails { id name } ratings { count average } } }
  }
}`;

export const DEEP_CURSOR = `query DeepCursor($after: String) {
  tools(first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage }
    edges { node { id slug name provider { id name } ratings { count average } adoption { total } } }
  }
}`;

export const COMPARE_TOOLS = `query CompareTools($slugs: [String!]!, $profile: UsageProfileInput!) {
  compareTools(slugs: $slugs, profile: $profile) {
    __typename
    ... on Error { code message }
    ... on QueryCompareToolsSuccess { data {
      profile { organizationName population seats requestsPerMonth years }
      best { dimension toolSlugs note }
      tools {
        adoptionCount
        tool { id slug name hostingCountry secNumCloud provider { id name } ratings { average count verifiedCount } }
        plan { id name pricingModel unitPrice }
        tco { known reason setup perYear total perInhabitantPerYear unitPrice tierIndex cumulative }
        footprint { known reason method kwh { value basis } kgco2e { value basis } waterL { value basis } gridZone }
      }
    } }
  }
}`;

export const ORGANIZATION_DEPLOYMENTS = `query OrganizationDeployments($siren: String!) {
  organization(siren: $siren) {
    id name kind epciType population
    members(first: 100) {
      totalCount
      edges { node {
        id name siren population
        deployments(first: 10) {
          totalCount
          edges { node { id status service startDate annualCost isDemo tool { id slug name } } }
        }
      } }
    }
  }
}`;

export const DIRECTORY = `query Directory($search: String!) {
  organizations(filter: { search: $search }, first: 50) {
    totalCount
    pageInfo { hasNextPage }
    edges { node { id name siren kind epciType population departementCode } }
  }
}`;

/** The heaviest aggregate reads there are until the statistics API of issue 12 exists: adoption and ratings ranked. */
// What the Statistiques page asks (web/src/screens/statistics): key figures, the map's départements, the charts.
export const adoptionStatsQuery = (name: string) => `query ${name}($scope: StatsScopeInput) {
  adoptionStats(scope: $scope) {
    __typename
    ... on Error { code message }
    ... on QueryAdoptionStatsSuccess { data {
      generatedAt organizations
      declaring { count demo rate } adopting { count demo rate } chartersAdopted { count demo rate } chartersPlanned { count demo rate }
      deployments { count demo } inUse { count demo rate }
      byStatus { key count demo rate } aiActTiers { key count demo rate } hosting { key count demo rate }
      spend { amount demo contributors withheld } spendOutsideEu { amount demo } spendOutsideEuShare
      concentration { hhiDeployments hhiSpend hhiDeploymentsWithoutDemo providers top { slug name count demo rate spendShare spend { amount withheld } } }
      footprint { covered { count demo rate } kwh kgco2e kgco2eDemo waterL methods { key count demo kgco2e } }
      abandoned { count demo rate } abandonReasons { key count demo }
      procurementRoutes { key count demo rate spend { amount withheld } }
      topTools { slug name providerName count demo organizations } categories { slug name count demo spend { amount withheld } }
      departements: breakdown(by: DEPARTEMENT) { key label organizations declaring { count demo rate } adopting { count demo rate } chartersAdopted { count rate } deployments { count demo } spend { amount withheld } }
      epciTypes: breakdown(by: EPCI_TYPE) { key label organizations adopting { count rate } chartersAdopted { count demo rate } chartersPlanned { count rate } }
      bands: breakdown(by: POPULATION_BAND) { key label organizations declaring { count rate } adopting { count demo rate } }
    } }
  }
}`

export const VOTE_REVIEW = `mutation VoteReviewHelpful($reviewId: ID!) {
  voteReviewHelpful(reviewId: $reviewId) {
    __typename
    ... on Error { code message }
    ... on MutationVoteReviewHelpfulSuccess { data { id helpfulCount } }
  }
}`;

export const UPDATE_DEPLOYMENT = `mutation UpdateDeployment($id: ID!, $input: UpdateDeploymentInput!) {
  updateDeployment(id: $id, input: $input) {
    __typename
    ... on Error { code message }
    ... on MutationUpdateDeploymentSuccess { data { id status users updatedAt } }
  }
}`;

export const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { __typename ... on Error { code message } ... on MutationSignInSuccess { data { id } } }
}`;

/** What the operations are run with, found in the generated database (see main.ts). */
export interface Targets {
  toolSlug: string;
  compareSlugs: string[];
  epciSiren: string;
  /** The EPCI's département. */
  departement: string;
  /** The cursor of the last item before the deep page, as the API hands it out (walked page by page). */
  deepCursor: string | null;
  deepOffset: number;
}

export function readOperations(t: Targets): Operation[] {
  return [
    { name: 'Ping', query: 'query Ping { __typename }', variables: {}, baseline: false },
    { name: 'ToolsPage', query: TOOLS_PAGE, variables: { first: 50 }, baseline: true },
    { name: 'ToolById', query: TOOL_BY_ID, variables: { slug: t.toolSlug, reviews: 20 }, baseline: true },
    { name: 'SearchTools', query: SEARCH_TOOLS, variables: { search: 'courrier' }, baseline: true },
    // offset is for the baseline (which has no cursor of its own); the API ignores a variable its operation does not declare
    { name: 'DeepCursor', query: DEEP_CURSOR, variables: { after: t.deepCursor, offset: t.deepOffset }, baseline: true },
    {
      name: 'CompareTools', query: COMPARE_TOOLS, baseline: false,
      variables: { slugs: t.compareSlugs, profile: { organizationSiren: t.epciSiren, seats: 50, requestsPerMonth: 20000, years: 3 } },
    },
    { name: 'OrganizationDeployments', query: ORGANIZATION_DEPLOYMENTS, variables: { siren: t.epciSiren }, baseline: true },
    { name: 'Directory', query: DIRECTORY, variables: { search: 'saint' }, baseline: true },
  ];
}

/** The statistics of the whole country, of the bench's EPCI and of its département. */
export const statisticsOperations = (t: Pick<Targets, 'epciSiren' | 'departement'>): Operation[] => [
  { name: 'NationalStats', query: adoptionStatsQuery('NationalStats'), variables: { scope: {} }, baseline: false },
  { name: 'EpciStats', query: adoptionStatsQuery('EpciStats'), variables: { scope: { epciSiren: t.epciSiren } }, baseline: false },
  { name: 'DepartementStats', query: adoptionStatsQuery('DepartementStats'), variables: { scope: { departement: t.departement } }, baseline: false },
];

export const body = (op: Pick<Operation, 'name' | 'query' | 'variables'>) =>
  JSON.stringify({ operationName: op.name, query: op.query, variables: op.variables });
