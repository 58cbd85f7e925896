/** KMS104 — a high-volume service shares its key with other services' consumers (quota coupling). */
import { isServiceId, SERVICES } from '../catalog/services.js';
import type { Key } from '../inventory/types.js';
import {
  aliasList,
  aliasStem,
  blastRadiusText,
  consumerIds,
  describeGroup,
  joinWords,
  judgedKeys,
  keyLabel,
  keyLocation,
  type Mix,
  type MixGroup,
  mixEvidence,
  mixOf,
  oneKindOfData,
} from './support/mix.js';
import type { FindingDraft, Rule } from './types.js';

const isHighVolume = (g: MixGroup): boolean => isServiceId(g.value) && SERVICES[g.value].highVolume;

function finding(key: Key, mix: Mix): FindingDraft[] {
  const busy = mix.groups.filter(isHighVolume);
  if (busy.length === 0 || mix.groups.length < 2) return [];
  // With only high-volume services on the key, the first is coupled to the rest.
  const [heavy, rest] = busy.length < mix.groups.length ? [busy, mix.groups.filter((g) => !isHighVolume(g))] : [busy.slice(0, 1), busy.slice(1)];
  const list = (groups: MixGroup[]) => joinWords(groups.map((g) => describeGroup(key, g, { shown: 1, provenance: false })));
  const { workload, env } = aliasStem(key);
  const location = keyLocation(key);
  return [
    {
      key: key.id,
      subjects: consumerIds(key),
      message:
        `Key ${keyLabel(key)} couples high-volume ${list(heavy)} with ${list(rest)}: they share one KMS request quota, so a burst from one throttles the others. ` +
        `Blast radius: ${blastRadiusText(key)}. ` +
        `Give each high-volume service its own key (${aliasList(heavy.map((g) => `${workload}-${g.value}-${env}`))}).`,
      evidence: { ...mixEvidence(key, mix), highVolume: heavy.map((g) => g.value), others: rest.map((g) => g.value) },
      identity: '',
      ...(location ? { location } : {}),
    },
  ];
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
  check: (ctx) => judgedKeys(ctx.inventory).flatMap((key) => (oneKindOfData(key) ? [] : finding(key, mixOf(key, 'service')))),
};
