import { describe, expect, it } from 'vitest';
import { kms201 } from '../../src/rules/kms201-wildcard-principal.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS201', () => {
  it('fires on public-decrypt', async () => {
    const [finding, ...rest] = await findingsFor(kms201, 'fires/public-decrypt');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/exports-prod: statement "AnyoneDecrypt" allows any AWS principal ("*") kms:Decrypt, kms:DescribeKey. Name the principals, or add a condition such as aws:PrincipalOrgID or kms:CallerAccount.',
    );
    expect(finding.severity).toBe('critical');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 30 });
    expect(finding.evidence).toMatchObject({ statement: 'AnyoneDecrypt', restrictedBy: [] });
  });

  it('fires on via-service-alone', async () => {
    const [finding, ...rest] = await findingsFor(kms201, 'fires/via-service-alone');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/exportskey-prod: statement "ViaS3" allows any AWS principal ("*") kms:Decrypt, kms:GenerateDataKey, kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext and 1 more. Its conditions (kms:ViaService) do not say who may call. Name the principals, or add a condition such as aws:PrincipalOrgID or kms:CallerAccount.',
    );
    expect(finding.severity).toBe('critical');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 19, endLine: 28 });
    expect(finding.evidence).toMatchObject({ restrictedBy: ['kms:ViaService'] });
  });

  it.each(quietCases('KMS201'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms201, `quiet/${name}`)).toEqual([]);
  });
});
