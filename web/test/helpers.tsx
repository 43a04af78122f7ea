import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { createCache } from '../src/apollo/cache';
import { App } from '../src/App';

/** Shows the router location, so tests can assert what the app wrote to the URL. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

/** Renders the whole app (layout and routes) at `path`, on the app's own cache policies. */
export function renderApp(path: string, mocks: readonly MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks} cache={createCache()} mockLinkDefaultOptions={{ delay: 10 }}>
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
