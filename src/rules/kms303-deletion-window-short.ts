/** KMS303: a deletion waiting period shorter than the configured minimum. */
import { declaredKeys, isKnown, keyAttributeName, keyLabel, keyLocation, setKeyAttributeFix, where } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms303: Rule = {
  id: 'KMS303',
  name: 'deletion-window-short',
  principle: 'lifecycle',
  defaultSeverity: 'low',
  rationale:
    'A scheduled key deletion can be cancelled only during its waiting period (7–30 days); once it ends, every ciphertext under the key is lost for good. A short window leaves little time to notice a mistaken or malicious deletion.',
  check(ctx: RuleContext): FindingDraft[] {
    const threshold = ctx.config.thresholds.deletionWindowDays;
    return declaredKeys(ctx).flatMap((key) => {
      const days = key.deletionWindowDays;
      if (!isKnown(days) || days >= threshold) return [];
      const written = key.attributeLocations.deletionWindowDays;
      const attribute = keyAttributeName(key, 'deletionWindowDays') ?? 'deletion window';
      const at = written ? ` (${attribute} at ${where(written)})` : '';
      const fix = setKeyAttributeFix(ctx, key, 'deletionWindowDays', String(threshold), `Raise the deletion waiting period to ${threshold} days`);
      return [
        {
          key: key.id,
          message: `Key ${keyLabel(ctx, key)} is deleted ${days} days after deletion is scheduled${at}; the configured minimum is ${threshold} (AWS allows 7–30). Set ${attribute} to ${threshold} to keep time to cancel a mistaken deletion.`,
          evidence: { deletionWindowDays: days, threshold, attribute },
          location: keyLocation(key, 'deletionWindowDays', fix),
          ...(fix ? { fix } : {}),
        },
      ];
    });
  },
};
