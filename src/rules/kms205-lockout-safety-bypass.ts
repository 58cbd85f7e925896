/** KMS205: the policy lockout safety check is bypassed on a key or an `aws_kms_key_policy`. */
import { KEY_POLICY_TYPE, KEY_TYPES } from '../catalog/keys.js';
import { asBoolean } from '../model/value.js';
import { keyOfPolicyHolder } from './support/lookup.js';
import { addressOf, keyName } from './support/policy.js';
import type { FindingDraft, Rule } from './types.js';

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
      const key = keyOfPolicyHolder(ctx.inventory.keys, resource.id);
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
