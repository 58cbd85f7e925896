import { describe, expect, it } from 'vitest';
import { kms208 } from '../../src/rules/kms208-grant-sprawl.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS208', () => {
  it('fires on count-grants', async () => {
    const [finding, ...rest] = await findingsFor(kms208, 'fires/count-grants');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/shared-prod has 24 grants (threshold 20): aws_kms_grant.worker[0], aws_kms_grant.worker[1], aws_kms_grant.worker[2], …. Split the key per workload or move steady access into the key policy.',
    );
    expect(finding.severity).toBe('low');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 1, endLine: 28 });
    expect(finding.evidence).toMatchObject({ grants: 24, threshold: 20 });
  });

  it.each(quietCases('KMS208'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms208, `quiet/${name}`)).toEqual([]);
  });
});
