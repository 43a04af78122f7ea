import { ApolloClient, HttpLink } from '@apollo/client';
import { createCache } from './cache';

/**
 * The API is served on the same origin as the app (the Vite dev server proxies /graphql). The session
 * is an httpOnly cookie sent with every same-origin request; the server refuses any request without
 * the `x-mutualis-csrf` header, which a cross-site form or image cannot add.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({
      uri: '/graphql',
      credentials: 'same-origin',
      headers: { 'x-mutualis-csrf': '1' },
    }),
    cache: createCache(),
    clientAwareness: { name: 'mutualis-web', version: '1' },
  });
}
