import type { TypedDocumentNode } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { createCache } from '../src/apollo/cache';
import { App } from '../src/App';
import { AccountMenuQuery } from '../src/components/AccountMenu';
import type { MembershipStatus, Role } from '../src/gql/graphql';

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
/**
 * An object's own fields and those of the fragments it spreads, and of the fragments they spread, all together
 * (a field two of them select holds both selections).
 */
type Flat<T> = T extends { ' $fragmentRefs'?: infer Refs }
  ? Omit<T, ' $fragmentRefs' | ' $fragmentName'> & Flat<UnionToIntersection<NonNullable<Refs>[keyof NonNullable<Refs>]>>
  : Omit<T, ' $fragmentName'>;
/** A generated result type with every fragment spread replaced by the fields it selects, at any depth. */
export type Unmasked<T> = unknown extends T
  ? T
  : T extends Primitive
    ? T
    : T extends readonly unknown[]
      ? Unmasked<T[number]>[]
      : { [K in keyof Flat<T>]: Unmasked<Flat<T>[K]> };

/**
 * The data a document answers, as its generated type says (ResultOf), with the fields of its fragments
 * unmasked and without the root __typename (which the server does not send): what a fixture must hold.
 */
export type Fixture<TDocument> = Omit<Unmasked<ResultOf<TDocument>>, '__typename'>;

/** One mocked answer to `query` with `variables` (or those a matcher accepts), its data typed by the document. */
export function answer<TDocument extends TypedDocumentNode<any, any>>(
  query: TDocument,
  variables: VariablesOf<TDocument> | ((variables: VariablesOf<TDocument>) => boolean),
  data: Fixture<NoInfer<TDocument>>,
): MockLink.MockedResponse {
  return { request: { query, variables }, result: { data } };
}

/** Shows the router location, so tests can assert what the app wrote to the URL. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

/** Everything Query.viewerCan answers, all refused (an anonymous visitor). */
const NOTHING = {
  actForOrganization: false,
  administerOrganization: false,
  readAudit: false,
  moderate: false,
  flagReviews: false,
  voteReviews: false,
  editCatalogue: false,
  pending: false,
  rejected: false,
};
export type Permissions = typeof NOTHING;
export type Permission = keyof Permissions;

/** What the API answers in Query.viewerCan for a few kinds of people (the API decides; the tests only say it). */
export const CAN = {
  nothing: NOTHING,
  /** An approved MEMBER of a collectivité. */
  member: { ...NOTHING, actForOrganization: true, flagReviews: true, voteReviews: true },
  /** An approved MEMBER and ORG_ADMIN of a collectivité. */
  orgAdmin: { ...NOTHING, actForOrganization: true, administerOrganization: true, flagReviews: true, voteReviews: true },
  /** Someone who signed up and waits for an administrator of their organization. */
  pending: { ...NOTHING, pending: true },
  /** The platform ADMIN. */
  admin: { ...NOTHING, readAudit: true, moderate: true, flagReviews: true, editCatalogue: true },
} satisfies Record<string, Permissions>;

/**
 * A signed-in person, as the header (AccountMenuQuery) and the pages' `viewer` fields read it, with what
 * the API says they may do (`can`, an approved member unless told).
 */
export function viewerFixture(
  overrides: Partial<{
    name: string;
    roles: Role[];
    membershipStatus: MembershipStatus;
    organization: { id: string; siren: string; name: string };
    can: Permissions;
  }> = {},
) {
  const organization = overrides.organization ?? { id: 'Organization:212500565', siren: '212500565', name: 'Besançon' };
  return {
    __typename: 'User' as const,
    id: 'User:7',
    name: overrides.name ?? 'Camille Agent',
    roles: overrides.roles ?? (['MEMBER'] as Role[]),
    membershipStatus: overrides.membershipStatus ?? ('APPROVED' as MembershipStatus),
    organization: { __typename: 'Organization' as const, ...organization },
    can: overrides.can ?? CAN.member,
  };
}

export type ViewerFixture = ReturnType<typeof viewerFixture>;

/** The `viewerCan` part of a page's answer: the permissions its query asks for, as the API says them for `viewer`. */
export function viewerCan<K extends Permission>(viewer: ViewerFixture | null, ...names: K[]): { __typename: 'ViewerPermissions' } & Pick<Permissions, K> {
  const can = viewer?.can ?? NOTHING;
  return { __typename: 'ViewerPermissions', ...(Object.fromEntries(names.map((name) => [name, can[name]])) as Pick<Permissions, K>) };
}

/** The header's viewer query, answered as often as asked (it is on every page). */
export function accountMenuMock(viewer: ViewerFixture | null): MockLink.MockedResponse {
  const data: Fixture<typeof AccountMenuQuery> = {
    viewer: viewer
      ? {
          __typename: viewer.__typename,
          id: viewer.id,
          name: viewer.name,
          unreadNotificationCount: 0,
          organization: { __typename: 'Organization', id: viewer.organization.id, name: viewer.organization.name },
        }
      : null,
    viewerCan: viewerCan(viewer, 'actForOrganization', 'moderate', 'readAudit', 'pending', 'rejected'),
  };
  return { ...answer(AccountMenuQuery, {}, data), maxUsageCount: Number.POSITIVE_INFINITY };
}

/**
 * Renders the whole app (layout and routes) at `path`, on the app's own cache policies. The header
 * asks who is signed in: anonymous unless `viewer` says otherwise; `accountMenu` replaces that answer
 * with a sequence (to follow a sign-in, for instance).
 */
export function renderApp(
  path: string,
  mocks: readonly MockLink.MockedResponse[],
  {
    viewer = null,
    accountMenu,
  }: { viewer?: ViewerFixture | null; accountMenu?: readonly MockLink.MockedResponse[] } = {},
) {
  return render(
    <MockedProvider
      mocks={[...(accountMenu ?? [accountMenuMock(viewer)]), ...mocks]}
      cache={createCache()}
      mockLinkDefaultOptions={{ delay: 10 }}
    >
      <MemoryRouter initialEntries={[path]}>
        <App />
        <LocationProbe />
      </MemoryRouter>
    </MockedProvider>,
  );
}

/**
 * Apollo reports incomplete fixtures (missing fields, unmatched requests) through console.error
 * and console.warn: fail the test instead of letting a wrong fixture pass silently.
 */
export function failOnConsoleErrors() {
  let calls: unknown[][] = [];
  beforeEach(() => {
    calls = [];
    for (const method of ['error', 'warn'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        calls.push(args);
      });
    }
  });
  afterEach(() => {
    cleanup();
    expect(calls).toEqual([]);
  });
}

/** Collapses the narrow and regular no-break spaces Intl puts in French numbers. */
export function normalizeSpaces(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
