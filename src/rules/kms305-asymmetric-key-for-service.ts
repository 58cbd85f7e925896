/** KMS305: an asymmetric or HMAC key given to a service for encryption at rest. */
import { keySpecInfo } from '../catalog/key-specs.js';
import type { Consumer } from '../inventory/types.js';
import { consumerLabel, declaredKeys, isKnown, keyLabel, where } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

/** Consumers that use a key for something other than a service's encryption at rest. */
const NOT_AT_REST: readonly ((c: Consumer) => boolean)[] = [
  // Route 53 DNSSEC signs with an asymmetric ECC_NIST_P256 SIGN_VERIFY key: that is the right kind.
  (c) => c.purpose === 'dnssec signing',
  // Terraform calling KMS directly (aws_kms_ciphertext, aws_kms_secrets) is not a service storing data.
  (c) => c.service === 'kms',
  // What a module does with a `kms_key_*` input is not known.
  (c) => c.type === 'module',
];

export const kms305: Rule = {
  id: 'KMS305',
  name: 'asymmetric-key-for-service',
  principle: 'lifecycle',
  defaultSeverity: 'high',
  rationale:
    'AWS services encrypt data at rest only with symmetric encryption keys (envelope encryption with GenerateDataKey); an asymmetric or HMAC key is rejected, so the resource fails to create or cannot use its data.',
  check(ctx: RuleContext): FindingDraft[] {
    return declaredKeys(ctx).flatMap((key) => {
      const spec = key.spec;
      const info = isKnown(spec) ? keySpecInfo(spec) : undefined;
      if (!isKnown(spec) || !info || info.usableForServiceEncryption) return [];
      const usage = isKnown(key.usage) ? ` ${key.usage}` : '';
      return key.consumers
        .filter((c) => !NOT_AT_REST.some((skip) => skip(c)))
        .map((c) => ({
          key: key.id,
          subjects: [c.resource],
          identity: `${c.resource}#${c.attribute}`,
          message: `${consumerLabel(ctx, c)} encrypts at rest with key ${keyLabel(ctx, key)}, which is ${spec}${usage} (${info.family}); services accept only symmetric encryption keys (SYMMETRIC_DEFAULT). Point ${c.attribute} at a symmetric key.`,
          evidence: {
            spec,
            usage: key.usage,
            family: info.family,
            consumer: c.resource,
            attribute: c.attribute,
            service: c.service,
            location: where(c.location),
          },
          location: c.location,
        }));
    });
  },
};
