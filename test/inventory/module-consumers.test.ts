/** Calls to modules the tool cannot read are opaque consumers of every key they pass, at any depth. */
import { describe, expect, it } from 'vitest';
import type { Key } from '../../src/inventory/types.js';
import { analysisJson } from '../../src/report/json.js';
import { kms102 } from '../../src/rules/kms102-shared-across-workloads.js';
import { kms103 } from '../../src/rules/kms103-shared-across-environments.js';
import { kms107 } from '../../src/rules/kms107-blast-radius-threshold.js';
import { analyseFiles } from '../harness.js';

const KEY = `resource "aws_kms_key" "orders" {
  enable_key_rotation = true
}

resource "aws_kms_alias" "orders" {
  name          = "alias/orders-prod"
  target_key_id = aws_kms_key.orders.key_id
}
`;

/** A bucket module read from a private registry: nothing about it is known. */
const bucketCall = (name: string, tags: string, keyExpr = 'aws_kms_key.orders.arn') => `
module "${name}" {
  source  = "app.terraform.io/acme/bucket/aws"
  version = "4.1.0"
  bucket  = "${name}"
  server_side_encryption_configuration = {
    rule = {
      apply_server_side_encryption_by_default = {
        kms_master_key_id = ${keyExpr}
        sse_algorithm     = "aws:kms"
      }
    }
  }
  tags = { ${tags} }
}
`;

function keyOf(keys: Key[], id: string): Key {
  const key = keys.find((k) => k.id === id);
  if (!key) throw new Error(`no key ${id} among ${keys.map((k) => k.id).join(', ')}`);
  return key;
}

describe('opaque module consumers', () => {
  it('a nested key argument of a registry module makes the call a consumer: path, source, version, line, tags', async () => {
    const { inventory } = await analyseFiles({ 'main.tf': KEY + bucketCall('exports', 'Environment = "prod", Workload = "exports"') }, { rules: [] });
    const key = keyOf(inventory.keys, '.:aws_kms_key.orders');
    expect(key.consumers).toEqual([
      expect.objectContaining({
        resource: '.:module.exports',
        kind: 'module',
        type: 'module',
        service: 's3',
        attribute: 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id',
        module: { source: 'app.terraform.io/acme/bucket/aws', version: '4.1.0' },
        location: { file: 'main.tf', startLine: 17, endLine: 17 },
        via: 'aws_kms_key.orders.arn',
        environment: expect.objectContaining({ value: 'prod', from: 'tag' }),
        workload: expect.objectContaining({ value: 'exports', from: 'tag' }),
      }),
    ]);
    expect(key.blastRadius.consumers).toBe(1);
    expect(key.blastRadius.breaksIfDisabled).toEqual([
      's3 module input server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id: .:module.exports (app.terraform.io/acme/bucket/aws 4.1.0, not read; prod/exports) at main.tf:17',
    ]);
    expect(inventory.unresolved).toEqual([]);
  });

  it('finds key references in lists, both branches of a choice, and arguments with any name; a git module without version', async () => {
    const { inventory } = await analyseFiles(
      {
        'main.tf': `${KEY}
variable "encrypt" { default = true }
module "cluster" {
  source = "git::https://git.example.com/platform/cluster.git?ref=v2"
  cluster_encryption_config = [{
    provider_key_arn = var.encrypt ? aws_kms_key.orders.arn : null
    resources        = ["secrets"]
  }]
  volumes = [{ device = "/dev/xvdb", key = "alias/orders-prod" }]
}
`,
      },
      { rules: [] },
    );
    const consumers = keyOf(inventory.keys, '.:aws_kms_key.orders').consumers;
    expect(consumers.map((c) => [c.resource, c.attribute, c.service, c.module, c.location.startLine])).toEqual([
      ['.:module.cluster', 'cluster_encryption_config.provider_key_arn', 'module', { source: 'git::https://git.example.com/platform/cluster.git?ref=v2' }, 14],
      ['.:module.cluster', 'volumes.key', 'module', { source: 'git::https://git.example.com/platform/cluster.git?ref=v2' }, 17],
    ]);
    expect(consumers[1].via).toBe('alias alias/orders-prod (aws_kms_alias.orders) → aws_kms_key.orders.key_id');
    // The resource counts once however many of its arguments name the key.
    expect(keyOf(inventory.keys, '.:aws_kms_key.orders').blastRadius.consumers).toBe(1);
  });

  it('a missing local module is opaque too', async () => {
    const { inventory } = await analyseFiles(
      { 'main.tf': `${KEY}module "db" {\n  source = "./modules/db"\n  storage = { kms_key_id = aws_kms_key.orders.arn }\n}\n` },
      { rules: [] },
    );
    expect(keyOf(inventory.keys, '.:aws_kms_key.orders').consumers.map((c) => [c.resource, c.attribute, c.service, c.module])).toEqual([
      ['.:module.db', 'storage.kms_key_id', 'rds', { source: './modules/db' }],
    ]);
    expect(inventory.problems.map((p) => p.message)).toEqual(['module source ./modules/db (modules/db) has no Terraform files in the scanned tree']);
  });

  it('a key-named argument that cannot be followed is unresolved with its reason, never dropped', async () => {
    const { inventory } = await analyseFiles(
      {
        'main.tf': `variable "key_arn" {}
module "queue" {
  source = "acme/queue/aws"
  settings = {
    kms_master_key_id = var.key_arn
    dlq = { kms_master_key_id = "orders-key" }
  }
}
`,
      },
      { rules: [] },
    );
    expect(inventory.keys).toEqual([]);
    expect(inventory.unresolved).toEqual([
      expect.objectContaining({ resource: '.:module.queue', attribute: 'settings.kms_master_key_id', location: { file: 'main.tf', startLine: 5, endLine: 5 } }),
      {
        resource: '.:module.queue',
        type: 'module',
        attribute: 'settings.dlq.kms_master_key_id',
        location: { file: 'main.tf', startLine: 6, endLine: 6 },
        expr: 'orders-key',
        reason: '"orders-key" is not a KMS key ARN, alias or key id',
      },
    ]);
    expect(inventory.unresolved[0].reason).toMatch(/var\.key_arn|key_arn/);
  });

  it('stays quiet for empty, null and false key arguments, for text that only names a key, and for non-key references', async () => {
    const { inventory } = await analyseFiles(
      {
        'main.tf': `${KEY}
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
module "quiet" {
  source            = "acme/bucket/aws"
  kms_master_key_id = ""
  kms_key_arn       = null
  sse = { kms_key_id = false, kms_key = null }
  description       = "objects are encrypted with aws_kms_key.orders (alias/orders-prod)"
  note              = "encrypted with \${aws_kms_key.orders.arn}"
  name              = "alias/orders-prod"
  logging           = { target_bucket = aws_s3_bucket.logs.id }
  tags              = { KeyArn = aws_kms_key.orders.arn }
  create_kms_key    = true
  kms_key_deletion_window_in_days = 7
}
`,
      },
      { rules: [] },
    );
    expect(keyOf(inventory.keys, '.:aws_kms_key.orders').consumers).toEqual([]);
    expect(inventory.unresolved).toEqual([]);
  });

  it('counts in KMS102 and KMS103 when one key is shared by module calls of two workloads and environments; the message names the module', async () => {
    const files = {
      'main.tf': KEY + bucketCall('exports', 'Environment = "prod", Workload = "exports"') + bucketCall('reports', 'Environment = "dev", Workload = "reports"'),
    };
    const findings = (await analyseFiles(files, { rules: [kms102, kms103] })).findings.sort((a, b) => a.rule.localeCompare(b.rule));
    expect(findings.map((f) => [f.rule, f.severity, f.subjects])).toEqual([
      ['KMS102', 'high', ['.:module.exports', '.:module.reports']],
      ['KMS103', 'critical', ['.:module.exports', '.:module.reports']],
    ]);
    expect(findings[0].message).toContain('exports — module.exports (app.terraform.io/acme/bucket/aws 4.1.0, not read)');
    expect(findings[1].message).toContain('module.reports (app.terraform.io/acme/bucket/aws 4.1.0, not read; main.tf:');
  });

  it('counts in the blast radius threshold (KMS107)', async () => {
    const calls = ['a', 'b', 'c'].map((n) => bucketCall(n, 'Environment = "prod"')).join('');
    const { findings } = await analyseFiles({ 'main.tf': KEY + calls }, { rules: [kms107], config: 'thresholds:\n  blastRadius:\n    consumers: 2\n' });
    expect(findings.map((f) => [f.rule, f.subjects])).toEqual([['KMS107', ['.:module.a', '.:module.b', '.:module.c']]]);
  });

  it('the JSON report shows the module consumer as not read', async () => {
    const analysis = await analyseFiles({ 'main.tf': KEY + bucketCall('exports', 'Environment = "prod"') }, { rules: [] });
    const json = analysisJson(analysis.inventory, analysis.findings) as unknown as { keys: { consumers: Record<string, unknown>[] }[] };
    expect(json.keys[0].consumers[0]).toMatchObject({
      resource: '.:module.exports',
      kind: 'module',
      module: { source: 'app.terraform.io/acme/bucket/aws', version: '4.1.0' },
    });
  });
});

