import { ApolloClient, HttpLink } from '@apollo/client';
import { createCache } from './cache';

/** The API is served on the same origin as the app (the Vite dev server proxies /graphql). */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
    cache: createCache(),
    clientAwareness: { name: 'mutualis-web', version: '1' },
  });
}
