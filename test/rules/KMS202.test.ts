import { describe, expect, it } from 'vitest';
import { kms202 } from '../../src/rules/kms202-full-access-to-principal.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS202', () => {
  it('fires on role-with-kms-star', async () => {
    const [finding, ...rest] = await findingsFor(kms202, 'fires/role-with-kms-star');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/billing-prod: statement "BillingAppFull" gives arn:aws:iam::111122223333:role/billing-app every KMS action (kms:*). List the actions this principal needs: administration or usage, not both.',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 27 });
    expect(finding.evidence).toMatchObject({ statement: 'BillingAppFull' });
  });

  it('fires on cfn-star-action', async () => {
    const [finding, ...rest] = await findingsFor(kms202, 'fires/cfn-star-action');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/billingkey-prod: statement "OpsFull" gives arn:aws:iam::111122223333:role/ops every KMS action (kms:*). List the actions this principal needs: administration or usage, not both.',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 19, endLine: 24 });
  });

  it.each(quietCases('KMS202'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms202, `quiet/${name}`)).toEqual([]);
  });
});
