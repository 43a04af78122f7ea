import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { createCache } from '../src/apollo/cache';
import { App } from '../src/App';
import { AccountMenuQuery } from '../src/components/AccountMenu';
import type { MembershipStatus, Role } from '../src/gql/graphql';

/** Shows the router location, so tests can assert what the app wrote to the URL. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

/** A signed-in person, as the header (AccountMenuQuery) and the pages' `viewer` fields read it. */
export function viewerFixture(
  overrides: Partial<{ name: string; roles: Role[]; membershipStatus: MembershipStatus; organization: { id: string; siren: string; name: string } }> = {},
) {
  const organization = overrides.organization ?? { id: 'Organization:212500565', siren: '212500565', name: 'Besançon' };
  return {
    __typename: 'User' as const,
    id: 'User:7',
    name: overrides.name ?? 'Camille Agent',
    roles: overrides.roles ?? (['MEMBER'] as Role[]),
    membershipStatus: overrides.membershipStatus ?? ('APPROVED' as MembershipStatus),
    organization: { __typename: 'Organization' as const, ...organization },
  };
}

/** The header's viewer query, answered as often as asked (it is on every page). */
export function accountMenuMock(viewer: ReturnType<typeof viewerFixture> | null): MockLink.MockedResponse {
  const data = viewer
    ? {
        viewer: {
          __typename: viewer.__typename,
          id: viewer.id,
          name: viewer.name,
          roles: viewer.roles,
          membershipStatus: viewer.membershipStatus,
          organization: { __typename: 'Organization', id: viewer.organization.id, name: viewer.organization.name },
        },
      }
    : { viewer: null };
  return { request: { query: AccountMenuQuery }, result: { data }, maxUsageCount: Number.POSITIVE_INFINITY };
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
  }: { viewer?: ReturnType<typeof viewerFixture> | null; accountMenu?: readonly MockLink.MockedResponse[] } = {},
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
