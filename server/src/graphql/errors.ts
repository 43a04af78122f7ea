import { GraphQLError } from 'graphql';

export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'RATE_LIMITED';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Expected failures, with a French message and a stable code. Mutations return them as members of their
 * result union (Pothos errors plugin); elsewhere they travel as GraphQL errors with `extensions.code`,
 * which yoga never masks.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message, { extensions: { code, ...(fields.length ? { fields } : {}) } });
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields: FieldError[] | string = []) {
    super('VALIDATION', message, typeof fields === 'string' ? [{ field: fields, message }] : fields);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Vous n’avez pas les droits nécessaires pour cette action.') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Connectez-vous pour effectuer cette action.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field ? [{ field, message }] : []);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

/** The union members every mutation result may hold. */
export const mutationErrorTypes = [
  ValidationError,
  NotFoundError,
  ForbiddenError,
  UnauthenticatedError,
  ConflictError,
  RateLimitedError,
];

/** A write that a unique constraint may refuse (Prisma P2002): the refusal becomes a typed CONFLICT with `message`. */
export async function unique<T>(write: Promise<T>, message: string, field?: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'P2002') {
      throw new ConflictError(message, field);
    }
    throw error;
  }
}
