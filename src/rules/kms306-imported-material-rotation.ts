/** KMS306: imported key material cannot rotate automatically. */
import { declaredKeys, isReplicaKey, keyLabel, keyLocation } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms306: Rule = {
  id: 'KMS306',
  name: 'imported-material-rotation',
  principle: 'lifecycle',
  defaultSeverity: 'info',
  rationale:
    'KMS cannot rotate imported (EXTERNAL origin) key material automatically: rotation is a manual procedure (new key or new material, alias switch, re-encryption) that needs an owner and a schedule.',
  check(ctx: RuleContext): FindingDraft[] {
    return declaredKeys(ctx).flatMap((key) => {
      // A replica carries its primary's material: the plan belongs to the primary.
      if (key.origin !== 'EXTERNAL' || isReplicaKey(key)) return [];
      return [
        {
          key: key.id,
          message: `Key ${keyLabel(ctx, key)} uses imported key material (origin EXTERNAL): KMS cannot rotate it automatically. Keep a manual rotation plan (new material in a new key, switch the alias, re-encrypt) and track the material's expiry and escrow.`,
          evidence: { origin: 'EXTERNAL', spec: key.spec },
          location: keyLocation(key, 'origin'),
        },
      ];
    });
  },
};
