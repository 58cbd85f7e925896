import { describe, expect, it } from 'vitest';
import { kms207 } from '../../src/rules/kms207-unconstrained-grant.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS207', () => {
  it('fires on grant-without-constraints', async () => {
    const [finding, ...rest] = await findingsFor(kms207, 'fires/grant-without-constraints');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Grant aws_kms_grant.feature_store on key alias/shared-prod (grantee arn:aws:iam::555566667777:role/feature-store-reader) has no constraints. Add constraints { encryption_context_equals = {…} } and leave CreateGrant out of its operations.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'grants.tf', startLine: 1, endLine: 6 });
    expect(finding.evidence).toMatchObject({ grant: '.:aws_kms_grant.feature_store', problems: ['has no constraints'] });
  });

  it('fires on grant-allows-create-grant', async () => {
    const [finding, ...rest] = await findingsFor(kms207, 'fires/grant-allows-create-grant');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Grant aws_kms_grant.etl on key alias/shared-prod (grantee arn:aws:iam::444455556666:role/etl) allows CreateGrant (re-delegation). Add constraints { encryption_context_equals = {…} } and leave CreateGrant out of its operations.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'grants.tf', startLine: 1, endLine: 12 });
  });

  it.each(quietCases('KMS207'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms207, `quiet/${name}`)).toEqual([]);
  });
});
