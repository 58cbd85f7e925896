import { describe, expect, it } from 'vitest';
import { kms106 } from '../../src/rules/kms106-policy-escalation-path.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS106', () => {
  it('fires on admin-holds-put-key-policy', async () => {
    const [finding, ...rest] = await findingsFor(kms106, 'fires/admin-holds-put-key-policy');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/ledger-prod: arn:aws:iam::111122223333:role/ledger-admin holds kms:PutKeyPolicy and unconstrained kms:CreateGrant via statement "KeyAdministrators", so it can rewrite the key policy and hand the key to any principal. Keep kms:PutKeyPolicy with the account root and add the condition "kms:GrantIsForAWSResource": "true" to its kms:CreateGrant.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 42 });
    expect(finding.evidence).toMatchObject({ actions: ['kms:PutKeyPolicy', 'unconstrained kms:CreateGrant'] });
  });

  it('fires on unconstrained-create-grant', async () => {
    const [finding, ...rest] = await findingsFor(kms106, 'fires/unconstrained-create-grant');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/ledgerkey-prod: arn:aws:iam::111122223333:role/ledger-batch holds unconstrained kms:CreateGrant via statement "BatchGrants", so it can hand the key to any principal. Add the condition "kms:GrantIsForAWSResource": "true" to its kms:CreateGrant.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 19, endLine: 26 });
    // Only CreateGrant fired: no advice about kms:PutKeyPolicy.
    expect(finding.message).not.toContain('PutKeyPolicy');
  });

  it('says what anyone can do when the principal is "*", without repeating KMS201', async () => {
    const { analyseFolder } = await import('../harness.js');
    const findings = (await analyseFolder('fixtures/scenarios/policy-files/after', { rules: [kms106] })).findings;
    expect(findings.map((f) => f.message)).toEqual([
      'Anyone may call kms:CreateGrant on alias/backup-prod (kms.tf:69-75) and hand the key to any principal; remove CreateGrant or require kms:GrantIsForAWSResource and aws:PrincipalOrgID.',
    ]);
    expect(findings[0].location).toMatchObject({ file: 'kms.tf', startLine: 69, endLine: 75 });
  });

  it.each(quietCases('KMS106'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms106, `quiet/${name}`)).toEqual([]);
  });
});
