import { describe, expect, it } from 'vitest';
import { kms103 } from '../../src/rules/kms103-shared-across-environments.js';
import { analyseFiles, analyseFolder } from '../harness.js';

const PROD_KEY = `resource "aws_kms_key" "app" {
  enable_key_rotation = true
}

resource "aws_kms_alias" "app" {
  name          = "alias/app-prod"
  target_key_id = aws_kms_key.app.key_id
}

resource "aws_sqs_queue" "orders" {
  kms_master_key_id = aws_kms_key.app.arn
}
`;

const DEV_REPLAY = `
resource "aws_sqs_queue" "orders_replay" {
  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/app-prod"
}
`;

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms103] })).findings;

describe('KMS103 shared-across-environments', () => {
  it('is critical when a dev consumer uses the prod key, naming both environments and where they come from', async () => {
    const [f, ...rest] = await run({ 'envs/prod/kms.tf': PROD_KEY, 'envs/dev/main.tf': DEV_REPLAY });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'KMS103',
      severity: 'critical',
      key: 'envs/prod:aws_kms_key.app',
      subjects: ['envs/dev:aws_sqs_queue.orders_replay', 'envs/prod:aws_sqs_queue.orders'],
      location: { file: 'envs/prod/kms.tf', startLine: 1, endLine: 3 },
    });
    expect(f.message).toBe(
      'Key alias/app-prod serves 2 environments: ' +
        'dev — envs/dev:aws_sqs_queue.orders_replay (path envs/dev/main.tf); prod — aws_sqs_queue.orders (path envs/prod/kms.tf). ' +
        'Blast radius: 2 consumers, 1 service, 0 workloads, 2 environments, 0 data classes. ' +
        'Give each environment its own key (alias/app-dev and alias/app-prod) and point every consumer at the key of its environment.',
    );
    expect(f.evidence).toMatchObject({
      dimension: 'environment',
      groups: { dev: ['envs/dev:aws_sqs_queue.orders_replay'], prod: ['envs/prod:aws_sqs_queue.orders'] },
      provenance: { dev: ['path envs/dev/main.tf'], prod: ['path envs/prod/kms.tf'] },
    });
  });

  it('is high for two non-prod environments and canonicalises spellings', async () => {
    const files = {
      'shared/main.tf': `
resource "aws_kms_key" "preprod" {
  enable_key_rotation = true
}
resource "aws_kinesis_stream" "staging" {
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.preprod.arn
  tags            = { Environment = "stage" }
}
resource "aws_kinesis_stream" "qa" {
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.preprod.arn
  tags            = { Environment = "qa" }
}
resource "aws_kinesis_stream" "staging2" {
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.preprod.arn
  tags            = { Env = "staging" }
}
`,
    };
    const [f] = await run(files);
    expect(f.severity).toBe('high');
    expect(f.evidence.groups).toEqual({
      staging: ['shared:aws_kinesis_stream.staging', 'shared:aws_kinesis_stream.staging2'],
      qa: ['shared:aws_kinesis_stream.qa'],
    });
    // `stage` became `staging`: the provenance keeps what the tag said.
    expect(f.evidence.provenance).toEqual({
      staging: ['tag Environment=stage on aws_kinesis_stream.staging', 'tag Env on aws_kinesis_stream.staging2'],
      qa: ['tag Environment on aws_kinesis_stream.qa'],
    });
    expect(f.message).toContain('Give each environment its own key (alias/<workload>-staging and alias/<workload>-qa)');
  });

  it('stays quiet for a root deployed per tfvars file or per workspace, and for unknown environments', async () => {
    for (const quiet of ['key-per-tfvars', 'key-per-workspace', 'unknown-environment']) {
      expect((await analyseFolder(`fixtures/rules/KMS103/quiet/${quiet}`, { rules: [kms103] })).findings, quiet).toEqual([]);
    }
  });

  it('fires on the CloudFormation fixture with the tag provenance', async () => {
    const [f] = (await analyseFolder('fixtures/rules/KMS103/fires/cfn-staging-and-qa', { rules: [kms103] })).findings;
    expect(f.location).toEqual({ file: 'test-envs.yaml', startLine: 5, endLine: 8 });
    expect(f.evidence.provenance).toEqual({ qa: ['tag Environment on QaEvents'], staging: ['tag Environment on StagingEvents'] });
  });
});
