/**
 * Resources and keys by id, indexed once per analysis (keyed by the array itself), so rules
 * that look things up per key stay linear instead of scanning every resource each time.
 */
import type { Key } from '../../inventory/types.js';
import type { Resource } from '../../model/types.js';

const resourceIndexes = new WeakMap<readonly Resource[], Map<string, Resource>>();
const keyIndexes = new WeakMap<readonly Key[], Map<string, Key>>();
const policyHolderIndexes = new WeakMap<readonly Key[], Map<string, Key>>();
const consumerIndexes = new WeakMap<readonly Key[], Map<string, Key>>();

/** The first key (in inventory order) each id leads to, by the ids `idsOf` gives each key. */
function firstKeyBy(cache: WeakMap<readonly Key[], Map<string, Key>>, keys: readonly Key[], idsOf: (key: Key) => Iterable<string>): Map<string, Key> {
  let index = cache.get(keys);
  if (!index) {
    index = new Map();
    for (const key of keys) for (const id of idsOf(key)) if (!index.has(id)) index.set(id, key);
    cache.set(keys, index);
  }
  return index;
}

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

/** The key a resource is (`aws_kms_key`), or whose policy it sets (`aws_kms_key_policy`). */
export function keyOfPolicyHolder(keys: readonly Key[], resourceId: string): Key | undefined {
  return firstKeyBy(policyHolderIndexes, keys, (key) => (key.policy?.from ? [key.id, key.policy.from] : [key.id])).get(resourceId);
}

/** The first key a resource uses (is a consumer of). */
export function keyUsedBy(keys: readonly Key[], resourceId: string): Key | undefined {
  return firstKeyBy(consumerIndexes, keys, (key) => key.consumers.map((c) => c.resource)).get(resourceId);
}
