import { InMemoryCache } from '@apollo/client';
import { cursorConnectionPagination } from './cursorConnectionPagination';

/** The cache shared by the app and the tests, so both page connections the same way. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // One list per filter (kind, EPCI type, département, search text).
          organizations: cursorConnectionPagination(['filter']),
          tools: cursorConnectionPagination(),
        },
      },
      Organization: {
        fields: {
          members: cursorConnectionPagination(),
        },
      },
      // Value objects without identity: stored inside their parent.
      Charter: { keyFields: false },
      PriceTier: { keyFields: false },
    },
  });
}
