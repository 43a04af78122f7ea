import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
  type FieldError,
} from './errors.ts';
import { builder } from './builder.ts';

const ErrorCode = builder.enumType('ErrorCode', {
  description: 'Nature d’une erreur attendue.',
  values: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'RATE_LIMITED'] as const,
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'Erreur sur un champ de formulaire, à afficher à côté du champ.',
  fields: (t) => ({
    field: t.exposeString('field'),
    message: t.exposeString('message'),
  }),
});

export const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  description: 'Erreur attendue (saisie invalide, droits, introuvable, conflit…), avec un message en français.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({ type: ErrorCode, resolve: (error) => error.code }),
    fields: t.field({ type: [FieldErrorRef], resolve: (error) => error.fields }),
  }),
});

for (const [cls, description] of [
  [ValidationError, 'Saisie invalide : le détail par champ est dans `fields`.'],
  [NotFoundError, 'Élément introuvable.'],
  [ForbiddenError, 'Action interdite pour votre rôle ou votre organisation.'],
  [UnauthenticatedError, 'Connexion requise.'],
  [ConflictError, 'L’action entre en conflit avec l’état actuel.'],
] as const) {
  builder.objectType(cls, { name: cls.name, description, interfaces: [ErrorInterface] });
}

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: 'Trop de tentatives : réessayez plus tard.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
