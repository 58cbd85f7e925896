/**
 * What the principle rules (KMS101–KMS104, KMS107) share: which keys they judge, the grouping of a
 * key's consumers by one dimension (data class, workload, environment, service) with where each
 * value came from, and the wording of key, groups and suggested aliases. Only KMS107 words the
 * blast radius; every finding carries its numbers in `evidence`.
 * Consumers whose value is unknown never count towards a mix; they are listed apart.
 */
import { isServiceId } from '../../catalog/services.js';
import { consumerName, moduleNote } from '../../inventory/blast-radius.js';
import type { Consumer, Inventory, Key } from '../../inventory/types.js';
import { flat } from '../../model/strings.js';
import type { Location } from '../../model/types.js';
import type { FindingDraft, RuleContext, Severity } from '../types.js';
import { joinWords, shortServiceName } from './words.js';

export type MixDimension = 'dataClass' | 'workload' | 'environment' | 'service';

/** One value of a dimension as read from one consumer, and what it was read from (worded once per group, not per consumer). */
interface Reading {
  value: string;
  source: string;
}

interface DimensionSpec {
  /** "data class" — used in "N consumers have no known data class". */
  noun: string;
  plural: string;
  read(c: Consumer): Reading | null;
  /** How messages name a value. */
  label(value: string): string;
  /** A reading's source as provenance. */
  detail(value: string, source: string): string;
}

const classified = (dim: 'dataClass' | 'workload' | 'environment'): DimensionSpec['read'] => {
  return (c) => {
    const hit = c[dim];
    return hit ? { value: hit.value, source: hit.detail } : null;
  };
};

const asIs = (value: string) => value;

export const MIX_DIMENSIONS: Record<MixDimension, DimensionSpec> = {
  dataClass: { noun: 'data class', plural: 'data classes', read: classified('dataClass'), label: asIs, detail: shortDetail },
  workload: { noun: 'workload', plural: 'workloads', read: classified('workload'), label: asIs, detail: shortDetail },
  environment: { noun: 'environment', plural: 'environments', read: classified('environment'), label: asIs, detail: shortDetail },
  // A service is known from the resource type; module calls of unknown modules have no known service.
  service: {
    noun: 'service',
    plural: 'services',
    read: (c) => (isServiceId(c.service) ? { value: c.service, source: c.type } : null),
    label: shortServiceName,
    detail: (_, type) => `resource type ${type}`,
  },
};

export interface MixGroup {
  value: string;
  label: string;
  /** Distinct consumer resource ids, in inventory order. */
  consumers: string[];
  /** Distinct provenance details, in inventory order. */
  provenance: string[];
}

export interface Mix {
  dimension: MixDimension;
  /** Largest group first, then by value. */
  groups: MixGroup[];
  /** Consumer resource ids with no known value; they never count towards the mix. */
  unknown: string[];
}

/** Customer managed keys that stand for one real key: AWS managed keys cannot be split, and the
 * instances of a `count`/`for_each` key are one inventory entry whose consumers may each use another instance. */
export function judgedKeys(inventory: Inventory): Key[] {
  return inventory.keys.filter((k) => k.manager === 'customer' && k.consumers.length > 0 && singleInstance(k));
}

function singleInstance(key: Key): boolean {
  return !key.multiplicity || key.multiplicity.keys?.length === 1;
}

/** Mixes already made, per key and dimension: several rules ask for the same ones. Callers never change a `Mix`. */
const mixes = new WeakMap<Key, Partial<Record<MixDimension, Mix>>>();

export function mixOf(key: Key, dimension: MixDimension): Mix {
  let made = mixes.get(key);
  if (!made) {
    made = {};
    mixes.set(key, made);
  }
  made[dimension] ??= makeMix(key, dimension);
  return made[dimension];
}

