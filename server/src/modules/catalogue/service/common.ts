import type { z } from 'zod';
import { Checks, clean } from '../../../graphql/validate.ts';
import type { AuthContexts } from '../../../graphql/scopes.ts';
import { NotFoundError } from '../../../graphql/errors.ts';

// What the catalogue's use cases share: who calls them, what they return their row with, how they read an input.

/** Every catalogue edit has passed its scope (admin or editsTool) before it runs: the caller is signed in. */
export type SignedIn = AuthContexts['loggedIn'];

/** The GraphQL selection (prismaField's `query`) that the last write of a use case returns its row with. */
export interface Selection<Include, Select> {
  include?: Include;
  select?: Select;
}

/** Drops undefined keys; trims strings; turns empty strings into null. */
export function defined<T extends Record<string, unknown>>(input: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' ? clean(value) : value;
  }
  return out as Partial<T>;
}

/**
 * The checks a catalogue input starts with: on creation, the fields it requires (each with the message shown when it
 * is missing), then the values that the shared input rules (shared/validation.ts) judge, by field.
 */
export function inputChecks(input: object, required: Record<string, string> | null, rules: Record<string, z.ZodType>): Checks {
  const values = input as Record<string, unknown>;
  const checks = new Checks();
  for (const [field, message] of Object.entries(required ?? {})) checks.check(values[field] != null, field, message);
  for (const [field, rule] of Object.entries(rules)) checks.parse(rule, values[field], field);
  return checks;
}

export const FUTURE_SOURCE = 'La date de la source ne peut pas être dans le futur.';
export const notFuture = (date: Date | null | undefined) => date == null || date.getTime() <= Date.now();

/** Selects the provider of a plan's or a figure's tool. */
export const TOOL_PROVIDER = { tool: { select: { providerId: true } } } as const;

/** The provider of the tool a plan or figure belongs to, for the `editsTool` scope; an unknown one is NOT_FOUND. */
export async function providerOfPart(part: Promise<{ tool: { providerId: number } } | null>, missing: string): Promise<number> {
  const found = await part;
  if (!found) throw new NotFoundError(missing);
  return found.tool.providerId;
}
