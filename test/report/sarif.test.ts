import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sarifLog } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/registry.js';
import { analyseFolder } from '../harness.js';

// ajv-draft-04 is CommonJS; its typings describe the ESM default export.
const Ajv = createRequire(import.meta.url)('ajv-draft-04') as typeof import('ajv-draft-04').default;
const schema = JSON.parse(readFileSync('test/schemas/sarif-2.1.0.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema and describes every rule', async () => {
    const { findings } = await analyseFolder('fixtures/scenarios/env-wide-shared-key/after');
    const log = sarifLog(findings, RULES, '0.0.0-test');
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of run.tool.driver.rules ?? []) {
      expect(rule.helpUri).toBe(`https://github.com/kms-review/kms-review/blob/main/docs/rules/${rule.id}.md`);
      expect(rule.properties?.['security-severity']).toMatch(/^\d+\.\d$/);
    }
    expect(run.results?.length).toBe(findings.length);
  });

  it('maps severity, location, fingerprint and suppression', () => {
    const finding = {
      rule: 'KMS301',
      severity: 'medium' as const,
      key: 'envs/prod:aws_kms_key.a',
      subjects: ['envs/prod:aws_kms_key.a'],
      message: 'rotation off',
      evidence: {},
      location: { file: 'envs/prod/kms.tf', startLine: 4, endLine: 4 },
      fingerprint: 'abc123',
      suppressed: { by: 'inline' as const, reason: 'HSM team rotates it' },
    };
    const log = sarifLog([finding], [], '1.0.0');
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results?.[0]).toEqual({
      ruleId: 'KMS301',
      level: 'warning',
      message: { text: 'rotation off' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'envs/prod/kms.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, endLine: 4 } } }],
      partialFingerprints: { 'kmsReviewFinding/v1': 'abc123' },
      suppressions: [{ kind: 'inSource', justification: 'HSM team rotates it', status: 'accepted' }],
      properties: { severity: 'medium', 'security-severity': '5.5', key: 'envs/prod:aws_kms_key.a', subjects: ['envs/prod:aws_kms_key.a'] },
    });
  });
});
