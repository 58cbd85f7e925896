/** Declared keys: the normalised fields of a key resource, read through the catalog's attribute table. */
import type { KeyField, KeyTypeSpec } from '../catalog/keys.js';
import type { Location, Resource, Value } from '../model/types.js';
import { asBoolean, asNumber, describeValue, isSymbolic, unknown } from '../model/value.js';
import type { Key, Known } from './types.js';

type KeyBody = Omit<Key, 'environment' | 'workload' | 'dataClass' | 'owner' | 'blastRadius' | 'aliases' | 'grants' | 'consumers' | 'policy'>;

export function declaredKey(resource: Resource, spec: KeyTypeSpec): KeyBody {
  const read = (field: KeyField): Value | undefined => {
    if (field in spec.fixed) return spec.fixed[field] ?? null;
    const attribute = spec.attributes[field];
    const written = attribute === undefined ? undefined : resource.attrs[attribute];
    return written === undefined || written === null ? (spec.defaults[field] ?? undefined) : written;
  };
  const attributeLocations: Record<string, Location> = {};
  for (const [field, attribute] of Object.entries(spec.attributes)) {
    const location = resource.attrLocations[attribute];
    if (location) attributeLocations[field] = location;
  }
  const rotationPeriod = read('rotationPeriodDays');
  const deletionWindow = read('deletionWindowDays');
  const bypass = read('bypassLockoutSafetyCheck');
  const description = read('description');
  return {
    id: resource.id,
    declared: true,
    manager: 'customer',
    source: resource.source,
    type: resource.type,
    unit: resource.unit,
    description: description === undefined ? undefined : knownString(description),
    spec: spec.replica ? unknown('primary key', 'a replica has the spec of its primary key') : knownString(read('keySpec')),
    usage: spec.replica ? unknown('primary key', 'a replica has the usage of its primary key') : knownString(read('keyUsage')),
    origin: knownString(originOf(read('origin'), read('customKeyStoreId'), read('xksKeyId'))),
    multiRegion: knownBoolean(read('multiRegion')),
    rotation: {
      enabled: spec.replica ? unknown('primary key', 'a replica rotates with its primary key') : knownBoolean(read('enableRotation')),
      ...(rotationPeriod === undefined ? {} : { periodDays: knownNumber(rotationPeriod) }),
    },
    ...(deletionWindow === undefined ? {} : { deletionWindowDays: knownNumber(deletionWindow) }),
    enabled: knownBoolean(read('enabled')),
    ...(bypass === undefined ? {} : { bypassLockoutSafetyCheck: knownBoolean(bypass) }),
    tags: resource.tags,
    ...(resource.multiplicity ? { multiplicity: resource.multiplicity } : {}),
    ...(resource.protectedFromDeletion ? { protectedFromDeletion: true } : {}),
    ...(resource.conditional ? { conditional: resource.conditional } : {}),
    location: resource.location,
    attributeLocations,
  };
}

/** Terraform has no origin argument: a custom key store makes it AWS_CLOUDHSM, an external key id EXTERNAL_KEY_STORE. */
function originOf(origin: Value | undefined, customKeyStore: Value | undefined, xksKey: Value | undefined): Value | undefined {
  if (xksKey !== undefined && xksKey !== null) return 'EXTERNAL_KEY_STORE';
  if (customKeyStore !== undefined && customKeyStore !== null) return 'AWS_CLOUDHSM';
  return origin;
}

function knownString(value: Value | undefined): Known<string> {
  if (typeof value === 'string') return value;
  return symbolicOr(value, 'not a string');
}
function knownBoolean(value: Value | undefined): Known<boolean> {
  const b = asBoolean(value);
  return b ?? symbolicOr(value, 'not a boolean');
}
function knownNumber(value: Value | undefined): Known<number> {
  const n = asNumber(value);
  return n ?? symbolicOr(value, 'not a number');
}
function symbolicOr(value: Value | undefined, reason: string) {
  if (value === undefined) return unknown('', 'not set');
  if (isSymbolic(value) && value.$kind === 'unknown') return value;
  return unknown(describeValue(value), isSymbolic(value) ? `depends on ${describeValue(value)}` : reason);
}
