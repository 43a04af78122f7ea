import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors, isErrorLike } from '@apollo/client/errors';
import { describeError } from '../components/QueryState';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import type { ErrorCode } from '../gql/graphql';

/** What a form shows after a refused submission: a general message, and messages by input field. */
export interface FormErrors {
  /** The API's error code; absent when the request itself failed (network, server fault). */
  code?: ErrorCode;
  message: string;
  /** Keyed by the input field the API names (`email`, `annualCost`, `organizationSiren`…). */
  fields: Partial<Record<string, string>>;
}

/**
 * What every error member of a result union says (the schema's Error interface): spread as
 * `...MutationError` beside the success member in each mutation document (and in the comparison query).
 */
export const MutationError = graphql(`
  fragment MutationError on Error {
    code
    message
    fields {
      field
      message
    }
  }
`);

/** The success member of a result union: `MutationXSuccess { data }`. */
export interface SuccessMember<T> {
  data: T;
}

/** Any member of a result union: the success member, or an error read through the MutationError fragment. */
export type ResultMember<T> = SuccessMember<T> | FragmentType<typeof MutationError>;

/** True for the success member (only it carries `data`). */
export function isSuccess<T>(member: ResultMember<T>): member is SuccessMember<T> {
  return 'data' in member;
}

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
  if (isSuccess(member)) return { ok: true, data: member.data };
  const error = getFragmentData(MutationError, member);
  return { ok: false, errors: { code: error.code, message: error.message, fields: fieldMessages(error.fields) } };
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
