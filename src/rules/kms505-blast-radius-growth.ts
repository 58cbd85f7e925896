/** KMS505: a key gains a new environment, workload, data class or service. */
import type { Consumer, Key } from '../inventory/types.js';
import type { Classified } from '../model/types.js';
import { consumerEvidence, consumerText, keyPairs, keyText, listOf, referenceId, serviceName } from './support/change.js';
import type { ChangeContext, FindingDraft, Rule } from './types.js';

type Dimension = 'environments' | 'workloads' | 'dataClasses' | 'services';

const DIMENSIONS: readonly { gained: Dimension; word: string; of: (c: Consumer) => string | undefined; shown?: (v: string) => string }[] = [
  { gained: 'environments', word: 'environment', of: (c) => value(c.environment) },
  { gained: 'workloads', word: 'workload', of: (c) => value(c.workload) },
  { gained: 'dataClasses', word: 'data class', of: (c) => value(c.dataClass) },
  { gained: 'services', word: 'service', of: (c) => c.service, shown: serviceName },
];

function value(c: Classified): string | undefined {
  return c?.value;
}

export const kms505: Rule = {
  id: 'KMS505',
  name: 'blast-radius-growth',
  principle: 'change',
  defaultSeverity: 'medium',
  rationale:
    'Each environment, workload, data class or service a key takes on is one more thing that breaks when the key is disabled, deleted or throttled, and one more audience its policy must serve: growth should be a decision, not a side effect.',
  checkChange(ctx: ChangeContext): FindingDraft[] {
    const drafts: FindingDraft[] = [];
    for (const { diff, base, head } of keyPairs(ctx)) {
      // A new key has nothing to grow from (its consumers are reported by the state rules).
      // Neither does a key that served nothing before: its first consumers mix with nothing.
      if (!base || !head || diff.change === 'added' || diff.change === 'removed' || base.consumers.length === 0) continue;
      // Consumers this PR brings to the key (added, or moved from another key).
      const arrived = new Set(diff.consumers.filter((c) => c.toKey === head.id).map(referenceId));
      const arrivals = head.consumers.filter((c) => arrived.has(referenceId(c)));
      const parts: string[] = [];
      const gainedBy = new Map<string, Consumer[]>();
      const evidence: Record<string, { value: string; consumers: ReturnType<typeof consumerEvidence>[] }[]> = {};
      for (const dimension of DIMENSIONS) {
        const values = [...new Set(diff.gained[dimension.gained])].sort();
        if (values.length === 0) continue;
        evidence[dimension.gained] = [];
        for (const gained of values) {
          const matches = (c: Consumer) => dimension.of(c) === gained;
          const by = arrivals.filter(matches).length > 0 ? arrivals.filter(matches) : head.consumers.filter(matches);
          gainedBy.set(`${dimension.gained}:${gained}`, by);
          const who =
            by.length > 0
              ? listOf(
                  by.map((c) => consumerText(ctx.head, c)),
                  3,
                )
              : "the key's own classification";
          parts.push(`${dimension.word} ${dimension.shown ? dimension.shown(gained) : gained} (${who})`);
          evidence[dimension.gained].push({ value: gained, consumers: by.map(consumerEvidence) });
        }
      }
      if (parts.length === 0) continue;
      const consumers = [...new Set([...gainedBy.values()].flat())];
      drafts.push({
        key: head.id,
        subjects: [...new Set(consumers.map((c) => c.resource))].sort(),
        identity: [...gainedBy.keys()].sort().join(','),
        message:
          `Key ${keyText(ctx.head, head)} now also serves ${listOf(parts, 8)}: ${growth(base, head)}. ` +
          'Everything on it breaks together if it is disabled or deleted, and its policy has to admit them all; give the newcomers a key of their own unless sharing is intended.',
        evidence: {
          gained: evidence,
          blastRadius: { before: summary(base), after: summary(head) },
        },
        location: consumers[0]?.location ?? head.location,
      });
    }
    return drafts;
  },
};

function summary(key: Key): { consumers: number; services: number; workloads: number; environments: number; dataClasses: number } {
  const { consumers, services, workloads, environments, dataClasses } = key.blastRadius;
  return { consumers, services, workloads, environments, dataClasses };
}

function growth(base: Key, head: Key): string {
  const b = base.blastRadius;
  const h = head.blastRadius;
  const parts = [
    `${b.consumers} → ${h.consumers} consumers`,
    `${b.services} → ${h.services} services`,
    `${b.workloads} → ${h.workloads} workloads`,
    `${b.environments} → ${h.environments} environments`,
    `${b.dataClasses} → ${h.dataClasses} data classes`,
  ];
  return `blast radius ${parts.join(', ')}`;
}
