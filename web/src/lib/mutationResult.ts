import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors, isErrorLike } from '@apollo/client/errors';
import { describeError } from '../components/QueryState';
import type { ErrorCode } from '../gql/graphql';

/** What a form shows after a refused submission: a general message, and messages by input field. */
export interface FormErrors {
  /** The API's error code; absent when the request itself failed (network, server fault). */
  code?: ErrorCode;
  message: string;
  /** Keyed by the input field the API names (`email`, `annualCost`, `organizationSiren`…). */
  fields: Partial<Record<string, string>>;
}

/** The `... on Error { code message fields { field message } }` member of a mutation result union. */
interface ErrorMember {
  code: ErrorCode;
  message: string;
  fields: readonly { field: string; message: string }[];
}

/** Any member of a mutation result union: `MutationXSuccess { data }` or an error. */
export type ResultMember<T> = { data: T } | ErrorMember;

export type Outcome<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'RATE_LIMITED',
]);

/** Field errors from a list of `FieldError`s; the first message for a field wins. */
export function fieldMessages(fields: readonly { field: string; message: string }[]): FormErrors['fields'] {
  const byField: FormErrors['fields'] = {};
  for (const { field, message } of fields) byField[field] ??= message;
  return byField;
}

/** Errors checked in the browser before sending, in the same shape as the API's. */
export function clientValidation(fields: FormErrors['fields']): FormErrors | undefined {
  if (Object.keys(fields).length === 0) return undefined;
  return { code: 'VALIDATION', message: 'Le formulaire contient des erreurs.', fields };
}

/**
 * A request that failed as a whole (network, CSRF refusal, unexpected server fault). The API's own
 * errors carry a French message and a known code: that message is shown; anything else is described.
 */
export function transportErrors(error: ErrorLike): FormErrors {
  if (CombinedGraphQLErrors.is(error)) {
    const known = error.errors.find((e) => ERROR_CODES.has(String(e.extensions?.['code'])));
    if (known) return { code: known.extensions?.['code'] as ErrorCode, message: known.message, fields: {} };
  }
  const { summary } = describeError(error);
  return { message: summary, fields: {} };
}

/** The outcome carried by a result union. */
export function readResult<T>(member: ResultMember<T>): Outcome<T> {
  if ('code' in member) {
    return { ok: false, errors: { code: member.code, message: member.message, fields: fieldMessages(member.fields) } };
  }
  return { ok: true, data: member.data };
}

/**
 * Runs a mutation and turns every way it can end into an Outcome: the success member's data, an
 * error member of the union (with its field errors), or a failed request.
 */
export async function settle<TData, T>(
  run: () => Promise<{ data?: TData | null; error?: ErrorLike }>,
  pick: (data: TData) => ResultMember<T>,
): Promise<Outcome<T>> {
  try {
    const { data, error } = await run();
    if (error) return { ok: false, errors: transportErrors(error) };
    if (data == null) return { ok: false, errors: { message: 'Le serveur n’a renvoyé aucune réponse.', fields: {} } };
    return readResult(pick(data));
  } catch (reason: unknown) {
    return { ok: false, errors: transportErrors(isErrorLike(reason) ? reason : new Error(String(reason))) };
  }
}

/** The code of the API error behind a failed query (`FORBIDDEN`, `UNAUTHENTICATED`…), if any. */
export function queryErrorCode(error: ErrorLike | undefined): ErrorCode | undefined {
  if (!error || !CombinedGraphQLErrors.is(error)) return undefined;
  for (const e of error.errors) {
    const code = String(e.extensions?.['code']);
    if (ERROR_CODES.has(code)) return code as ErrorCode;
  }
  return undefined;
}
