/**
 * A bounded string-keyed cache for pure functions. Pages of one site repeat the same menu links hundreds of
 * times, so URL normalisation sees the same inputs again and again; the cache is emptied when full rather
 * than tracking recency, which keeps a hit to one Map lookup.
 */
export class StringMemo<V> {
  readonly #map = new Map<string, V>();
  constructor(readonly max = 20_000) {}

  get(key: string, compute: () => V): V {
    const hit = this.#map.get(key);
    if (hit !== undefined || this.#map.has(key)) return hit as V;
    const value = compute();
    if (this.#map.size >= this.max) this.#map.clear();
    this.#map.set(key, value);
    return value;
  }
}
