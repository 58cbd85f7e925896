/** KMS304: a disabled key that resources still use. */
import { consumerLabel, consumerResources, declaredKeys, keyAttributeName, keyLabel, keyLocation, setting, where } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms304: Rule = {
  id: 'KMS304',
  name: 'disabled-key-in-use',
  principle: 'lifecycle',
  defaultSeverity: 'high',
  rationale:
    'A disabled key refuses every cryptographic request: the resources that depend on it can no longer read or write their data, which is an outage for each of them (and the step before deletion).',
  check(ctx: RuleContext): FindingDraft[] {
    return declaredKeys(ctx).flatMap((key) => {
      if (key.enabled !== false || key.consumers.length === 0) return [];
      const written = key.attributeLocations.enabled;
      const attribute = keyAttributeName(key, 'enabled') ?? 'enabled';
      const subjects = consumerResources(key.consumers);
      const users = [...new Set(key.consumers.map((c) => consumerLabel(ctx, c)))];
      const at = written ? ` (${setting(key, attribute, false)} at ${where(written)})` : '';
      return [
        {
          key: key.id,
          subjects,
          identity: 'disabled',
          message: `Key ${keyLabel(ctx, key)} is disabled${at} but ${subjects.length} resource${subjects.length === 1 ? '' : 's'} still use${subjects.length === 1 ? 's' : ''} it: ${users.join(', ')}. They cannot read or write their data; move them to another key first, or enable the key.`,
          evidence: {
            enabled: false,
            attribute,
            consumers: key.consumers.map((c) => ({ resource: c.resource, service: c.service, attribute: c.attribute, location: where(c.location) })),
          },
          location: keyLocation(key, 'enabled'),
        },
      ];
    });
  },
};
