/**
 * Resources and keys by id, indexed once per analysis (keyed by the array itself), so rules
 * that look things up per key stay linear instead of scanning every resource each time.
 */
import type { Key } from '../../inventory/types.js';
import { byId, indexOnce } from '../../model/by-id.js';
import type { Resource } from '../../model/types.js';

const policyHolderIndexes = new WeakMap<readonly Key[], Map<string, Key>>();
const consumerIndexes = new WeakMap<readonly Key[], Map<string, Key>>();

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
  return byId(resources);
}

/** Every key by id (made once per array). */
export function keysById(keys: readonly Key[]): ReadonlyMap<string, Key> {
  return byId(keys);
}

export function resourceById(resources: readonly Resource[], id: string | undefined): Resource | undefined {
  return id === undefined ? undefined : resourcesById(resources).get(id);
}

export function keyById(keys: readonly Key[], id: string): Key | undefined {
  return keysById(keys).get(id);
}

/** The key a resource is (`aws_kms_key`), or whose policy it sets (`aws_kms_key_policy`). */
export function keyOfPolicyHolder(keys: readonly Key[], resourceId: string): Key | undefined {
  return indexOnce(policyHolderIndexes, keys, policyHolders).get(resourceId);
}

/** The first key a resource uses (is a consumer of). */
export function keyUsedBy(keys: readonly Key[], resourceId: string): Key | undefined {
  return indexOnce(consumerIndexes, keys, consumersOf).get(resourceId);
}
