/** KMS304: a disabled key (or one pending deletion, from the live view) that resources still use. */
import type { Key } from '../inventory/types.js';
import { consumerLabel, consumerResources, keyAttributeName, keyLabel, keyLocation, setting, where } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms304: Rule = {
  id: 'KMS304',
  name: 'disabled-key-in-use',
  principle: 'lifecycle',
  defaultSeverity: 'high',
  rationale:
    'A disabled key refuses every cryptographic request: the resources that depend on it can no longer read or write their data, which is an outage for each of them (and the step before deletion).',
  check(ctx: RuleContext): FindingDraft[] {
    // Declared keys by their declaration; any key by its state in the account when the live view read it.
    return ctx.inventory.keys.flatMap((key) => {
      if (!key.declared && !key.live) return [];
      const pending = key.pendingDeletion;
      const liveDisabled = key.live?.enabled === false;
      if ((key.enabled !== false && !liveDisabled && !pending) || key.consumers.length === 0) return [];
      const subjects = consumerResources(key.consumers);
      const repo = key.consumers.filter((c) => c.kind !== 'grant');
      const throughGrants = consumerResources(key.consumers.filter((c) => c.kind === 'grant')).length;
      const users = [...new Set(repo.map((c) => consumerLabel(ctx, c)))];
      if (throughGrants > 0) users.push(`${throughGrants} more through grants in the account`);
      const uses = `but ${subjects.length} resource${subjects.length === 1 ? '' : 's'} still use${subjects.length === 1 ? 's' : ''} it: ${users.join(', ')}`;
      const consumers = key.consumers.map((c) => ({ resource: c.resource, service: c.service, attribute: c.attribute, location: where(c.location) }));
      const location = keyLocation(key, 'enabled') ?? repo[0]?.location;
      if (pending || (liveDisabled && key.enabled !== false)) {
        const live = key.live;
        const state = pending
          ? `is pending deletion in account ${live?.account ?? '?'}${pending.date ? ` (deleted on ${pending.date.slice(0, 10)})` : ''}`
          : `is disabled in account ${live?.account ?? '?'} (key state ${live?.state ?? 'Disabled'})`;
        const todo = pending
          ? 'Once deleted, their data cannot be decrypted ever again: cancel the deletion (CancelKeyDeletion) or move them to another key before that date.'
          : 'They cannot read or write their data; move them to another key first, or enable the key.';
        return [
          {
            key: key.id,
            subjects,
            identity: pending ? 'pending-deletion' : 'disabled',
            ...(pending ? { severity: 'critical' as const } : {}),
            message: `Key ${keyLabel(ctx, key)} ${state} ${uses}. ${todo}`,
            evidence: {
              enabled: false,
              state: live?.state ?? null,
              live: true,
              ...(pending ? { deletionDate: pending.date ?? null, pendingWindowDays: pending.windowDays ?? null } : {}),
              arn: live?.arn ?? null,
              consumers,
            },
            ...(location ? { location } : {}),
          },
        ];
      }
      return [declaredDisabled(ctx, key, subjects, uses, consumers)];
    });
  },
};

function declaredDisabled(ctx: RuleContext, key: Key, subjects: string[], uses: string, consumers: unknown[]): FindingDraft {
  const written = key.attributeLocations.enabled;
  const attribute = keyAttributeName(key, 'enabled') ?? 'enabled';
  const at = written ? ` (${setting(key, attribute, false)} at ${where(written)})` : '';
  const location = keyLocation(key, 'enabled') ?? key.consumers.find((c) => c.kind !== 'grant')?.location;
  return {
    key: key.id,
    subjects,
    identity: 'disabled',
    message: `Key ${keyLabel(ctx, key)} is disabled${at} ${uses}. They cannot read or write their data; move them to another key first, or enable the key.`,
    evidence: { enabled: false, attribute, consumers },
    ...(location ? { location } : {}),
  };
}
