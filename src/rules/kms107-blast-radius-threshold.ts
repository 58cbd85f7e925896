/** KMS107 — consumers, services or workloads of a key exceed `thresholds.blastRadius` (an environment-wide key). */
import type { Config } from '../config/schema.js';
import type { Key } from '../inventory/types.js';
import {
  aliasList,
  aliasStem,
  consumerIds,
  counted,
  joinWords,
  judgedKeys,
  keyLabel,
  keyLocation,
  type MixDimension,
  mixEvidence,
  mixOf,
} from './support/mix.js';
import type { FindingDraft, Rule } from './types.js';

type Measure = keyof Config['thresholds']['blastRadius'];

/** Each measured number, and the dimension whose values the message names. */
const MEASURES: { measure: Measure; names?: MixDimension }[] = [
  { measure: 'consumers' },
  { measure: 'services', names: 'service' },
  { measure: 'workloads', names: 'workload' },
];

function finding(key: Key, thresholds: Config['thresholds']['blastRadius']): FindingDraft[] {
  const exceeded = MEASURES.filter(({ measure }) => key.blastRadius[measure] > thresholds[measure]);
  if (exceeded.length === 0) return [];
  const parts = exceeded.map(({ measure, names }) => {
    const values = names ? ` (${joinWords(mixOf(key, names).groups.map((g) => g.label))})` : '';
    return `${key.blastRadius[measure]} ${measure} > ${thresholds[measure]}${values}`;
  });
  const b = key.blastRadius;
  const workloads = mixOf(key, 'workload');
  const { env } = aliasStem(key);
  const split =
    workloads.groups.length > 1
      ? `Split it per workload (${aliasList(workloads.groups.map((g) => `${g.value}-${env}`))})`
      : `Split it per workload or data class (alias/<workload>-${env})`;
  const location = keyLocation(key);
  return [
    {
      key: key.id,
      subjects: consumerIds(key),
      message:
        `Key ${keyLabel(key)} exceeds the blast-radius thresholds: ${joinWords(parts)}. ` +
        `Disabling or deleting it breaks ${counted(b.consumers, 'consumer')} in ${counted(b.services, 'service')}, ${counted(b.workloads, 'workload')} and ${counted(b.environments, 'environment')} at once. ` +
        `${split} so that a failure, policy change or rotation touches one of them.`,
      evidence: {
        exceeded: exceeded.map(({ measure }) => ({ measure, value: key.blastRadius[measure], threshold: thresholds[measure] })),
        ...mixEvidence(key, mixOf(key, 'service')),
        workloads: mixEvidence(key, workloads).groups,
        breaksIfDisabled: b.breaksIfDisabled,
      },
      identity: '',
      ...(location ? { location } : {}),
    },
  ];
}

export const kms107: Rule = {
  id: 'KMS107',
  name: 'blast-radius-threshold',
  principle: 'blast-radius',
  defaultSeverity: 'medium',
  rationale:
    'A key that many consumers, services or workloads depend on is a single point of failure: disabling it, deleting it or breaking its policy ' +
    'stops all of them at once, and its rotation, grants and audit trail can no longer be managed per workload.',
  check: (ctx) => judgedKeys(ctx.inventory).flatMap((key) => finding(key, ctx.config.thresholds.blastRadius)),
};
