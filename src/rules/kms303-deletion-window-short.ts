/** KMS303: a deletion waiting period shorter than the configured minimum. */
import { isOneOf } from '../model/value.js';
import { declaredKeys, type KnownCase, keyAttributeName, keyLabel, keyLocation, knownCases, setKeyAttributeFix, where } from './support/lifecycle.js';
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
      // One of several values (`!If [IsProd, 30, 7]`): any option below the minimum counts, with its condition.
      const short = knownCases(days).filter((c) => c.value < threshold);
      if (short.length === 0) return [];
      const written = key.attributeLocations.deletionWindowDays;
      const attribute = keyAttributeName(key, 'deletionWindowDays') ?? 'deletion window';
      const at = written ? ` (${attribute} at ${where(written)})` : '';
      const fix = setKeyAttributeFix(ctx, key, 'deletionWindowDays', String(threshold), `Raise the deletion waiting period to ${threshold} days`);
      const choice = isOneOf(days) ? { options: days.options, when: short.map((c) => c.when) } : {};
      return [
        {
          key: key.id,
          message: `Key ${keyLabel(ctx, key)} is deleted ${deletedAfter(short)}${at}; the configured minimum is ${threshold} (AWS allows 7–30). Set ${attribute} to ${threshold} to keep time to cancel a mistaken deletion.`,
          evidence: { deletionWindowDays: Math.min(...short.map((c) => c.value)), ...choice, threshold, attribute },
          location: keyLocation(key, 'deletionWindowDays', fix),
          ...(fix ? { fix } : {}),
        },
      ];
    });
  },
};

/** `7 days after deletion is scheduled`, `7 days after deletion is scheduled when IsProd is false`. */
function deletedAfter(cases: KnownCase<number>[]): string {
  const scheduled = 'after deletion is scheduled';
  const conditions = new Set(cases.map((c) => c.when));
  if (conditions.size === 1) {
    const [when] = conditions;
    return `${cases.map((c) => c.value).join(' or ')} days ${scheduled}${when ? ` ${when}` : ''}`;
  }
  return cases.map((c, i) => `${c.value} days${i === 0 ? ` ${scheduled}` : ''} ${c.when}`).join(', ');
}
