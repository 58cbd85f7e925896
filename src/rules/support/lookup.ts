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

/** The index of `items` that `build` makes, made once per array. */
function indexOf<T, V>(cache: WeakMap<readonly T[], Map<string, V>>, items: readonly T[], build: (items: readonly T[]) => Map<string, V>): Map<string, V> {
  let index = cache.get(items);
  if (!index) {
    index = build(items);
    cache.set(items, index);
  }
  return index;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** The first key (in inventory order) each id leads to, by the ids `idsOf` gives each key. */
function firstKeyBy(idsOf: (key: Key) => Iterable<string>): (keys: readonly Key[]) => Map<string, Key> {
  return (keys) => {
    const index = new Map<string, Key>();
    for (const key of keys) for (const id of idsOf(key)) if (!index.has(id)) index.set(id, key);
    return index;
  };
}

const policyHolders = firstKeyBy((key) => (key.policy?.from ? [key.id, key.policy.from] : [key.id]));
const consumersOf = firstKeyBy((key) => key.consumers.map((c) => c.resource));

/** Every resource by id (made once per array). */
export function resourcesById(resources: readonly Resource[]): ReadonlyMap<string, Resource> {
  return indexOf(resourceIndexes, resources, byId);
}

/** Every key by id (made once per array). */
export function keysById(keys: readonly Key[]): ReadonlyMap<string, Key> {
  return indexOf(keyIndexes, keys, byId);
}

export function resourceById(resources: readonly Resource[], id: string | undefined): Resource | undefined {
  return id === undefined ? undefined : resourcesById(resources).get(id);
}

export function keyById(keys: readonly Key[], id: string): Key | undefined {
  return keysById(keys).get(id);
}

/** The key a resource is (`aws_kms_key`), or whose policy it sets (`aws_kms_key_policy`). */
export function keyOfPolicyHolder(keys: readonly Key[], resourceId: string): Key | undefined {
  return indexOf(policyHolderIndexes, keys, policyHolders).get(resourceId);
}

/** The first key a resource uses (is a consumer of). */
export function keyUsedBy(keys: readonly Key[], resourceId: string): Key | undefined {
  return indexOf(consumerIndexes, keys, consumersOf).get(resourceId);
}