describe('key attributes the consumer catalogue does not list', () => {
  it('make a resource of an unknown type, or an unlisted attribute of a known type, a consumer; never dropped', async () => {
    const { inventory } = await analyseFiles(
      {
        'main.tf': `${KEY}
resource "aws_futureservice_vault" "v" {
  name = "v"
  encryption = { kms_key_arn = aws_kms_key.orders.arn }
}
resource "aws_sqs_queue" "q" {
  name                  = "q"
  kms_master_key_id     = aws_kms_key.orders.arn
  replica_kms_key_id    = "alias/orders-prod"
  kms_key_rotation_days = 90
}
`,
        'stack.yaml': `Resources:
  Ledger:
    Type: AWS::FutureService::Ledger
    Properties:
      KmsKeyIdentifier: alias/orders-prod
      Settings:
        SSEKMSKeyId: arn:aws:kms:eu-west-1:111122223333:alias/orders-prod
`,
      },
      { rules: [] },
    );
    const consumers = keyOf(inventory.keys, '.:aws_kms_key.orders').consumers;
    expect(consumers.map((c) => [c.resource, c.attribute, c.service, c.purpose])).toEqual([
      ['.:aws_futureservice_vault.v', 'encryption.kms_key_arn', 'module', 'encryption.kms_key_arn (not in the catalogue)'],
      ['.:aws_sqs_queue.q', 'kms_master_key_id', 'sqs', 'messages'],
      ['.:aws_sqs_queue.q', 'replica_kms_key_id', 'sqs', 'replica_kms_key_id (not in the catalogue)'],
      // `KmsKeyIdentifier` is not a key-reference name; `SSEKMSKeyId` is (the alias is declared once, in main.tf).
      ['stack.yaml:Ledger', 'Settings.SSEKMSKeyId', 'module', 'Settings.SSEKMSKeyId (not in the catalogue)'],
    ]);
    expect(consumers[0].location).toEqual({ file: 'main.tf', startLine: 12, endLine: 12 });
    expect(inventory.unresolved).toEqual([]);
  });
});
