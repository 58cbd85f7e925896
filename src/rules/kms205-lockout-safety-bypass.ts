/** KMS205: the policy lockout safety check is bypassed on a key or an `aws_kms_key_policy`. */
import { KEY_POLICY_TYPE, KEY_TYPES } from '../catalog/keys.js';
import type { Resource } from '../model/types.js';
import { asBoolean } from '../model/value.js';
import { addressOf, keyName } from './support/policy.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

/** Resource type → the attribute that bypasses the check. */
const BYPASS_ATTRIBUTES: Record<string, string> = {
  ...Object.fromEntries(KEY_TYPES.flatMap((spec) => (spec.attributes.bypassLockoutSafetyCheck ? [[spec.type, spec.attributes.bypassLockoutSafetyCheck]] : []))),
  [KEY_POLICY_TYPE.type]: KEY_POLICY_TYPE.attributes.bypassLockoutSafetyCheck,
};

export const kms205: Rule = {
  id: 'KMS205',
  name: 'lockout-safety-bypass',
  principle: 'key-policy',
  defaultSeverity: 'high',
  rationale:
    'The lockout safety check stops a policy that would leave nobody able to manage the key; bypassing it can make the key unmanageable until AWS Support steps in.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const resource of ctx.resources) {
      const attribute = BYPASS_ATTRIBUTES[resource.type];
      if (resource.mode !== 'managed' || !attribute || asBoolean(resource.attrs[attribute]) !== true) continue;
      const key = keyOf(ctx, resource);
      drafts.push({
        ...(key ? { key: key.id } : {}),
        subjects: [resource.id],
        identity: resource.id,
        message:
          `${addressOf(resource.id)} sets ${attribute} = true${key ? ` for key ${keyName(key)}` : ''}: KMS will accept a policy that locks everyone out of the key. ` +
          'Remove the attribute (it defaults to false).',
        evidence: { resource: resource.id, attribute },
        location: resource.attrLocations[attribute] ?? resource.location,
      });
    }
    return drafts;
  },
};

/** The key itself, or the key whose policy this `aws_kms_key_policy` sets. */
function keyOf(ctx: RuleContext, resource: Resource) {
  return ctx.inventory.keys.find((k) => k.id === resource.id || k.policy?.from === resource.id);
}
