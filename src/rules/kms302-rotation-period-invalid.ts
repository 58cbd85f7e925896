/** KMS302: a rotation period AWS does not accept (90–2560 days). */
import { declaredKeys, isKnown, keyAttributeName, keyLabel, keyLocation, setting, where } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const ROTATION_PERIOD_DAYS = { min: 90, max: 2560, default: 365 } as const;

export const kms302: Rule = {
  id: 'KMS302',
  name: 'rotation-period-invalid',
  principle: 'lifecycle',
  defaultSeverity: 'high',
  rationale:
    'KMS accepts rotation periods from 90 to 2560 days; any other value makes the create or update call fail, so the key (and everything waiting on it) never deploys as written.',
  check(ctx: RuleContext): FindingDraft[] {
    const { min, max } = ROTATION_PERIOD_DAYS;
    return declaredKeys(ctx).flatMap((key) => {
      const period = key.rotation.periodDays;
      if (!isKnown(period) || (period >= min && period <= max)) return [];
      const written = key.attributeLocations.rotationPeriodDays;
      const attribute = keyAttributeName(key, 'rotationPeriodDays') ?? 'rotation period';
      const at = written ? ` at ${where(written)}` : '';
      const side = period < min ? `below the minimum of ${min}` : `above the maximum of ${max}`;
      return [
        {
          key: key.id,
          message: `Key ${keyLabel(ctx, key)} sets ${setting(key, attribute, period)}${at}, ${side} days: KMS rejects it. Use ${min}–${max} days (${ROTATION_PERIOD_DAYS.default} is the default).`,
          evidence: { periodDays: period, min, max, attribute },
          location: keyLocation(key, 'rotationPeriodDays'),
        },
      ];
    });
  },
};
