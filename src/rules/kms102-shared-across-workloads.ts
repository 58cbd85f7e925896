/** KMS102 — one key is used by two or more workloads (principle 2: applications). */
import { PRODUCTION_ENVIRONMENTS } from '../inventory/conventions.js';
import type { Key } from '../inventory/types.js';
import { crossRepositoryFindings } from './support/external.js';
import { aliasList, aliasName, aliasStem, mixFindings } from './support/mix.js';
import type { Rule } from './types.js';

/** In prod when the key itself or any of its consumers is known to be in a production environment. */
function inProduction(key: Key): boolean {
  return [key.environment, ...key.consumers.map((c) => c.environment)].some((e) => e !== null && PRODUCTION_ENVIRONMENTS.has(e.value));
}

export const kms102: Rule = {
  id: 'KMS102',
  name: 'shared-across-workloads',
  principle: 'applications',
  defaultSeverity: 'medium',
  rationale:
    'Each application should have its own key: a key shared by several applications has to admit all of their roles, ' +
    'so least privilege, grants, rotation and incident response can no longer be decided per application.',
  check: (ctx) => [
    ...mixFindings(ctx, {
      dimension: 'workload',
      verb: 'is used by',
      severity: (key) => (inProduction(key) ? 'high' : undefined),
      advice: (key, mix) => {
        const { env } = aliasStem(key);
        return `Give each workload its own key (${aliasList(mix.groups.map((g) => aliasName(g.value, env)))}) with its own key policy.`;
      },
    }),
    // With the organisation's key index: workloads that other repositories bring to the key.
    ...crossRepositoryFindings(ctx, {
      dimension: 'workload',
      noun: 'is used by',
      severity: (_values, key) => (inProduction(key) ? 'high' : undefined),
      advice: (key, added) => {
        const { env } = aliasStem(key);
        return `Give each workload its own key (${aliasList(added.map((w) => aliasName(w, env)))}), in the repository that owns it or shared through a key policy that names only that workload's roles.`;
      },
    }),
  ],
};
