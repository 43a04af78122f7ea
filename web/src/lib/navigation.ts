/** A path inside the app to come back to after signing in (never another site). */
export function safeReturnPath(value: string | null | undefined, fallback = '/mon-organisation'): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
