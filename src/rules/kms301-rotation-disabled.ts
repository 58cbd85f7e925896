/** KMS301: a symmetric encryption key with AWS-generated material that does not rotate. */
import { keySpecInfo } from '../catalog/key-specs.js';
import { declaredKeys, isKnown, isReplicaKey, keyAttributeName, keyLabel, keyLocation, knownCases, setKeyAttributeFix, where } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms301: Rule = {
  id: 'KMS301',
  name: 'rotation-disabled',
  principle: 'lifecycle',
  defaultSeverity: 'medium',
  rationale:
    'Automatic rotation replaces the key material of a symmetric key on a schedule (yearly by default) without touching the data or its consumers; without it, one key material protects everything the key ever encrypted.',
  check(ctx: RuleContext): FindingDraft[] {
    return declaredKeys(ctx).flatMap((key) => {
      const { spec, usage, origin } = key;
      // A replica rotates with its primary (whose rotation the inventory copies): the primary's finding covers it.
      if (!isKnown(spec) || !isKnown(usage) || !isKnown(origin) || isReplicaKey(key)) return [];
      // Rotation that is one of several values (`!If [IsProd, true, false]`) is off under the condition of its false option.
      const off = knownCases(key.rotation.enabled).find((c) => c.value === false);
      if (!off) return [];
      // Only AWS-generated symmetric encryption material rotates automatically. A Terraform key in a custom key
      // store has the origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE (a written null, as modules pass, is no store).
      if (!keySpecInfo(spec)?.autoRotatable || usage !== 'ENCRYPT_DECRYPT' || origin !== 'AWS_KMS') return [];
      const attribute = keyAttributeName(key, 'enableRotation') ?? 'rotation';
      const written = key.attributeLocations.enableRotation;
      const evidence = written ? `${attribute} is false at ${where(written)}` : `${attribute} is not set, and rotation is off by default`;
      const what = off.when
        ? `does not rotate its key material ${off.when}${written ? ` (${attribute} at ${where(written)})` : ''}`
        : `never rotates its key material: ${evidence}`;
      const fix = setKeyAttributeFix(ctx, key, 'enableRotation', 'true', `Turn on automatic rotation (${attribute})`);
      return [
        {
          key: key.id,
          message: `Key ${keyLabel(ctx, key)} ${what}. Set ${attribute} to true (yearly by default, 90–2560 days with a rotation period).`,
          evidence: { enableRotation: false, ...(off.when ? { when: off.when } : {}), written: Boolean(written), attribute, spec, usage, origin },
          location: keyLocation(key, 'enableRotation', fix),
          ...(fix ? { fix } : {}),
        },
      ];
    });
  },
};
