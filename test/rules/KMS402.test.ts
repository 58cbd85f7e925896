import { describe, expect, it } from 'vitest';
import { kms402 } from '../../src/rules/kms402-missing-ownership-tags.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>, config?: string) =>
  (await analyseFiles(files, { rules: [kms402], ...(config ? { config } : {}) })).findings.filter((f) => f.rule === 'KMS402');

const key = (tags: string) => `resource "aws_kms_key" "logs" {\n  enable_key_rotation = true\n  tags = ${tags}\n}\n`;

describe('KMS402 missing-ownership-tags', () => {
  it('lists every missing required tag', async () => {
    const [finding, ...rest] = await run({ 'main.tf': key('{ Environment = "prod" }') });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'low',
      key: '.:aws_kms_key.logs',
      subjects: ['.:aws_kms_key.logs'],
      message:
        'Key aws_kms_key.logs (main.tf:1) has no DataClass and Owner tags; add DataClass = "<class>" and Owner = "<team>" to the key or the provider default_tags.',
      location: { file: 'main.tf', startLine: 1, endLine: 4 },
    });
    expect(finding.evidence).toEqual({
      missing: ['DataClass', 'Owner'],
      accepted: { DataClass: ['DataClass', 'DataClassification', 'Classification'], Owner: ['Owner', 'Team'] },
      present: ['Environment'],
    });
  });

  it('counts provider default_tags, synonyms and any case', async () => {
    const provider = 'provider "aws" {\n  default_tags {\n    tags = { team = "payments", ENV = "prod" }\n  }\n}\n';
    expect(await run({ 'main.tf': provider + key('{ dataclassification = "restricted" }') })).toEqual([]);
  });

  it('treats an empty value as missing', async () => {
    const [finding] = await run({ 'main.tf': key('{ Environment = "dev", DataClass = "internal", Owner = "" }') });
    expect(finding.evidence).toMatchObject({ missing: ['Owner'] });
  });

  it('stays quiet when the tags are not known statically, but counts a known name with an unknown value', async () => {
    expect(await run({ 'main.tf': `variable "tags" {}\n${key('var.tags')}` })).toEqual([]);
    const files = { 'main.tf': `variable "owner" {}\n${key('{ Environment = "dev", DataClass = "public", Owner = var.owner }')}` };
    expect(await run(files)).toEqual([]);
  });

  it('reads CloudFormation Tags lists, with parameter values', async () => {
    const template = (tags: string) =>
      `AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Team:\n    Type: String\nResources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Tags:\n${tags}`;
    const [finding] = await run({ 'template.yaml': template('        - Key: Owner\n          Value: !Ref Team\n') });
    expect(finding.message).toBe(
      "Key DataKey (template.yaml:6) has no Environment and DataClass tags; add { Key: Environment, Value: <env> } and { Key: DataClass, Value: <class> } to the key's Tags.",
    );
    expect(finding.location).toEqual({ file: 'template.yaml', startLine: 6, endLine: 11 });
  });

  it('uses the configured required tags', async () => {
    const config = 'thresholds:\n  requiredTags: [CostCenter]\n';
    expect(await run({ 'main.tf': key('{ CostCenter = "cc-1" }') }, config)).toEqual([]);
    const [finding] = await run({ 'main.tf': key('{ Owner = "x" }') }, config);
    expect(finding.evidence).toMatchObject({ missing: ['CostCenter'], accepted: { CostCenter: ['CostCenter'] } });
  });

  it('names the key by alias and line, with the value the classification knows', async () => {
    const { analyseFolder } = await import('../harness.js');
    const findings = (await analyseFolder('fixtures/scenarios/env-wide-shared-key/after', { rules: [kms402] })).findings;
    expect(findings.map((f) => f.message)).toEqual([
      'Key alias/platform-dev (envs/dev/kms.tf:3) has no DataClass tag; add DataClass = "<class>" to the key or the provider default_tags.',
      'Key alias/platform-prod (envs/prod/kms.tf:5) has no DataClass tag; add DataClass = "<class>" to the key or the provider default_tags.',
    ]);
    const [one] = await run({ 'envs/prod/main.tf': key('{ DataClass = "internal" }') });
    expect(one.message).toBe(
      'Key aws_kms_key.logs (envs/prod/main.tf:1) has no Environment and Owner tags; add Environment = "prod" and Owner = "<team>" to the key or the provider default_tags.',
    );
  });

  it('is quiet when no tags are required', async () => {
    expect(await run({ 'main.tf': key('{}') }, 'thresholds:\n  requiredTags: []\n')).toEqual([]);
  });
});
