// Computed statistics, kept per scope while the data they read has not changed (the `stats_version` sequence, moved by
// every statement that changes it, whichever server instance wrote) and for at most STATS_CACHE_SECONDS. Requests that
// ask the same scope at the same time share one computation. Nothing here is state another instance needs: a cold
// instance computes the same figures.
import { STATS_CACHE_SECONDS } from './rules.ts';

interface Entry<T> {
  version: string;
  expires: number;
  value: Promise<T>;
}

/** At most this many scopes are kept (the least recently used one leaves first). */
const MAX_ENTRIES = 500;

export class StatsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly ttlMs = STATS_CACHE_SECONDS * 1000) {}

  /** The value of `key` computed at `version`, computing it once when absent, stale or of another version. */
  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.expires > now) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = compute();
    const entry = { version, expires: now + this.ttlMs, value };
    this.entries.set(key, entry);
    // a failed computation is not kept: the next request tries again
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
