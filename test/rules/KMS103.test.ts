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
  it('is critical when a dev consumer uses the prod key, naming the dev consumer and the line of its key reference', async () => {
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
      'Prod key alias/app-prod is used from dev by aws_sqs_queue.orders_replay (envs/dev/main.tf:3). ' +
        // No dev key in the inventory: a new one, named like the prod key.
        'Point it at a new dev key (alias/app-dev).',
    );
    expect(f.evidence).toMatchObject({
      dimension: 'environment',
      groups: { dev: ['envs/dev:aws_sqs_queue.orders_replay'], prod: ['envs/prod:aws_sqs_queue.orders'] },
      provenance: { dev: ['path envs/dev/main.tf'], prod: ['path envs/prod/kms.tf'] },
      home: 'prod',
      elsewhere: { dev: { consumers: ['envs/dev:aws_sqs_queue.orders_replay'] } },
    });
  });

  it("points the consumers of another environment at that environment's existing key, naming their lines", async () => {
    const [f, ...rest] = (await analyseFolder('fixtures/scenarios/env-wide-shared-key/after', { rules: [kms103] })).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'critical', key: 'envs/prod:aws_kms_key.platform', location: { file: 'envs/prod/kms.tf', startLine: 5 } });
    expect(f.message).toBe(
      'Prod key alias/platform-prod is used from dev by aws_sqs_queue.billing_replay (envs/dev/main.tf:61). Point it at alias/platform-dev.',
    );
    expect(f.evidence.elsewhere).toEqual({ dev: { consumers: ['envs/dev:aws_sqs_queue.billing_replay'], existingKey: 'alias/platform-dev' } });
    // alias/platform-dev exists: the message never proposes creating it.
    expect(f.message).not.toMatch(/new dev key|its own key/);
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
    // The key's environment is not known: it is the one most consumers are in; no workload, so no alias to suggest.
    expect(f.message).toBe(
      'Key shared:aws_kms_key.preprod serves staging (2 consumers) and is also used from qa by aws_kinesis_stream.qa (shared/main.tf:14). ' +
        'Point it at a qa key of its own.',
    );
    expect(f.message).not.toMatch(/<[a-z]+>/);
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
