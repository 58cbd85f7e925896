/** The known consumer modules: each yields the real resource types, so the consumer catalogue applies. */
import { describe, expect, it } from 'vitest';
import { CONSUMER_MODULES } from '../../../src/catalog/consumer-modules.js';
import { consumerSpecFor } from '../../../src/catalog/consumers.js';
import { aliasTypeSpecFor, GRANT_TYPE, keyTypeSpecFor } from '../../../src/catalog/keys.js';
import { moduleServiceGuess, REGISTRY_MODULES, registryModuleFor } from '../../../src/catalog/modules.js';
import type { Inventory } from '../../../src/inventory/types.js';
import { analyseFiles } from '../../harness.js';
import { parseRepo } from './helpers.js';

const KEY = 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n';
const call = (source: string, inputs: string) => `${KEY}module "m" {\n  source = "${source}"\n${inputs.replaceAll('KEY', 'aws_kms_key.k.arn')}\n}\n`;

async function inventoryOf(files: Record<string, string>): Promise<Inventory> {
  return (await analyseFiles(files, { rules: [] })).inventory;
}

/** [source, inputs (KEY = the key's ARN), consumers as resource address, attribute, service, replaced on key change]. */
const CASES: [string, string, [string, string, string, boolean][]][] = [
  [
    'terraform-aws-modules/s3-bucket/aws',
    'server_side_encryption_configuration = { rule = { apply_server_side_encryption_by_default = { sse_algorithm = "aws:kms", kms_master_key_id = KEY } } }',
    [['module.m.aws_s3_bucket_server_side_encryption_configuration.this[0]', 'rule.apply_server_side_encryption_by_default.kms_master_key_id', 's3', false]],
  ],
  [
    'terraform-aws-modules/rds/aws',
    'kms_key_id = KEY\nperformance_insights_enabled = true\nperformance_insights_kms_key_id = KEY\nmaster_user_secret_kms_key_id = KEY',
    [
      ['module.m.aws_db_instance.this[0]', 'kms_key_id', 'rds', true],
      ['module.m.aws_db_instance.this[0]', 'master_user_secret_kms_key_id', 'rds', false],
      ['module.m.aws_db_instance.this[0]', 'performance_insights_kms_key_id', 'rds', false],
    ],
  ],
  [
    'terraform-aws-modules/rds-aurora/aws',
    'kms_key_id = KEY\ninstances = { one = {} }\nperformance_insights_kms_key_id = KEY\ncreate_cloudwatch_log_group = true\nenabled_cloudwatch_logs_exports = ["postgresql"]\ncloudwatch_log_group_kms_key_id = KEY',
    [
      ['module.m.aws_cloudwatch_log_group.this["postgresql"]', 'kms_key_id', 'logs', false],
      ['module.m.aws_rds_cluster_instance.this["one"]', 'performance_insights_kms_key_id', 'rds', false],
      ['module.m.aws_rds_cluster.this[0]', 'kms_key_id', 'rds', true],
    ],
  ],
  [
    'terraform-aws-modules/dynamodb-table/aws',
    'server_side_encryption_enabled = true\nserver_side_encryption_kms_key_arn = KEY\nreplica_regions = [{ region_name = "eu-west-2", kms_key_arn = KEY }]',
    [
      ['module.m.aws_dynamodb_table.this[0]', 'replica.kms_key_arn', 'dynamodb', false],
      ['module.m.aws_dynamodb_table.this[0]', 'server_side_encryption.kms_key_arn', 'dynamodb', false],
    ],
  ],
  [
    'terraform-aws-modules/sqs/aws',
    'name = "q"\nkms_master_key_id = KEY\ncreate_dlq = true\ndlq_kms_master_key_id = KEY',
    [
      ['module.m.aws_sqs_queue.dlq[0]', 'kms_master_key_id', 'sqs', false],
      ['module.m.aws_sqs_queue.this[0]', 'kms_master_key_id', 'sqs', false],
    ],
  ],
  ['terraform-aws-modules/sns/aws', 'kms_master_key_id = KEY', [['module.m.aws_sns_topic.this[0]', 'kms_master_key_id', 'sns', false]]],
  [
    'terraform-aws-modules/lambda/aws',
    'function_name = "f"\nkms_key_arn = KEY\ncloudwatch_logs_kms_key_id = KEY',
    [
      ['module.m.aws_cloudwatch_log_group.lambda[0]', 'kms_key_id', 'logs', false],
      ['module.m.aws_lambda_function.this[0]', 'kms_key_arn', 'lambda', false],
    ],
  ],
  [
    'terraform-aws-modules/eks/aws',
    'cluster_name = "main"\ncreate_kms_key = false\ncluster_encryption_config = { resources = ["secrets"], provider_key_arn = KEY }\ncloudwatch_log_group_kms_key_id = KEY',
    [
      ['module.m.aws_cloudwatch_log_group.this[0]', 'kms_key_id', 'logs', false],
      ['module.m.aws_eks_cluster.this[0]', 'encryption_config.provider.key_arn', 'eks', true],
    ],
  ],
  [
    'terraform-aws-modules/cloudwatch/aws//modules/log-group',
    'name = "/app/api"\nkms_key_id = KEY',
    [['module.m.aws_cloudwatch_log_group.this[0]', 'kms_key_id', 'logs', false]],
  ],
  [
    'terraform-aws-modules/secrets-manager/aws',
    'name = "s"\nkms_key_id = KEY\nreplica = { "eu-west-2" = { kms_key_id = KEY } }',
    [
      ['module.m.aws_secretsmanager_secret.this[0]', 'kms_key_id', 'secretsmanager', false],
      ['module.m.aws_secretsmanager_secret.this[0]', 'replica.kms_key_id', 'secretsmanager', false],
    ],
  ],
  [
    'terraform-aws-modules/ec2-instance/aws',
    'root_block_device = [{ encrypted = true, kms_key_id = KEY }]\nebs_block_device = [{ device_name = "/dev/sdf", encrypted = true, kms_key_id = KEY }]',
    [
      ['module.m.aws_instance.this[0]', 'ebs_block_device.kms_key_id', 'ebs', true],
      ['module.m.aws_instance.this[0]', 'root_block_device.kms_key_id', 'ebs', true],
    ],
  ],
  [
    'cloudposse/s3-bucket/aws',
    'name = "b"\nsse_algorithm = "aws:kms"\nkms_master_key_arn = KEY',
    [['module.m.aws_s3_bucket_server_side_encryption_configuration.default[0]', 'rule.apply_server_side_encryption_by_default.kms_master_key_id', 's3', false]],
  ],
  ['cloudposse/rds/aws', 'name = "db"\nkms_key_arn = KEY', [['module.m.aws_db_instance.default[0]', 'kms_key_id', 'rds', true]]],
  [
    'cloudposse/rds-cluster/aws',
    'name = "db"\ncluster_size = 1\nkms_key_arn = KEY\nperformance_insights_enabled = true\nperformance_insights_kms_key_id = KEY',
    [
      ['module.m.aws_rds_cluster_instance.default[0]', 'performance_insights_kms_key_id', 'rds', false],
      ['module.m.aws_rds_cluster.primary[0]', 'kms_key_id', 'rds', true],
    ],
  ],
  [
    'cloudposse/dynamodb/aws',
    'name = "t"\nserver_side_encryption_kms_key_arn = KEY',
    [['module.m.aws_dynamodb_table.default[0]', 'server_side_encryption.kms_key_arn', 'dynamodb', false]],
  ],
  [
    'cloudposse/sns-topic/aws',
    'name = "t"\nkms_master_key_id = KEY\nsqs_dlq_enabled = true\nsqs_queue_kms_master_key_id = KEY',
    [
      ['module.m.aws_sns_topic.this[0]', 'kms_master_key_id', 'sns', false],
      ['module.m.aws_sqs_queue.dead_letter_queue[0]', 'kms_master_key_id', 'sqs', false],
    ],
  ],
  ['cloudposse/sqs-queue/aws', 'name = "q"\nkms_master_key_id = KEY', [['module.m.aws_sqs_queue.default[0]', 'kms_master_key_id', 'sqs', false]]],
  [
    'cloudposse/lambda-function/aws',
    'function_name = "f"\nkms_key_arn = KEY\ncloudwatch_logs_kms_key_arn = KEY',
    [
      ['module.m.aws_lambda_function.this[0]', 'kms_key_arn', 'lambda', false],
      ['module.m.module.cloudwatch_log_group.aws_cloudwatch_log_group.default[0]', 'kms_key_id', 'logs', false],
    ],
  ],
  ['cloudposse/cloudwatch-logs/aws', 'name = "app"\nkms_key_arn = KEY', [['module.m.aws_cloudwatch_log_group.default[0]', 'kms_key_id', 'logs', false]]],
  [
    'cloudposse/eks-cluster/aws',
    'name = "main"\ncluster_encryption_config_kms_key_id = KEY\nenabled_cluster_log_types = ["api"]\ncloudwatch_log_group_kms_key_id = KEY',
    [
      ['module.m.aws_cloudwatch_log_group.default[0]', 'kms_key_id', 'logs', false],
      ['module.m.aws_eks_cluster.default[0]', 'encryption_config.provider.key_arn', 'eks', true],
    ],
  ],
  ['cloudposse/efs/aws', 'name = "fs"\nkms_key_id = KEY', [['module.m.aws_efs_file_system.default[0]', 'kms_key_id', 'efs', true]]],
];