function makeMix(key: Key, dimension: MixDimension): Mix {
  const spec = MIX_DIMENSIONS[dimension];
  const byValue = new Map<string, { value: string; consumers: Set<string>; sources: Set<string> }>();
  const unknown = new Set<string>();
  for (const c of key.consumers) {
    const reading = spec.read(c);
    if (!reading) {
      unknown.add(c.resource);
      continue;
    }
    const id = reading.value.toLowerCase();
    let group = byValue.get(id);
    if (!group) {
      group = { value: reading.value, consumers: new Set(), sources: new Set() };
      byValue.set(id, group);
    }
    group.consumers.add(c.resource);
    group.sources.add(reading.source);
  }
  const groups = [...byValue.values()]
    .map((g) => ({
      value: g.value,
      label: spec.label(g.value),
      consumers: [...g.consumers],
      // Values of a group differ in case at most, which the wording ignores.
      provenance: [...new Set([...g.sources].map((source) => spec.detail(g.value, source)))],
    }))
    .sort((a, b) => b.consumers.length - a.consumers.length || a.value.localeCompare(b.value));
  // A resource with the value on one attribute is not unknown because another attribute lacks it.
  const known = new Set(groups.flatMap((g) => g.consumers));
  return { dimension, groups, unknown: [...unknown].filter((r) => !known.has(r)) };
}

/** Whether the key's consumers have two values of the dimension or more: most keys have one, and need no mix made to say so. */
export function mixed(key: Key, dimension: MixDimension): boolean {
  const { read } = MIX_DIMENSIONS[dimension];
  let first: string | undefined;
  for (const c of key.consumers) {
    const value = read(c)?.value;
    if (value === undefined || value === first) continue;
    if (first === undefined) first = value;
    else if (value.toLowerCase() !== first.toLowerCase()) return true;
  }
  return false;
}

/** Principle 3: every consumer is known to hold one kind of data (one workload, one data class). */
export function oneKindOfData(key: Key): boolean {
  return (['workload', 'dataClass'] as const).every((dim) => {
    const mix = mixOf(key, dim);
    return mix.groups.length === 1 && mix.unknown.length === 0;
  });
}

export function consumerIds(key: Key): string[] {
  return [...new Set(key.consumers.map((c) => c.resource))];
}

/** Alias when there is one, else the key id. */
export function keyLabel(key: Key): string {
  return key.aliases[0] ?? key.id;
}

/** The key's declaration, or where the first consumer references a key declared elsewhere. */
export function keyLocation(key: Key): Location | undefined {
  return key.location ?? key.consumers[0]?.location;
}

export interface GroupStyle {
  /** How many consumers to name before "+N more". */
  shown: number;
  provenance: boolean;
}

/** `pii — aws_db_instance.orders, aws_s3_bucket.docs +2 more (tag DataClass on aws_db_instance.orders, …)`. */
export function describeGroup(key: Key, group: MixGroup, style: GroupStyle = { shown: 2, provenance: true }): string {
  const shown = group.consumers.slice(0, style.shown).map((id) => shortResource(key, id));
  const more = group.consumers.length > shown.length ? ` +${group.consumers.length - shown.length} more` : '';
  const why = style.provenance ? ` (${group.provenance[0]}${group.provenance.length > 1 ? ', …' : ''})` : '';
  return `${group.label} — ${shown.join(', ')}${more}${why}`;
}

/** `1 environment`, `2 environments`. */
export function counted(n: number, dimension: MixDimension | 'consumer'): string {
  const noun = dimension === 'consumer' ? 'consumer' : MIX_DIMENSIONS[dimension].noun;
  const plural = dimension === 'consumer' ? 'consumers' : MIX_DIMENSIONS[dimension].plural;
  return `${n} ${n === 1 ? noun : plural}`;
}

/** `aws_sqs_queue.billing_replay (envs/dev/main.tf:61)`: a consumer and the line of its key reference. */
export function consumerAt(key: Key, id: string): string {
  const c = key.consumers.find((x) => x.resource === id);
  const address = id.slice(id.indexOf(':') + 1);
  if (!c) return shortResource(key, id);
  const note = moduleNote(c);
  return `${address} (${note ? `${note}; ` : ''}${lineRef(c.location)})`;
}

/** `main.tf:61`, `kms.tf:69-75`. */
export function lineRef(l: Location): string {
  return `${l.file}:${l.startLine}${l.endLine !== l.startLine ? `-${l.endLine}` : ''}`;
}

