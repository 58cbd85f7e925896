/** KMS401: a customer managed key declared here has no alias. */
import { aliasResourceFor, declaredCustomerKeys, nameOf, suggestedAlias } from './support/governance.js';
import { resourceById } from './support/lookup.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms401: Rule = {
  id: 'KMS401',
  name: 'missing-alias',
  principle: 'governance',
  defaultSeverity: 'low',
  rationale:
    'An alias such as alias/orders-prod tells people, logs and policies which workload and environment a key serves; a bare key id tells nothing and invites reuse of the wrong key.',
  check(ctx) {
    const uncertain = unitsWithUnresolvedAliases(ctx);
    return declaredCustomerKeys(ctx.inventory)
      .filter((key) => key.aliases.length === 0 && !(key.unit !== undefined && uncertain.has(key.unit)))
      .map((key): FindingDraft => {
        const suggestion = suggestedAlias(key);
        const aliasType = aliasResourceFor(key.source);
        return {
          key: key.id,
          subjects: [key.id],
          message: `Key ${nameOf(ctx, key.id)} has no alias. Add an ${aliasType} named like ${suggestion ?? 'alias/<workload>-<env>'} so people, logs and policies can tell what it protects.`,
          evidence: { aliases: [], ...(suggestion ? { suggestedAlias: suggestion } : {}) },
          ...(key.location ? { location: key.location } : {}),
          identity: 'no-alias',
        };
      });
  },
};

/** Units with an alias whose target could not be resolved: any key there may be the one it names. */
function unitsWithUnresolvedAliases(ctx: RuleContext): Set<string> {
  const units = new Set<string>();
  for (const alias of ctx.inventory.aliases) {
    const unit = alias.key === undefined ? resourceById(ctx.resources, alias.resource)?.unit : undefined;
    if (unit !== undefined) units.add(unit);
  }
  return units;
}
