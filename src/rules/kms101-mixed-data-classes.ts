/** KMS101 — one key protects consumers of two or more data classifications (principle 1). */
import { aliasList, aliasName, aliasStem, mixFindings } from './support/mix.js';
import type { Rule } from './types.js';

export const kms101: Rule = {
  id: 'KMS101',
  name: 'mixed-data-classes',
  principle: 'data-classification',
  defaultSeverity: 'high',
  rationale:
    'Data of different classification levels needs separate keys, so that access to each class is granted, audited and revoked on its own; ' +
    'one key for PII and internal data gives everyone who may decrypt the internal data the PII too.',
  check: (ctx) =>
    mixFindings(ctx, {
      dimension: 'dataClass',
      verb: 'protects data of',
      severity: () => undefined,
      advice: (key, mix) => {
        const { workload, env } = aliasStem(key);
        return `Use one key per data class (${aliasList(mix.groups.map((g) => aliasName(workload, g.value, env)))}) and move each consumer to the key of its class.`;
      },
    }),
};
