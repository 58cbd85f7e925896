import { describe, expect, it } from 'vitest';
import { kms306 } from '../../src/rules/kms306-imported-material-rotation.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms306] })).findings;

describe('KMS306 imported-material-rotation', () => {
  it('fires on a Terraform external key', async () => {
    const findings = await run({
      'kms.tf':
        'resource "aws_kms_external_key" "byok" {\n  description = "payments"\n}\nresource "aws_kms_alias" "byok" {\n  name          = "alias/payments-prod"\n  target_key_id = aws_kms_external_key.byok.id\n}\n',
    });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('info');
    expect(f.message).toBe(
      "Key aws_kms_external_key.byok (alias/payments-prod) uses imported key material (origin EXTERNAL): KMS cannot rotate it automatically. Keep a manual rotation plan (new material in a new key, switch the alias, re-encrypt) and track the material's expiry and escrow.",
    );
    expect(f.location).toEqual({ file: 'kms.tf', startLine: 1, endLine: 3 });
    expect(f.evidence).toEqual({ origin: 'EXTERNAL', spec: 'SYMMETRIC_DEFAULT' });
  });

  it('fires on a CloudFormation key with Origin EXTERNAL, at the Origin line', async () => {
    const [f] = await run({ 'template.yaml': 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      Origin: EXTERNAL\n' });
    expect(f.location).toEqual({ file: 'template.yaml', startLine: 5, endLine: 5 });
  });

  it('stays quiet for AWS_KMS keys, replicas of imported keys and unknown origins', async () => {
    const findings = await run({
      'template.yaml': `Parameters:
  KeyOrigin:
    Type: String
Resources:
  Generated:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Maybe:
    Type: AWS::KMS::Key
    Properties:
      Origin: !Ref KeyOrigin
`,
      'kms.tf':
        'resource "aws_kms_replica_external_key" "copy" {\n  primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"\n}\n',
    });
    expect(findings).toEqual([]);
  });
});
