// Readable group addresses: /groupements/12-ia-generative-pour-les-communes-du-doubs — the group's number, then its
// title in lower case without accents (the server writes the same links in its notifications: purchasing/rules.ts).

const TYPENAME = 'PurchasingGroup:';

/** The group's number inside its opaque API id (base64 of « PurchasingGroup:12 »), or null for another id. */
export function groupNumber(id: string): number | null {
  try {
    const raw = atob(id);
    const digits = raw.startsWith(TYPENAME) ? raw.slice(TYPENAME.length) : '';
    return /^\d+$/.test(digits) ? Number(digits) : null;
  } catch {
    return null;
  }
}

/** A title as a path: lower case, accents removed, words joined by hyphens, 60 characters at most (whole words). */
export function groupSlug(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
}

/** The address of a group's page, in its readable form (an id that is no group's keeps the opaque form). */
export function groupPath(group: { id: string; title: string }): string {
  const number = groupNumber(group.id);
  if (number === null) return `/groupements/${encodeURIComponent(group.id)}`;
  const slug = groupSlug(group.title);
  return `/groupements/${number}${slug ? `-${slug}` : ''}`;
}

/**
 * The API id named by the path segment of /groupements/:id: « 12-… » and « 12 » name the group 12; an older link's
 * opaque id is taken as it is.
 */
export function groupIdFromSegment(segment: string): string {
  const match = /^(\d+)(?:-|$)/.exec(segment);
  return match ? btoa(`${TYPENAME}${match[1]}`) : segment;
}
