/**
 * Follows a key reference (a literal, a Ref to a key / alias / data source, a choice between
 * values) to the key(s) it names. Every dead end is reported with its reason, never dropped.
 */
import { refTargetId } from '../model/address.js';
import type { Ref, Resource, Value } from '../model/types.js';
import { describeValue, isOneOf, isRecord, isRef, isUnknown } from '../model/value.js';
import { isAwsManagedAlias, parseKeyReference } from './key-reference.js';

export type Resolution = { kind: 'key'; keyId: string; via: string; conditional?: string } | { kind: 'unresolved'; expr: string; reason: string };

/** A key known only by reference: created on first sight, shared by every later reference. */
export interface ReferencedKeyFacts {
  id: string;
  manager: 'customer' | 'aws';
  alias?: string;
  account?: string;
  region?: string;
}

export interface ResolverTables {
  resources: ReadonlyMap<string, Resource>;
  /** Resource types that declare a key. */
  isKeyType(type: string): boolean;
  /** For alias / data-source types: the attribute that holds what they point at (`target_key_id`, `key_id`, `name`). */
  followAttribute(type: string, mode: Resource['mode']): string | undefined;
  /** Declared aliases by name (`alias/x`), possibly several (per unit). */
  aliasesByName: ReadonlyMap<string, Resource[]>;
  aliasTarget(alias: Resource): Value | undefined;
  /** The alias points at a multi-Region replica key. */
  targetsReplica(alias: Resource): boolean;
}

const MAX_DEPTH = 16;
const INSTANCE_SUFFIX = /\[[^\]]*\]$/;
const STATIC_ALIAS_TAIL = /^arn:.*:kms:.*:(alias\/[A-Za-z0-9/_-]+)$/;

export class KeyResolver {
  readonly referencedKeys = new Map<string, ReferencedKeyFacts>();

  constructor(private readonly tables: ResolverTables) {}

  /** `region`: where the referring resource lives, when known; it picks between same-named aliases of several regions. */
  resolve(value: Value | undefined, fromUnit: string, region?: string): Resolution[] {
    this.region = region;
    return this.follow(value, fromUnit, 0, []);
  }

  private region: string | undefined;

  private follow(value: Value | undefined, unit: string, depth: number, via: string[]): Resolution[] {
    const expr = value === undefined ? '' : describeValue(value);
    if (depth > MAX_DEPTH) return [{ kind: 'unresolved', expr, reason: 'reference chain too long (cycle?)' }];
    // `""` is how Terraform state and plans show an optional key argument that is not set.
    if (value === undefined || value === null || value === '') return [];
    if (typeof value === 'string') return [this.literal(value, unit, depth, via)].flat();
    if (isRef(value)) return this.reference(value, depth, via);
    if (isOneOf(value)) {
      return value.options.flatMap((option) =>
        this.follow(option, unit, depth + 1, via).map((r) => (r.kind === 'key' ? { ...r, conditional: value.reason } : r)),
      );
    }
    if (isUnknown(value)) return this.unknownValue(value, unit, depth, via);
    if (Array.isArray(value)) return value.flatMap((item) => this.follow(item, unit, depth + 1, via));
    if (isRecord(value)) return [{ kind: 'unresolved', expr, reason: 'an object, not a key reference' }];
    return [{ kind: 'unresolved', expr, reason: `${typeof value} is not a key reference` }];
  }

  /** An expression that could not be evaluated still names a key when all its key references agree. */
  private unknownValue(value: Extract<Value, { $kind: 'unknown' }>, unit: string, depth: number, via: string[]): Resolution[] {
    const keys = (value.refs ?? []).flatMap((ref) => this.reference(ref, depth + 1, via)).filter((r) => r.kind === 'key');
    const distinct = new Set(keys.map((k) => (k.kind === 'key' ? k.keyId : '')));
    if (distinct.size === 1) return [{ ...keys[0], via: `${value.expr} → ${(keys[0] as { via: string }).via}` } as Resolution];
    // `arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/orders-prod`: account and region unknown, the alias is not.
    const aliasTail = STATIC_ALIAS_TAIL.exec(value.expr);
    if (aliasTail && distinct.size === 0) return [this.literal(aliasTail[1], unit, depth + 1, [...via, value.expr])].flat();
    return [{ kind: 'unresolved', expr: value.expr, reason: value.reason }];
  }

