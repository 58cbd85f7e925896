/** KMS206: a declared customer managed key has no explicit key policy. */
import { keyName } from './support/policy.js';
import type { Rule } from './types.js';

export const kms206: Rule = {
  id: 'KMS206',
  name: 'default-key-policy',
  principle: 'key-policy',
  defaultSeverity: 'low',
  rationale:
    "Without a key policy, AWS applies its default: the account root may do everything, so any IAM policy in the account can grant use or administration of the key. Who may use it is nowhere in the key's own code.",
  check(ctx) {
    return ctx.inventory.keys
      .filter((key) => key.declared && key.manager === 'customer' && !key.policy)
      .map((key) => ({
        key: key.id,
        subjects: [key.id],
        message:
          `Key ${keyName(key)} has no key policy, so AWS's default applies: the account root gets kms:* and any IAM policy in the account can grant access. ` +
          'Write a policy that names the key administrators and users.',
        evidence: { declaredAt: key.location },
        ...(key.location ? { location: key.location } : {}),
      }));
  },
};
