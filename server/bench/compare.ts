// Deep equality of two JSON values (object keys in any order, arrays in order), reporting the first difference.

const show = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

/** The first difference between a and b as "path: a ≠ b", or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (a === b) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${path} : ${a.length} éléments ≠ ${b.length}`;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
      if (!(key in ra) || !(key in rb)) return `${path}.${key} : ${show(ra[key])} ≠ ${show(rb[key])}`;
      const d = firstDifference(ra[key], rb[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return `${path} : ${show(a)} ≠ ${show(b)}`;
}
