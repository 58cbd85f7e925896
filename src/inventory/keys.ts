/** Declared keys: the normalised fields of a key resource, read through the catalog's attribute table. */
import type { KeyField, KeyTypeSpec } from '../catalog/keys.js';
import type { Location, Resource, Value } from '../model/types.js';
import { asBoolean, asNumber, describeValue, isOneOf, isSymbolic, unknown } from '../model/value.js';
import type { Key, Known } from './types.js';

type KeyBody = Omit<Key, 'environment' | 'workload' | 'dataClass' | 'owner' | 'blastRadius' | 'aliases' | 'grants' | 'consumers' | 'policy'>;

export function declaredKey(resource: Resource, spec: KeyTypeSpec): KeyBody {
  const read = (field: KeyField): Value | undefined => {
    if (field in spec.fixed) return spec.fixed[field] ?? null;
    const attribute = spec.attributes[field];
    const written = attribute === undefined ? undefined : resource.attrs[attribute];
    const fallback = spec.defaults[field] ?? undefined;
    if (written === undefined || written === null) return fallback;
    // `!If [Cond, 7, !Ref AWS::NoValue]`: an absent option is the default.
    return isOneOf(written) && fallback !== undefined ? { ...written, options: written.options.map((o) => o ?? fallback) } : written;
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
    // A replica has its primary's origin unless its type fixes one (external replicas); the inventory copies it from a declared primary.
    origin:
      spec.replica && !('origin' in spec.fixed)
        ? unknown('primary key', 'a replica has the origin of its primary key')
        : knownString(originOf(read('origin'), read('customKeyStoreId'), read('xksKeyId'))),
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
  return known(value, (v) => (typeof v === 'string' ? v : undefined), 'not a string');
}
function knownBoolean(value: Value | undefined): Known<boolean> {
  return known(value, asBoolean, 'not a boolean');
}
function knownNumber(value: Value | undefined): Known<number> {
  return known(value, asNumber, 'not a number');
}

/** The value read as a T; several values (`Fn::If`, a conditional) stay a choice when every option reads as a T. */
function known<T>(value: Value | undefined, read: (v: Value | undefined) => T | undefined, reason: string): Known<T> {
  const direct = read(value);
  if (direct !== undefined) return direct;
  if (isOneOf(value)) {
    const options = value.options.map(read);
    if (options.every((o): o is T => o !== undefined)) {
      const distinct = options.filter((o, i) => options.indexOf(o) === i);
      return distinct.length === 1 ? distinct[0] : { $kind: 'oneOf', options, reason: value.reason };
    }
  }
  return symbolicOr(value, reason);
}
function symbolicOr(value: Value | undefined, reason: string) {
  if (value === undefined) return unknown('', 'not set');
  if (isSymbolic(value) && value.$kind === 'unknown') return value;
  return unknown(describeValue(value), isSymbolic(value) ? `depends on ${describeValue(value)}` : reason);
}
