/** KMS208: a key has more grants than the configured threshold. */
import type { Grant, Key } from '../inventory/types.js';
import type { Location, Resource } from '../model/types.js';
import { resourcesById } from './support/lookup.js';
import { addressOf, keyName } from './support/policy.js';
import type { Rule } from './types.js';

export const kms208: Rule = {
  id: 'KMS208',
  name: 'grant-sprawl',
  principle: 'key-policy',
  defaultSeverity: 'low',
  rationale: 'Many grants on one key mean access that no key policy shows and that is hard to audit or revoke: a sign the key serves too many consumers.',
  check(ctx) {
    const limit = ctx.config.thresholds.grants;
    const byId = resourcesById(ctx.resources);
    return ctx.inventory.keys.flatMap((key) => {
      const count = key.grants.reduce((sum, grant) => sum + instances(grant, byId), 0);
      if (count <= limit) return [];
      return [
        {
          key: key.id,
          subjects: key.grants.map((g) => g.id),
          message: `Key ${keyName(key)} has ${count} grants (threshold ${limit}): ${sample(key.grants)}. Split the key per workload or move steady access into the key policy.`,
          // Grants the live view read from the account count as the repository's do.
          evidence: { grants: count, threshold: limit, grantIds: key.grants.map((g) => g.id), live: key.grants.filter((g) => g.live).length },
          ...(location(key) ? { location: location(key) } : {}),
        },
      ];
    });
  },
};

/** The key's declaration, else (a key only referenced) the first line that references it. */
function location(key: Key): Location | undefined {
  return key.location ?? key.consumers.find((c) => c.kind !== 'grant')?.location ?? key.grants.find((g) => !g.live)?.location;
}

function sample(grants: readonly Grant[]): string {
  const names = grants.slice(0, 3).map((g) => addressOf(g.id));
  return grants.length > 3 ? `${names.join(', ')}, …` : names.join(', ');
}

/** A grant with `count` / `for_each` stands for as many grants as it has static instance keys. */
function instances(grant: Grant, resources: ReadonlyMap<string, Resource>): number {
  return resources.get(grant.id)?.multiplicity?.keys?.length ?? 1;
}