export function blastRadiusEvidence(key: Key): Record<string, unknown> {
  const { breaksIfDisabled: _omitted, ...numbers } = key.blastRadius;
  return numbers;
}

/** `{ groups, provenance, unknown?, blastRadius }`: the structured evidence of a mix finding. */
export function mixEvidence(key: Key, mix: Mix): Record<string, unknown> {
  const unknown =
    mix.unknown.length > 0
      ? {
          unknown: {
            consumers: [...mix.unknown],
            note: `${counted(mix.unknown.length, 'consumer')} ${mix.unknown.length === 1 ? 'has' : 'have'} no known ${MIX_DIMENSIONS[mix.dimension].noun}`,
          },
        }
      : {};
  return {
    dimension: mix.dimension,
    groups: Object.fromEntries(mix.groups.map((g) => [g.value, [...g.consumers]])),
    provenance: Object.fromEntries(mix.groups.map((g) => [g.value, [...g.provenance]])),
    ...unknown,
    blastRadius: blastRadiusEvidence(key),
  };
}

/** What the names of new keys are made of: the key's workload and environment, where known. */
export function aliasStem(key: Key): { workload?: string; env?: string } {
  const envs = mixOf(key, 'environment').groups;
  const env = key.environment?.value ?? (envs.length === 1 ? envs[0].value : undefined);
  return { workload: key.workload?.value, env };
}

/** `billing-s3-prod` from the known parts; unknown parts are left out, never written as placeholders. */
export function aliasName(...parts: (string | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join('-')
    .toLowerCase();
}

/** Suggested aliases, distinct, `alias/a, alias/b and alias/c`; past `max` the list ends in `, …`. */
export function aliasList(names: string[], max = 3): string {
  const distinct = [...new Set(names.map((n) => `alias/${n.toLowerCase()}`))];
  const shown = distinct.slice(0, max);
  return distinct.length > max ? `${shown.join(', ')}, …` : joinWords(shown);
}

/** A rule that fires when a key's consumers hold two or more known values of one dimension. */
export interface MixRuleSpec {
  dimension: MixDimension;
  /** "protects data of", "is used by", "serves". */
  verb: string;
  severity(key: Key, mix: Mix): Severity | undefined;
  /** The last sentence: what to do, naming the keys to create. */
  advice(key: Key, mix: Mix): string;
}

export function mixFindings(ctx: RuleContext, spec: MixRuleSpec): FindingDraft[] {
  return judgedKeys(ctx.inventory).flatMap((key) => {
    if (!mixed(key, spec.dimension)) return [];
    const mix = mixOf(key, spec.dimension);
    if (mix.groups.length < 2) return [];
    const groups = mix.groups.map((g) => describeGroup(key, g)).join('; ');
    const unknown = mix.unknown.length > 0 ? ` (${mix.unknown.length} more with no known ${MIX_DIMENSIONS[spec.dimension].noun})` : '';
    const severity = spec.severity(key, mix);
    const location = keyLocation(key);
    return [
      {
        key: key.id,
        subjects: consumerIds(key),
        message: `Key ${keyLabel(key)} ${spec.verb} ${counted(mix.groups.length, spec.dimension)}: ${groups}${unknown}. ${spec.advice(key, mix)}`,
        evidence: mixEvidence(key, mix),
        identity: '',
        ...(location ? { location } : {}),
        ...(severity ? { severity } : {}),
      },
    ];
  });
}

function shortResource(key: Key, id: string): string {
  const home = key.unit ?? key.consumers[0]?.resource.split(':')[0];
  const at = id.indexOf(':');
  const address = at > 0 && id.slice(0, at) === home ? id.slice(at + 1) : id;
  return consumerName(
    key.consumers.find((c) => c.resource === id),
    address,
  );
}

/** `tag DataClass=pii on x` → `tag DataClass on x` when the tag says exactly the value; `Environment=production` stays. */
function shortDetail(value: string, detail: string): string {
  const m = /^(tag|provider default_tags) ([^=]+)=(.*?)( on .*)?$/.exec(detail);
  return m && m[3].trim().toLowerCase() === value.toLowerCase() ? flat(`${m[1]} ${m[2]}${m[4] ?? ''}`) : detail;
}
