/** SARIF 2.1.0 for code scanning: one run, every registered rule described, results with stable fingerprints. */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Rule, Severity } from '../rules/types.js';
import { PROJECT_URL, ruleDocUrl } from './links.js';

/** GitHub maps security-severity to critical (≥9), high (≥7), medium (≥4), low (>0). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

export function sarifLog(findings: readonly Finding[], rules: readonly Rule[], version: string): Log {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kms-review', informationUri: PROJECT_URL, version, rules: rules.map(descriptor) } },
        results: findings.map((f) => result(f, index.get(f.rule))),
      },
    ],
  };
}

function descriptor(rule: Rule): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: `${rule.id} ${rule.name}` },
    fullDescription: { text: rule.rationale },
    helpUri: ruleDocUrl(rule.id),
    help: { text: `${rule.rationale} See ${ruleDocUrl(rule.id)}`, markdown: `${rule.rationale}\n\n[${rule.id} documentation](${ruleDocUrl(rule.id)})` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { 'security-severity': SECURITY_SEVERITY[rule.defaultSeverity], tags: ['security', 'kms', rule.principle], precision: 'high' },
  };
}

function result(finding: Finding, ruleIndex: number | undefined): Result {
  return {
    ruleId: finding.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    ...(finding.location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.location.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.location.startLine, endLine: finding.location.endLine },
              },
            },
          ],
        }
      : {}),
    partialFingerprints: { 'kmsReviewFinding/v1': finding.fingerprint },
    ...(finding.suppressed
      ? { suppressions: [{ kind: finding.suppressed.by === 'inline' ? 'inSource' : 'external', justification: finding.suppressed.reason, status: 'accepted' }] }
      : {}),
    properties: {
      severity: finding.severity,
      'security-severity': SECURITY_SEVERITY[finding.severity],
      ...(finding.key ? { key: finding.key } : {}),
      subjects: finding.subjects,
    },
  };
}
