/** KMS104 — a high-volume service shares its key with other services' consumers (quota coupling). */
import { isServiceId, SERVICES } from '../catalog/services.js';
import type { Key } from '../inventory/types.js';
import {
  aliasList,
  aliasName,
  aliasStem,
  consumerIds,
  judgedKeys,
  keyLabel,
  keyLocation,
  type Mix,
  type MixGroup,
  mixEvidence,
  mixed,
  mixOf,
  oneKindOfData,
} from './support/mix.js';
import { joinWords } from './support/words.js';
import type { FindingDraft, Rule } from './types.js';

const isHighVolumeService = (service: string): boolean => isServiceId(service) && SERVICES[service].highVolume;
const isHighVolume = (g: MixGroup): boolean => isHighVolumeService(g.value);

/** `S3 (2)`: the service and how many of the key's consumers it has; the consumers are in `evidence`. */
const serviceCount = (g: MixGroup): string => (g.consumers.length > 1 ? `${g.label} (${g.consumers.length})` : g.label);

function finding(key: Key, mix: Mix): FindingDraft[] {
  const busy = mix.groups.filter(isHighVolume);
  if (busy.length === 0 || mix.groups.length < 2) return [];
  // With only high-volume services on the key, the first is coupled to the rest.
  const [heavy, rest] = busy.length < mix.groups.length ? [busy, mix.groups.filter((g) => !isHighVolume(g))] : [busy.slice(0, 1), busy.slice(1)];
  const location = keyLocation(key);
  const several = heavy.length > 1;
  const coupling =
    `${keyLabel(key)}: high-volume ${joinWords(heavy.map(serviceCount))} ${several ? 'share' : 'shares'} one KMS request quota ` +
    `with ${joinWords(rest.map(serviceCount))}.`;
  const aliases = suggestedAliases(key, heavy);
  const split = `${several ? 'the high-volume services their own keys' : 'the high-volume service its own key'}${aliases.length > 0 ? ` (${aliasList(aliases, 1)})` : ''}`;
  const unclassified = unclassifiedConsumers(key);
  const n = unclassified.length;
  const total = consumerIds(key).length;
  const advice =
    n > 0
      ? `${n} of ${total} consumers ${n === 1 ? 'has' : 'have'} no known ${unknownDimensions(key)}: tag ${n === 1 ? 'it if it holds' : 'them if they hold'} the same data, or give ${split}.`
      : `Give ${split}.`;
  return [
    {
      key: key.id,
      subjects: consumerIds(key),
      message: `${coupling} ${advice}`,
      evidence: {
        ...mixEvidence(key, mix),
        highVolume: heavy.map((g) => g.value),
        others: rest.map((g) => g.value),
        ...(n > 0 ? { unclassified } : {}),
      },
      identity: '',
      ...(location ? { location } : {}),
    },
  ];
}

/** `alias/<workload>-<service>-<env>` per high-volume service and workload of its consumers (else the key's workload). */
function suggestedAliases(key: Key, heavy: MixGroup[]): string[] {
  const { workload, env } = aliasStem(key);
  return heavy.flatMap((g) => {
    const workloads = [...new Set(key.consumers.filter((c) => g.consumers.includes(c.resource) && c.workload).map((c) => c.workload?.value))];
    // Without a workload, a name like `alias/s3-prod` would say nothing about whose key it is.
    return (workloads.length > 0 ? workloads : workload ? [workload] : []).map((w) => aliasName(w, g.value, env));
  });
}

/**
 * When every known consumer is of one workload and one data class, the rule fires only because some
 * consumers are unclassified (principle 3 cannot be shown): those consumers. Otherwise none.
 */
function unclassifiedConsumers(key: Key): string[] {
  const mixes = [mixOf(key, 'workload'), mixOf(key, 'dataClass')];
  if (mixes.some((m) => m.groups.length > 1)) return [];
  return [...new Set(mixes.flatMap((m) => m.unknown))];
}

function unknownDimensions(key: Key): string {
  const dims = [mixOf(key, 'workload').unknown.length > 0 ? 'workload' : '', mixOf(key, 'dataClass').unknown.length > 0 ? 'data class' : ''].filter(Boolean);
  return dims.join(' or ');
}

export const kms104: Rule = {
  id: 'KMS104',
  name: 'high-volume-service-coupling',
  principle: 'aws-services',
  defaultSeverity: 'medium',
  rationale:
    'KMS request quotas are shared by every caller of a key: S3, EBS, RDS, DynamoDB, Kinesis and EFS can call KMS at high rates, ' +
    'so sharing their key with other services lets one busy service throttle the rest.',
  // Principle 3: one kind of data (one workload, one data class) may flow through several services on one key.
  // Most keys serve one service, or no high-volume one: told from the consumers before any mix is made.
  check: (ctx) =>
    judgedKeys(ctx.inventory).flatMap((key) =>
      mixed(key, 'service') && key.consumers.some((c) => isHighVolumeService(c.service)) && !oneKindOfData(key) ? finding(key, mixOf(key, 'service')) : [],
    ),
};
