// Names of the tools ticked for comparison, kept for the browser tab: the selection lives in the URL as
// slugs, and a ticked tool may no longer be among the loaded results (another search, another filter).

const KEY = 'mutualis.comparaison.noms';

function read(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function rememberToolName(slug: string, name: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...read(), [slug]: name }));
  } catch {
    // Storage full or disabled: the bar shows the slug instead of the name.
  }
}

export function rememberedToolName(slug: string): string | undefined {
  const name = read()[slug];
  return typeof name === 'string' ? name : undefined;
}
