import { describe, expect, it } from 'vitest';
import { kms107 } from '../../src/rules/kms107-blast-radius-threshold.js';
import { analyseFiles, analyseFolder } from '../harness.js';

const KEY = `resource "aws_kms_key" "staging" {
  enable_key_rotation = true
}

resource "aws_kms_alias" "staging" {
  name          = "alias/platform-staging"
  target_key_id = aws_kms_key.staging.key_id
}
`;
const use = (type: string, name: string, attr: string, app: string) => `
resource "${type}" "${name}" {
  ${attr} = aws_kms_key.staging.arn
  tags = { Application = "${app}" }
}
`;
const FOUR_SERVICES =
  use('aws_sqs_queue', 'jobs', 'kms_master_key_id', 'scheduler') +
  use('aws_sns_topic', 'alerts', 'kms_master_key_id', 'monitoring') +
  use('aws_cloudwatch_log_group', 'api', 'kms_key_id', 'api') +
  use('aws_secretsmanager_secret', 'token', 'kms_key_id', 'api');

const run = async (body: string, config?: string) =>
  (await analyseFiles({ 'envs/staging/main.tf': KEY + body }, { rules: [kms107], ...(config ? { config } : {}) })).findings;

describe('KMS107 blast-radius-threshold', () => {
  it('says which thresholds are exceeded, by how much, and what breaks', async () => {
    const [f, ...rest] = await run(FOUR_SERVICES);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'KMS107',
      severity: 'medium',
      key: 'envs/staging:aws_kms_key.staging',
      location: { file: 'envs/staging/main.tf', startLine: 1, endLine: 3 },
    });
    expect(f.subjects).toHaveLength(4);
    expect(f.message).toBe(
      'Key alias/platform-staging exceeds the blast-radius thresholds: ' +
        '4 services > 3 (Logs, Secrets Manager, SNS and SQS) and 3 workloads > 2 (api, monitoring and scheduler). ' +
        'Disabling or deleting it breaks 4 consumers in 4 services, 3 workloads and 1 environment at once. ' +
        'Split it per workload (alias/api-staging, alias/monitoring-staging and alias/scheduler-staging) so that a failure, policy change or rotation touches one of them.',
    );
    expect(f.evidence).toMatchObject({
      exceeded: [
        { measure: 'services', value: 4, threshold: 3 },
        { measure: 'workloads', value: 3, threshold: 2 },
      ],
      dimension: 'service',
      groups: {
        logs: ['envs/staging:aws_cloudwatch_log_group.api'],
        secretsmanager: ['envs/staging:aws_secretsmanager_secret.token'],
        sns: ['envs/staging:aws_sns_topic.alerts'],
        sqs: ['envs/staging:aws_sqs_queue.jobs'],
      },
      workloads: {
        api: ['envs/staging:aws_cloudwatch_log_group.api', 'envs/staging:aws_secretsmanager_secret.token'],
        monitoring: ['envs/staging:aws_sns_topic.alerts'],
        scheduler: ['envs/staging:aws_sqs_queue.jobs'],
      },
      blastRadius: { consumers: 4, services: 4, workloads: 3, environments: 1 },
    });
    expect(f.evidence.breaksIfDisabled).toHaveLength(4);
  });

  it('honours configured thresholds and counts consumers strictly above them', async () => {
    const config = 'thresholds:\n  blastRadius:\n    consumers: 3\n    services: 10\n    workloads: 10\n';
    const [f] = await run(FOUR_SERVICES, config);
    expect(f.evidence.exceeded).toEqual([{ measure: 'consumers', value: 4, threshold: 3 }]);
    expect(f.message).toMatch(/^Key alias\/platform-staging exceeds the blast-radius thresholds: 4 consumers > 3\. /);
    expect(await run(FOUR_SERVICES, 'thresholds:\n  blastRadius:\n    consumers: 4\n    services: 4\n    workloads: 3\n')).toEqual([]);
  });

  it('suggests no names when workloads are unknown, and never a placeholder', async () => {
    const [f] = (await analyseFolder('fixtures/rules/KMS107/fires/cfn-many-services', { rules: [kms107] })).findings;
    expect(f.message).toContain('4 services > 3');
    expect(f.message).toContain('4 services > 3 (S3, Secrets Manager, SNS and SQS)');
    expect(f.message).toContain('Split it per service or data class so that');
    expect(f.message).not.toMatch(/<[a-z]+>/);
  });

  it('splits a one-workload key per service, services sorted', async () => {
    const one = FOUR_SERVICES.replace(/Application = "[a-z]+"/g, 'Application = "api"');
    const [f] = await run(one);
    expect(f.message).toContain('4 services > 3 (Logs, Secrets Manager, SNS and SQS)');
    expect(f.message).toContain(
      'Split it per service (alias/api-logs-staging, alias/api-secretsmanager-staging, alias/api-sns-staging, …) so that a failure, policy change or rotation touches one of them.',
    );
    expect(f.message).not.toMatch(/<[a-z]+>/);
  });

  it('stays quiet at the thresholds, for a small sandbox key and for AWS managed keys', async () => {
    for (const quiet of ['at-threshold', 'dev-sandbox-small', 'aws-managed-key']) {
      expect((await analyseFolder(`fixtures/rules/KMS107/quiet/${quiet}`, { rules: [kms107] })).findings, quiet).toEqual([]);
    }
  });
});
