import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 /* Argon2id (a const enum upstream) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Compared against when the e-mail is unknown, so that the answer takes as long either way.
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  passwordChecks.count++;
  if (!stored) {
    decoy ??= hashPassword('mutualis-decoy-password');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** The rules a new password follows (sign-up, password change), as French messages; empty when it is fine. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(`Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.`);
  if (password.length > PASSWORD_MAX) problems.push(`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX} caractères.`);
  return problems;
}

/** How many passwords were checked by this process: tests prove that a limit stopped checks from happening. */
export const passwordChecks = { count: 0 };
