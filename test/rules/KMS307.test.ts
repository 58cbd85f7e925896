import { describe, expect, it } from 'vitest';
import { kms307 } from '../../src/rules/kms307-multi-region-key.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms307] })).findings;

describe('KMS307 multi-region-key', () => {
  it('fires once per primary and folds in its declared replicas', async () => {
    const findings = await run({
      'kms.tf': `resource "aws_kms_key" "global" {
  enable_key_rotation = true
  multi_region        = true
}
resource "aws_kms_replica_key" "west" {
  primary_key_arn = aws_kms_key.global.arn
}
`,
    });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('low');
    expect(f.subjects).toEqual(['.:aws_kms_replica_key.west']);
    expect(f.message).toBe(
      'Key aws_kms_key.global is a multi-region key (multi_region = true), replicated here by aws_kms_replica_key.west: its key material can exist in several regions. Keep multi-region keys to data that disaster recovery needs in several regions; use a single-region key otherwise.',
    );
    expect(f.location).toEqual({ file: 'kms.tf', startLine: 3, endLine: 3 });
    expect(f.evidence).toEqual({ multiRegion: true, replicas: ['.:aws_kms_replica_key.west'] });
  });

  it('fires on a replica whose primary lives elsewhere', async () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    const findings = await run({
      'template.yaml': `Resources:
  Replica:
    Type: AWS::KMS::ReplicaKey
    Properties:
      PrimaryKeyArn: ${arn}
      KeyPolicy:
        Version: '2012-10-17'
        Statement: []
`,
    });
    expect(findings.map((f) => [f.message, f.location?.startLine])).toEqual([
      [
        `Key Replica is a replica of multi-region key ${arn}: the same key material exists in more than one region. Keep multi-region keys to data that disaster recovery needs in several regions.`,
        5,
      ],
    ]);
  });

  it('stays quiet for single-region keys and an unknown multi_region', async () => {
    const findings = await run({
      'kms.tf':
        'variable "mr" {\n  type = bool\n}\nresource "aws_kms_key" "a" {\n  enable_key_rotation = true\n}\nresource "aws_kms_key" "b" {\n  multi_region = var.mr\n}\n',
    });
    expect(findings).toEqual([]);
  });
});
