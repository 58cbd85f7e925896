/**
 * Indexes made once per array: the inventory and the rules look the same resources and keys up by
 * id, and a large tree's index (200,000 resources at the bench's 4x) is worth building once. Keyed
 * by the array itself, so an index lives as long as what it indexes.
 */

/** The index of `items` that `build` makes, made once per array and cache. */
export function indexOnce<T, I>(cache: WeakMap<readonly T[], I>, items: readonly T[], build: (items: readonly T[]) => I): I {
  let index = cache.get(items);
  if (index === undefined) {
    index = build(items);
    cache.set(items, index);
  }
  return index;
}

const idIndexes = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();

/** Items by id; later duplicates win. */
export function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return indexOnce(idIndexes, items, (all) => new Map(all.map((item) => [item.id, item]))) as ReadonlyMap<string, T>;
}