describe('known consumer modules', () => {
  it('every consumer module of the catalogue has a case here', () => {
    expect(CASES.map(([source]) => source).sort()).toEqual(CONSUMER_MODULES.map((m) => m.source).sort());
  });

  it.each(CASES)('%s yields its real resources as consumers', async (source, inputs, expected) => {
    const inventory = await inventoryOf({ 'main.tf': call(source, inputs) });
    const key = inventory.keys.find((k) => k.id === '.:aws_kms_key.k');
    expect(key?.consumers.map((c) => [c.resource.slice(2), c.attribute, c.service, c.replacementOnKeyChange])).toEqual(expected);
    expect(key?.consumers.filter((c) => c.kind === 'module')).toEqual([]);
    expect(inventory.unresolved).toEqual([]);
    expect(inventory.problems).toEqual([]);
  });

  it('the issue example: an s3-bucket module call yields the bucket and its SSE configuration, the reference at its own line, classified by the call tags', async () => {
    const inventory = await inventoryOf({
      'main.tf': `${KEY}module "bucket" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "orders-prod"
  server_side_encryption_configuration = {
    rule = {
      apply_server_side_encryption_by_default = {
        kms_master_key_id = aws_kms_key.k.arn
        sse_algorithm     = "aws:kms"
      }
    }
  }
  tags = { Environment = "prod", Application = "orders" }
}
`,
    });
    const [consumer, ...rest] = inventory.keys[0].consumers;
    expect(rest).toEqual([]);
    expect(consumer).toMatchObject({
      resource: '.:module.bucket.aws_s3_bucket_server_side_encryption_configuration.this[0]',
      type: 'aws_s3_bucket_server_side_encryption_configuration',
      location: { file: 'main.tf', startLine: 11, endLine: 11 },
      environment: { value: 'prod', from: 'tag', detail: 'tag Environment=prod on module.bucket.aws_s3_bucket.this[0]' },
      workload: { value: 'orders' },
    });
    expect(inventory.withoutCmk).toEqual([]);
  });

  it('with defaults: a database without a key is reported without a CMK; cloudposse topics use alias/aws/sns', async () => {
    const inventory = await inventoryOf({
      'main.tf': `module "db" {\n  source = "terraform-aws-modules/rds/aws"\n  identifier = "x"\n}\nmodule "t" {\n  source = "cloudposse/sns-topic/aws"\n  name = "t"\n}\n`,
    });
    expect(inventory.withoutCmk.map((w) => [w.resource, w.protection])).toEqual([['.:module.db.aws_db_instance.this[0]', 'aws-managed']]);
    expect(inventory.keys.map((k) => [k.id, k.manager, k.consumers.map((c) => c.resource)])).toEqual([
      ['alias/aws/sns', 'aws', ['.:module.t.aws_sns_topic.this[0]']],
    ]);
  });

  it('EKS modules create their own secrets key by default, consumed by the cluster and located at the call', async () => {
    const inventory = await inventoryOf({
      'main.tf':
        'module "eks" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "~> 20.0"\n  cluster_name = "main"\n}\nmodule "cp" {\n  source = "cloudposse/eks-cluster/aws"\n  name   = "main"\n}\n',
    });
    expect(inventory.keys.map((k) => [k.id, k.location?.startLine, k.aliases, k.consumers.map((c) => [c.resource, c.attribute])])).toEqual([
      ['.:module.cp.aws_kms_key.cluster[0]', 6, ['alias/main'], [['.:module.cp.aws_eks_cluster.default[0]', 'encryption_config.provider.key_arn']]],
      ['.:module.eks.module.kms.aws_kms_key.this[0]', 1, ['alias/eks/main'], [['.:module.eks.aws_eks_cluster.this[0]', 'encryption_config.provider.key_arn']]],
    ]);
  });

  it('a catalogue module nested in another one is named by its full address', () => {
    const out = parseRepo({ 'main.tf': 'module "eks" {\n  source = "terraform-aws-modules/eks/aws"\n  cluster_name = "main"\n}\n' });
    const key = out.resources.find((r) => r.type === 'aws_kms_key');
    expect(key?.displayName).toBe('module.eks.module.kms (terraform-aws-modules/kms/aws)');
    expect(key?.location).toEqual({ file: 'main.tf', startLine: 1, endLine: 4 });
  });
});

