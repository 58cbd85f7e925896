/** KMS107 — consumers, services or workloads of a key exceed `thresholds.blastRadius` (an environment-wide key). */
import type { Config } from '../config/schema.js';
import type { Key } from '../inventory/types.js';
import {
  aliasList,
  aliasName,
  aliasStem,
  consumerIds,
  counted,
  judgedKeys,
  keyLabel,
  keyLocation,
  type MixDimension,
  mixEvidence,
  mixOf,
} from './support/mix.js';
import { joinWords } from './support/words.js';
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
    const labels = names ? mixOf(key, names).groups.map((g) => g.label) : [];
    const values = labels.length > 0 ? ` (${joinWords([...labels].sort((a, b) => a.localeCompare(b)))})` : '';
    return `${key.blastRadius[measure]} ${measure} > ${thresholds[measure]}${values}`;
  });
  const b = key.blastRadius;
  const workloads = mixOf(key, 'workload');
  const split = splitAdvice(key);
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

/** Per workload when there are several; else per data class, else per service, named from what is known. */
function splitAdvice(key: Key): string {
  const { workload, env } = aliasStem(key);
  const sorted = (dimension: MixDimension) =>
    mixOf(key, dimension)
      .groups.map((g) => g.value)
      .sort((a, b) => a.localeCompare(b));
  const workloads = sorted('workload');
  if (workloads.length > 1) return `Split it per workload (${aliasList(workloads.map((w) => aliasName(w, env)))})`;
  // Without a workload, names like `alias/s3` would say nothing about whose key it is: none are suggested.
  const one = workloads[0] ?? workload;
  const classes = sorted('dataClass');
  if (!one) return classes.length > 1 ? 'Split it per data class' : 'Split it per service or data class';
  if (classes.length > 1) return `Split it per data class (${aliasList(classes.map((c) => aliasName(one, c, env)))})`;
  const services = sorted('service');
  return services.length > 0 ? `Split it per service (${aliasList(services.map((s) => aliasName(one, s, env)))})` : 'Split it per service or data class';
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
