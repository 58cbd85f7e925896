import { describe, expect, it } from 'vitest';
import { kms209 } from '../../src/rules/kms209-invalid-policy-element.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS209', () => {
  it('fires on misspelt-action', async () => {
    const [finding, ...rest] = await findingsFor(kms209, 'fires/misspelt-action');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Policy of key alias/audit-prod, statement "AuditorsDecrypt": unknown action "kms:Decrpyt". Fix the element: AWS ignores or rejects what it does not understand, so the statement does not do what it says.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 30 });
    expect(finding.evidence).toMatchObject({ problem: 'Statement.AuditorsDecrypt: unknown action "kms:Decrpyt"' });
  });

  it('fires on via-service-without-region', async () => {
    const [finding, ...rest] = await findingsFor(kms209, 'fires/via-service-without-region');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Policy of key alias/audit-prod, statement "ViaS3": kms:ViaService value "s3.amazonaws.com" is not <service>.<region>.amazonaws.com. Fix the element: AWS ignores or rejects what it does not understand, so the statement does not do what it says.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 34 });
  });

  it('fires on cfn-bad-operator', async () => {
    const [finding, ...rest] = await findingsFor(kms209, 'fires/cfn-bad-operator');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Policy of key alias/auditkey-prod, statement "OrgOnly": condition operator "StringEqual" is not a valid operator. Fix the element: AWS ignores or rejects what it does not understand, so the statement does not do what it says.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 19, endLine: 28 });
  });

  it('fires on policy-file-unknown-condition-key', async () => {
    const [finding, ...rest] = await findingsFor(kms209, 'fires/policy-file-unknown-condition-key');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Policy policies/audit-key.json, statement "AuditorsDecrypt": condition key "kms:CallerAcount" is not a KMS condition key. Fix the element: AWS ignores or rejects what it does not understand, so the statement does not do what it says.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'policies/audit-key.json', startLine: 13, endLine: 26 });
  });

  it.each(quietCases('KMS209'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms209, `quiet/${name}`)).toEqual([]);
  });
});
