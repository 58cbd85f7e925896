/** KMS103 — one key serves two or more environments (principle 2: per stage); prod with non-prod is critical. */
import { PRODUCTION_ENVIRONMENTS } from '../inventory/conventions.js';
import { aliasList, aliasStem, mixFindings } from './support/mix.js';
import type { Rule } from './types.js';

export const kms103: Rule = {
  id: 'KMS103',
  name: 'shared-across-environments',
  principle: 'applications',
  defaultSeverity: 'high',
  rationale:
    'Every stage needs its own keys: a key shared by prod and dev lets dev roles and dev mistakes (a disabled key, a loosened policy) ' +
    'reach production data, and a test can no longer be run without touching prod.',
  check: (ctx) =>
    mixFindings(ctx, {
      dimension: 'environment',
      verb: 'serves',
      // Two or more groups: one of them in prod means prod mixed with non-prod.
      severity: (_key, mix) => (mix.groups.some((g) => PRODUCTION_ENVIRONMENTS.has(g.value)) ? 'critical' : undefined),
      advice: (key, mix) => {
        const { workload } = aliasStem(key);
        return `Give each environment its own key (${aliasList(mix.groups.map((g) => `${workload}-${g.value}`))}) and point every consumer at the key of its environment.`;
      },
    }),
};