  private literal(text: string, unit: string, depth: number, via: string[]): Resolution | Resolution[] {
    const parsed = parseKeyReference(text);
    const chain = (last: string) => [...via, last].join(' → ');
    switch (parsed.kind) {
      case 'key-arn':
        return this.referenced({ id: parsed.arn, manager: 'customer', account: parsed.account, region: parsed.region }, chain('key ARN'));
      case 'key-id':
        return this.referenced({ id: parsed.keyId, manager: 'customer' }, chain('key id'));
      case 'invalid':
        return { kind: 'unresolved', expr: text, reason: parsed.reason };
      case 'alias': {
        if (isAwsManagedAlias(parsed.name)) {
          return this.referenced({ id: parsed.name, manager: 'aws', alias: parsed.name }, chain('AWS managed key'));
        }
        const declared = this.declaredAlias(parsed.name, unit, parsed.region ?? this.region);
        if (declared) {
          const target = this.tables.aliasTarget(declared);
          return this.follow(target, declared.unit, depth + 1, [...via, `alias ${parsed.name} (${declared.address})`]);
        }
        const id = parsed.arn ?? parsed.name;
        return this.referenced({ id, manager: 'customer', alias: parsed.name, account: parsed.account, region: parsed.region }, chain(`alias ${parsed.name}`));
      }
    }
  }

  /**
   * An alias declared in the same unit wins, otherwise one declared exactly once in the repository.
   * A multi-Region key has the same alias in several regions: the one in the referrer's region, or
   * (region unknown) the one of the primary key, is meant.
   */
  private declaredAlias(name: string, unit: string, region: string | undefined): Resource | undefined {
    const all = this.tables.aliasesByName.get(name) ?? [];
    const local = all.filter((a) => a.unit === unit);
    const candidates = local.length > 0 ? local : all;
    if (candidates.length <= 1) return candidates[0];
    const inRegion = region ? candidates.filter((a) => a.region === region) : [];
    if (inRegion.length === 1) return inRegion[0];
    const ofPrimaries = candidates.filter((a) => !this.tables.targetsReplica(a));
    return ofPrimaries.length === 1 ? ofPrimaries[0] : undefined;
  }

  private reference(ref: Ref, depth: number, via: string[]): Resolution[] {
    const expr = describeValue(ref);
    const target = this.lookup(ref);
    if (!target) {
      // `aws_kms_key.k[var.x].arn` on a for_each resource: one of its instances, which one is not known.
      const instances = ref.instance === undefined ? this.instancesOf(`${ref.unit}:${ref.address}`) : [];
      if (instances.length > 0) {
        const reason = `which instance of ${ref.address} is not known statically`;
        return instances.flatMap((r) =>
          this.reference({ ...ref, address: r.address }, depth + 1, via).map((res) => (res.kind === 'key' ? { ...res, conditional: reason } : res)),
        );
      }
      return [{ kind: 'unresolved', expr, reason: `no resource ${ref.address} in ${ref.unit}` }];
    }
    const step = [...via, expr];
    if (this.tables.isKeyType(target.type) && target.mode === 'managed') return [{ kind: 'key', keyId: target.id, via: step.join(' → ') }];
    const attribute = this.tables.followAttribute(target.type, target.mode);
    if (attribute) {
      const next = target.attrs[attribute];
      if (next === undefined) return [{ kind: 'unresolved', expr, reason: `${target.address} has no ${attribute}` }];
      return this.follow(next, target.unit, depth + 1, step);
    }
    if (target.type === 'module') {
      return [{ kind: 'unresolved', expr, reason: `output "${ref.attr}" of module ${target.address} is not known statically` }];
    }
    return [{ kind: 'unresolved', expr, reason: `${target.address} is a ${target.type}, not a KMS key` }];
  }

  private instanceIndex: Map<string, Resource[]> | undefined;

  /** The expanded instances (`address["a"]`, `address[0]`) of a resource id. */
  private instancesOf(baseId: string): Resource[] {
    if (!this.instanceIndex) {
      this.instanceIndex = new Map();
      for (const r of this.tables.resources.values()) {
        const base = INSTANCE_SUFFIX.exec(r.id) ? r.id.replace(INSTANCE_SUFFIX, '') : undefined;
        if (base) this.instanceIndex.set(base, [...(this.instanceIndex.get(base) ?? []), r]);
      }
    }
    return this.instanceIndex.get(baseId) ?? [];
  }

  private lookup(ref: Ref): Resource | undefined {
    const { resources } = this.tables;
    // Plan addresses carry the index in the address itself.
    return refTarget(resources, ref) ?? resources.get(`${ref.unit}:${ref.address.replace(INSTANCE_SUFFIX, '')}`);
  }

  private referenced(facts: ReferencedKeyFacts, via: string): Resolution {
    const known = this.referencedKeys.get(facts.id);
    if (!known) this.referencedKeys.set(facts.id, facts);
    return { kind: 'key', keyId: facts.id, via };
  }
}

/** The resource a reference points at: its instance when the reference names one and it exists, else the plain address. */
export function refTarget(resources: ReadonlyMap<string, Resource>, ref: Ref): Resource | undefined {
  return (ref.instance !== undefined ? resources.get(refTargetId(ref)) : undefined) ?? resources.get(`${ref.unit}:${ref.address}`);
}
