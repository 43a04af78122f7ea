import type { z } from 'zod';
import { ValidationError, type FieldError } from './errors.ts';

/** Collects field errors, then throws them all at once so that a form can show each next to its field. */
export class Checks {
  private readonly errors: FieldError[] = [];

  check(ok: boolean, field: string, message: string): this {
    if (!ok && !this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
    return this;
  }

  text(value: string | null | undefined, field: string, label: string, { min = 0, max }: { min?: number; max: number }): this {
    const length = value?.trim().length ?? 0;
    if (min > 0 && length < min) return this.check(false, field, min === 1 ? `${label} est obligatoire.` : `${label} doit compter au moins ${min} caractères.`);
    return this.check(length <= max, field, `${label} ne doit pas dépasser ${max} caractères.`);
  }

  rating(value: number | null | undefined, field: string, label: string, required = false): this {
    if (value === null || value === undefined) return this.check(!required, field, `${label} est obligatoire.`);
    return this.check(Number.isInteger(value) && value >= 1 && value <= 5, field, `${label} doit être une note entière de 1 à 5.`);
  }

  /** The value parsed by one of shared/validation.ts's schemas, or undefined with the schema's message on `field`. */
  parse<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> | undefined {
    if (value === null || value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    this.check(false, field, result.error.issues[0]?.message ?? 'Valeur invalide.');
    return undefined;
  }

  done(): void {
    if (this.errors.length) {
      throw new ValidationError(
        this.errors.length === 1 ? this.errors[0]!.message : 'Certains champs sont invalides : corrigez-les puis réessayez.',
        this.errors,
      );
    }
  }
}

/** Trimmed text, or null when empty. */
export const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const HTTP_URL = /^https?:\/\/[^\s]+$/;
