import { describe, expect, it } from 'vitest';
import { kms204 } from '../../src/rules/kms204-identity-policy-wildcard-kms.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS204', () => {
  it('fires on decrypt-any-key', async () => {
    const [finding, ...rest] = await findingsFor(kms204, 'fires/decrypt-any-key');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'IAM policy aws_iam_policy.ingest_kms (statement "UseAnyKey", held by aws_iam_role.ingest) allows kms:Decrypt, kms:GenerateDataKey on Resource "*": every key that delegates to IAM. Name the key ARNs, or select keys with a kms:ResourceAliases or aws:ResourceTag condition.',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'iam.tf', startLine: 14, endLine: 19 });
    expect(finding.evidence).toMatchObject({ policy: '.:aws_iam_policy.ingest_kms', statement: 'UseAnyKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'] });
  });

  it('fires on cfn-role-inline-policy', async () => {
    const [finding, ...rest] = await findingsFor(kms204, 'fires/cfn-role-inline-policy');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'IAM policy WorkerRole policy "kms" (statement "DecryptEverything", held by WorkerRole) allows kms:Decrypt on Resource "*": every key that delegates to IAM. Name the key ARNs, or select keys with a kms:ResourceAliases or aws:ResourceTag condition.',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 18, endLine: 22 });
  });

  it('fires on policy-file', async () => {
    const [finding, ...rest] = await findingsFor(kms204, 'fires/policy-file');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'IAM policy policies/ingest-kms.json (statement "UseAnyKey", not attached to anything in this repository) allows kms:Decrypt on Resource "*": every key that delegates to IAM. Name the key ARNs, or select keys with a kms:ResourceAliases or aws:ResourceTag condition.',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'policies/ingest-kms.json', startLine: 4, endLine: 11 });
  });

  it.each(quietCases('KMS204'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms204, `quiet/${name}`)).toEqual([]);
  });
});
