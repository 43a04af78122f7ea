import { InMemoryCache } from '@apollo/client';
import { possibleTypes } from '../gql/possible-types';
import { cursorConnectionPagination } from './cursorConnectionPagination';

/** The cache shared by the app and the tests, so both page connections the same way. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    // Mutation results are unions whose errors are read through `... on Error`.
    possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          // One list per filter (kind, EPCI type, département, search text).
          organizations: cursorConnectionPagination(['filter']),
          tools: cursorConnectionPagination(),
          moderationQueue: cursorConnectionPagination(),
          // One list per filter of the audit log (SIREN, entity type, action, dates).
          auditEvents: cursorConnectionPagination(['filter']),
        },
      },
      Organization: {
        fields: {
          members: cursorConnectionPagination(),
          deployments: cursorConnectionPagination(),
        },
      },
      Tool: {
        fields: {
          reviews: cursorConnectionPagination(),
        },
      },
      // Value objects without identity: stored inside their parent.
      Charter: { keyFields: false },
      PriceTier: { keyFields: false },
      RatingSummary: { keyFields: false },
      FieldError: { keyFields: false },
    },
  });
}
