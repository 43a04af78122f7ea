// Générateur pseudo-aléatoire reproductible des données de démonstration.

/** mulberry32 : générateur 32 bits rapide et reproductible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Flottant dans [0, 1[. */
  float(): number {
    return this.next();
  }
  /** Entier dans [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() sur une liste vide');
    return item;
  }
  /** Choix pondéré d'une valeur parmi [valeur, poids]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let target = this.next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('weighted() sur une liste vide');
    return last[0];
  }
  /**
   * Tirage pondéré sans remise de `count` éléments (Efraimidis–Spirakis) : chaque élément reçoit la clé
   * −ln(u) / poids et les plus petites clés sont retenues. Ordre stable (départage par position).
   */
  sample<T>(items: readonly T[], weightOf: (item: T) => number, count: number): T[] {
    const keyed: { item: T; key: number; index: number }[] = [];
    items.forEach((item, index) => {
      const u = 1 - this.next(); // ]0, 1]
      const weight = weightOf(item);
      keyed.push({ item, index, key: weight > 0 ? -Math.log(u) / weight : Number.POSITIVE_INFINITY });
    });
    keyed.sort((a, b) => a.key - b.key || a.index - b.index);
    return keyed
      .slice(0, Math.max(0, Math.min(count, items.length)))
      .filter((entry) => Number.isFinite(entry.key))
      .map((entry) => entry.item);
  }
}
