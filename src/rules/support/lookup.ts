/**
 * Resources and keys by id, indexed once per analysis (keyed by the array itself), so rules
 * that look things up per key stay linear instead of scanning every resource each time.
 */
import type { Key } from '../../inventory/types.js';
import type { Resource } from '../../model/types.js';

const resourceIndexes = new WeakMap<readonly Resource[], Map<string, Resource>>();
const keyIndexes = new WeakMap<readonly Key[], Map<string, Key>>();

function indexed<T extends { id: string }>(cache: WeakMap<readonly T[], Map<string, T>>, items: readonly T[]): Map<string, T> {
  let index = cache.get(items);
  if (!index) {
    index = new Map(items.map((item) => [item.id, item]));
    cache.set(items, index);
  }
  return index;
}

export function resourceById(resources: readonly Resource[], id: string): Resource | undefined {
  return indexed(resourceIndexes, resources).get(id);
}

export function keyById(keys: readonly Key[], id: string): Key | undefined {
  return indexed(keyIndexes, keys).get(id);
}
