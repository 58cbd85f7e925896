/** Runs the registered rules: applies configured severities, fingerprints, suppressions. */
import type { Config, Severity } from '../config/schema.js';
import { flat } from '../model/strings.js';
import { fingerprint } from './fingerprint.js';
import { keysById, resourcesById } from './support/lookup.js';
import { type InlineSuppression, type PrIgnore, suppressionFor } from './suppressions.js';
import { type ChangeContext, type Finding, type FindingDraft, type Rule, type RuleContext, SEVERITIES } from './types.js';

export interface RunOptions {
  inline: readonly InlineSuppression[];
  /** `YYYY-MM-DD`: ignores that expired before this day no longer apply. */
  today: string;
  /** Pull-request-scoped ignores (GitHub App `/kms ignore`). */
  pr?: readonly PrIgnore[];
}

/** The state rules on one analysed repository. */
export function runRules(rules: readonly Rule[], ctx: RuleContext, options: RunOptions): Finding[] {
  return finish(rules, ctx, options, (rule) => rule.check?.(ctx) ?? []);
}

/** The change rules (KMS5xx) on base vs head; suppressions and configuration are the head's. */
export function runChangeRules(rules: readonly Rule[], ctx: ChangeContext, options: RunOptions): Finding[] {
  return finish(rules, ctx.head, options, (rule) => rule.checkChange?.(ctx) ?? []);
}

function finish(rules: readonly Rule[], ctx: RuleContext, options: RunOptions, check: (rule: Rule) => FindingDraft[]): Finding[] {
  const suppression = {
    config: ctx.config,
    inline: options.inline,
    keys: keysById(ctx.inventory.keys),
    resources: resourcesById(ctx.resources),
    today: options.today,
    ...(options.pr ? { pr: options.pr } : {}),
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = ctx.config.rules[rule.id];
    if (configured === 'off') continue;
    const seen = new Set<string>();
    for (const draft of check(rule)) {
      const subjects = draft.subjects ?? [];
      const id = fingerprint(rule.id, draft.key, draft.identity ?? subjects.join(','));
      if (seen.has(id)) continue;
      seen.add(id);
      const finding: Finding = {
        rule: rule.id,
        severity: configured ?? draft.severity ?? rule.defaultSeverity,
        ...(draft.key ? { key: draft.key } : {}),
        subjects,
        // Findings last to the end of a run, and messages are built by many joins: one flat string each.
        message: flat(draft.message),
        evidence: draft.evidence ?? {},
        ...(draft.location ? { location: draft.location } : {}),
        fingerprint: id,
        ...(draft.fix ? { fix: draft.fix } : {}),
      };
      const suppressed = suppressionFor(finding, suppression);
      findings.push(suppressed ? { ...finding, suppressed } : finding);
    }
  }
  return findings.sort(bySeverityThenPlace);
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at or above `threshold` (critical is highest). */
export function atLeast(severity: Severity, threshold: Config['failOn']): boolean {
  return threshold !== 'never' && severityRank(severity) <= severityRank(threshold);
}

function bySeverityThenPlace(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    a.rule.localeCompare(b.rule) ||
    (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}
