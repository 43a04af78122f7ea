import { InMemoryCache } from '@apollo/client';
import introspection from '../gql/possible-types';
import { cursorConnectionPagination } from './cursorConnectionPagination';

/** The cache shared by the app and the tests, so both page connections the same way. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    // Mutation results are unions whose errors are read through the MutationError fragment (on Error).
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          // One list per filter (kind, EPCI type, département, search text).
          organizations: cursorConnectionPagination(['filter']),
          // One list per search, filter and order of the catalogue.
          tools: cursorConnectionPagination(['filter', 'search', 'orderBy']),
          moderationQueue: cursorConnectionPagination(),
          // One list per filter of the audit log (SIREN, entity type, action, dates).
          auditEvents: cursorConnectionPagination(['filter']),
          // One list per filter of the purchasing groups (status, category, mine).
          purchasingGroups: cursorConnectionPagination(['filter']),
          // One list per decision of the contract curation queue (KEPT, REJECTED…).
          contractCurationQueue: cursorConnectionPagination(['decision']),
          decpImports: cursorConnectionPagination(),
        },
      },
      Organization: {
        fields: {
          members: cursorConnectionPagination(),
          deployments: cursorConnectionPagination(),
          publicContracts: cursorConnectionPagination(),
        },
      },
      Tool: {
        fields: {
          reviews: cursorConnectionPagination(),
          publicContracts: cursorConnectionPagination(),
          referents: cursorConnectionPagination(),
        },
      },
      Provider: {
        fields: {
          publicContracts: cursorConnectionPagination(),
        },
      },
      // Prices paid, read whole wherever they are shown.
      PricesPaid: { keyFields: false },
      PublicContractHolder: { keyFields: false },
      // Value objects without identity: stored inside their parent.
      Charter: { keyFields: false },
      PriceTier: { keyFields: false },
      // The tool page reads every criterion, the comparison only the mean and counts: merged, not replaced.
      RatingSummary: { keyFields: false, merge: true },
      FieldError: { keyFields: false },
      // A group's economics are read in part by the list and in full by the group page: merged, not replaced.
      GroupEconomics: { keyFields: false, merge: true },
      GroupPriceTier: { keyFields: false },
      MemberShare: { keyFields: false },
      NextTier: { keyFields: false },
      Permission: { keyFields: false },
      // What the signed-in person may do: each page reads the part it needs (the store is reset at sign-in and out).
      ViewerPermissions: { keyFields: false, merge: true },
    },
  });
}
