/**
 * KMS403: an alias does not match `thresholds.aliasPattern`. Only aliases whose full name is
 * written literally are judged: a `name_prefix` or an expression not known statically is skipped.
 * A pattern that is not a valid regular expression judges nothing.
 */
import { aliasTypeSpecFor } from '../catalog/keys.js';
import type { Alias } from '../inventory/types.js';
import { suggestedAlias } from './support/governance.js';
import { keyById, resourceById } from './support/lookup.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms403: Rule = {
  id: 'KMS403',
  name: 'alias-naming',
  principle: 'governance',
  defaultSeverity: 'info',
  rationale:
    'A naming convention such as alias/<workload>-<env> lets reviewers, policies (kms:RequestAlias) and dashboards tell the application and stage of a key from its name alone.',
  check(ctx) {
    const convention = ctx.config.thresholds.aliasPattern;
    const pattern = compile(convention);
    if (!pattern) return [];
    return ctx.inventory.aliases
      .filter((alias) => hasLiteralName(ctx, alias) && !pattern.test(alias.name))
      .map((alias): FindingDraft => {
        const key = alias.key ? keyById(ctx.inventory.keys, alias.key) : undefined;
        const suggestion = suggestedAlias(key);
        const example = suggestion && pattern.test(suggestion) ? suggestion : undefined;
        return {
          ...(alias.key ? { key: alias.key } : {}),
          subjects: alias.resource ? [alias.resource] : [],
          message: `Alias ${alias.name} does not match the alias convention ${convention}. Rename it${example ? ` to ${example}` : ' after the key’s workload and environment'}; callers that use the old name must follow.`,
          evidence: { alias: alias.name, pattern: convention, ...(example ? { suggestedAlias: example } : {}) },
          ...(alias.location ? { location: alias.location } : {}),
          identity: alias.name,
        };
      });
  },
};

function compile(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** The alias resource writes its whole name as a known string (not `name_prefix`, not an unknown expression). */
function hasLiteralName(ctx: RuleContext, alias: Alias): boolean {
  const resource = resourceById(ctx.resources, alias.resource);
  const spec = resource ? aliasTypeSpecFor(resource.source, resource.type) : undefined;
  return spec !== undefined && resource !== undefined && resource.attrs[spec.nameAttributes[0]] === alias.name;
}