describe('the module catalogue', () => {
  it.each(REGISTRY_MODULES.map((m) => [m.source, m] as const))('%s parses cleanly and creates only catalogued types', (source, module) => {
    const out = parseRepo({ 'main.tf': `module "m" {\n  source = "${source}"\n}\n` });
    expect(out.problems).toEqual([]);
    const managed = out.resources.filter((r) => r.mode === 'managed' && r.type !== 'module');
    expect(managed.length).toBeGreaterThan(0);
    for (const r of managed) {
      const known = consumerSpecFor('terraform', r.type) ?? keyTypeSpecFor('terraform', r.type) ?? aliasTypeSpecFor('terraform', r.type);
      expect(known !== undefined || r.type === GRANT_TYPE.type, `${source} creates ${r.type}`).toBe(true);
    }
    expect(module.hcl).toMatch(/variable "tags"/);
  });

  it('matches registry, tfr:// and GitHub git sources with a ref; a submodule only with its subfolder', () => {
    const named = (source: string) => registryModuleFor(source)?.source;
    expect(named('terraform-aws-modules/s3-bucket/aws')).toBe('terraform-aws-modules/s3-bucket/aws');
    expect(named('tfr:///terraform-aws-modules/s3-bucket/aws?version=4.1.0')).toBe('terraform-aws-modules/s3-bucket/aws');
    expect(named('registry.terraform.io/terraform-aws-modules/rds/aws')).toBe('terraform-aws-modules/rds/aws');
    expect(named('git::https://github.com/terraform-aws-modules/terraform-aws-rds-aurora.git?ref=v9.0.0')).toBe('terraform-aws-modules/rds-aurora/aws');
    expect(named('git@github.com:cloudposse/terraform-aws-s3-bucket.git?ref=4.2.0')).toBe('cloudposse/s3-bucket/aws');
    expect(named('terraform-aws-modules/cloudwatch/aws//modules/log-group')).toBe('terraform-aws-modules/cloudwatch/aws//modules/log-group');
    expect(named('git::https://github.com/terraform-aws-modules/terraform-aws-cloudwatch.git//modules/log-group?ref=v5.0.0')).toBe(
      'terraform-aws-modules/cloudwatch/aws//modules/log-group',
    );
    // Near misses: another submodule, the parent, a submodule of a module we know, a fork, a look-alike name.
    expect(named('terraform-aws-modules/cloudwatch/aws//modules/metric-alarm')).toBeUndefined();
    expect(named('terraform-aws-modules/cloudwatch/aws')).toBeUndefined();
    expect(named('terraform-aws-modules/s3-bucket/aws//modules/notification')).toBeUndefined();
    expect(named('git::https://github.com/acme/terraform-aws-s3-bucket.git')).toBeUndefined();
    expect(named('terraform-aws-modules/s3-bucket-extra/aws')).toBeUndefined();
  });

  it('guesses the service of a module it cannot read from its name, or says nothing', () => {
    expect(moduleServiceGuess('app.terraform.io/acme/bucket/aws')).toBe('s3');
    expect(moduleServiceGuess('git::https://git.example.com/x/terraform-aws-orders-db.git?ref=s3')).toBe('rds');
    expect(moduleServiceGuess('acme/queue/aws')).toBeUndefined();
    expect(moduleServiceGuess('git::https://bitbucket.org/acme/network.git')).toBeUndefined();
  });
});
