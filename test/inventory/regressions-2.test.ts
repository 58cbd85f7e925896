/** Regressions of the inventory: companions tied by name, "" as not set, replicas, choices of values, templatefile() policies. */
import { describe, expect, it } from 'vitest';
import type { Inventory, Key } from '../../src/inventory/types.js';
import { analyseFiles, analyseFolder } from '../harness.js';

function key(inventory: Inventory, id: string): Key {
  const found = inventory.keys.find((k) => k.id === id);
  if (!found) throw new Error(`no key ${id}; have ${inventory.keys.map((k) => k.id).join(', ')}`);
  return found;
}

const PLAN = 'plans/prod.tfplan.json';

describe('plan-json: the SSE configuration names its bucket by a literal', () => {
  it.each(['before', 'after'])('%s: ties it to the bucket (no false "without CMK"), classifies it by the bucket, and ignores "" keys', async (side) => {
    const { inventory } = await analyseFolder(`fixtures/scenarios/plan-json/${side}`, { rules: [] });
    expect(inventory.withoutCmk).toEqual([]);
    expect(inventory.unresolved).toEqual([]);
    const sse = inventory.keys.flatMap((k) => k.consumers).find((c) => c.resource === `${PLAN}:aws_s3_bucket_server_side_encryption_configuration.exports`);
    expect(sse?.environment).toMatchObject({ value: 'prod', from: 'default-tags' });
    expect(sse?.workload).toEqual({ value: 'reporting', from: 'tag', detail: 'tag Application=reporting on aws_s3_bucket.exports' });
    expect(sse?.dataClass).toEqual({ value: 'internal', from: 'tag', detail: 'tag DataClass=internal on aws_s3_bucket.exports' });
  });
});

const KEY = 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n';
const sse = (name: string, bucket: string) =>
  `resource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {\n  bucket = ${bucket}\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n  }\n}\n`;
const bucket = (name: string, bucketName: string, dataClass: string) =>
  `resource "aws_s3_bucket" "${name}" {\n  bucket = "${bucketName}"\n  tags = { DataClass = "${dataClass}" }\n}\n`;

describe('encryption companions', () => {
  it('match the bucket by its name when they do not reference it, in the same unit only and when one bucket has that name', async () => {
    const { inventory } = await analyseFiles(
      {
        'app/main.tf': KEY + bucket('exports', 'acme-exports', 'internal') + sse('exports', '"acme-exports"'),
        // Same name twice: no way to tell which one, so none is assumed configured.
        'dup/main.tf': bucket('a', 'acme-dup', 'pci') + bucket('b', 'acme-dup', 'pci') + sse('dup', '"acme-dup"').replace('aws_kms_key.data.arn', '"alias/x"'),
        // The bucket with that name lives in another root: no match.
        'other/main.tf': bucket('exports', 'acme-other', 'pci'),
        'third/main.tf': sse('elsewhere', '"acme-other"').replace('aws_kms_key.data.arn', '"alias/x"'),
      },
      { rules: [] },
    );
    expect(inventory.withoutCmk.map((w) => w.resource).sort()).toEqual(['dup:aws_s3_bucket.a', 'dup:aws_s3_bucket.b', 'other:aws_s3_bucket.exports']);
    const [consumer] = key(inventory, 'app:aws_kms_key.data').consumers;
    expect(consumer.dataClass).toEqual({ value: 'internal', from: 'tag', detail: 'tag DataClass=internal on aws_s3_bucket.exports' });
  });

  it('still follow a reference to the bucket', async () => {
    const { inventory } = await analyseFiles({ 'main.tf': KEY + bucket('b', 'acme-b', 'internal') + sse('b', 'aws_s3_bucket.b.id') }, { rules: [] });
    expect(inventory.withoutCmk).toEqual([]);
    expect(key(inventory, '.:aws_kms_key.data').consumers[0].dataClass?.value).toBe('internal');
  });
});

describe('an empty key reference is "not set"', () => {
  it('is neither a consumer nor unresolved, and counts as absent for "without CMK"', async () => {
    const { inventory } = await analyseFiles(
      {
        'main.tf':
          'resource "aws_s3_object" "o" {\n  bucket     = "b"\n  key        = "k"\n  server_side_encryption = "aws:kms"\n  kms_key_id = ""\n}\n' +
          'resource "aws_db_instance" "db" {\n  storage_encrypted               = true\n  kms_key_id                      = "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"\n  performance_insights_kms_key_id = ""\n}\n',
      },
      { rules: [] },
    );
    expect(inventory.unresolved).toEqual([]);
    // SSE-KMS with no key: the AWS managed aws/s3 key.
    expect(inventory.withoutCmk.map((w) => [w.resource, w.protection])).toEqual([['.:aws_s3_object.o', 'aws-managed']]);
    expect(inventory.keys.flatMap((k) => k.consumers.map((c) => c.attribute))).toEqual(['kms_key_id']);
  });
});

describe('replica keys', () => {
  const primary =
    'resource "aws_kms_key" "primary" {\n  multi_region        = true\n  key_usage           = "SIGN_VERIFY"\n  customer_master_key_spec = "ECC_NIST_P256"\n  enable_key_rotation = false\n}\n';
  it('take spec, usage, origin and rotation from a primary declared here', async () => {
    const { inventory } = await analyseFiles(
      { 'main.tf': `${primary}resource "aws_kms_replica_key" "west" {\n  primary_key_arn = aws_kms_key.primary.arn\n}\n` },
      { rules: [] },
    );
    const replica = key(inventory, '.:aws_kms_replica_key.west');
    expect(replica.primary).toBe('.:aws_kms_key.primary');
    expect([replica.spec, replica.usage, replica.origin, replica.rotation.enabled]).toEqual(['ECC_NIST_P256', 'SIGN_VERIFY', 'AWS_KMS', false]);
  });

  it('say why spec, usage, origin and rotation are unknown when the primary is not declared here', async () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    const { inventory } = await analyseFiles({ 'main.tf': `resource "aws_kms_replica_key" "west" {\n  primary_key_arn = "${arn}"\n}\n` }, { rules: [] });
    const replica = key(inventory, '.:aws_kms_replica_key.west');
    expect(replica.primary).toBe(arn);
    expect(replica.origin).toEqual({ $kind: 'unknown', expr: 'primary key', reason: 'a replica has the origin of its primary key' });
    expect(replica.spec).toMatchObject({ reason: 'a replica has the spec of its primary key' });
    expect(replica.usage).toMatchObject({ reason: 'a replica has the usage of its primary key' });
    expect(replica.rotation.enabled).toMatchObject({ reason: 'a replica rotates with its primary key' });
  });

  it('keep what their own type fixes: an external replica is EXTERNAL', async () => {
    const { inventory } = await analyseFiles(
      {
        'main.tf':
          'resource "aws_kms_replica_external_key" "copy" {\n  primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"\n}\n',
      },
      { rules: [] },
    );
    expect(key(inventory, '.:aws_kms_replica_external_key.copy').origin).toBe('EXTERNAL');
  });
});

describe('fields that are one of several known values', () => {
  it('cfn-import-value: the deletion window is a choice between 30 and 7 by IsProd', async () => {
    const { inventory } = await analyseFolder('fixtures/scenarios/cfn-import-value/after', { rules: [] });
    expect(key(inventory, 'stacks/keys.yaml:DataKey').deletionWindowDays).toEqual({ $kind: 'oneOf', options: [30, 7], reason: 'Fn::If IsProd' });
  });

  it('an absent option is the default; a choice that is not all known stays Unknown', async () => {
    const { inventory } = await analyseFiles(
      {
        'template.yaml':
          'Parameters:\n  Days:\n    Type: Number\nConditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111122223333"]\nResources:\n' +
          '  A:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: !If [IsProd, 7, !Ref AWS::NoValue]\n' +
          '  B:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: !If [IsProd, 7, !Ref Days]\n',
      },
      { rules: [] },
    );
    expect(key(inventory, 'template.yaml:A').deletionWindowDays).toEqual({ $kind: 'oneOf', options: [7, 30], reason: 'Fn::If IsProd' });
    expect(key(inventory, 'template.yaml:B').deletionWindowDays).toMatchObject({ $kind: 'unknown' });
  });
});

describe('policy-files: a key policy rendered by templatefile() with a reference in its variables', () => {
  it.each([
    ['after', ['EnableRootAccountPermissions', 'IngestServiceUse', 'OrgAnalyticsReadOnly']],
    ['before', ['EnableRootAccountPermissions', 'IngestServiceUse']],
  ])('%s: has its statements, and the principal of IngestServiceUse is the role', async (side, sids) => {
    const { inventory } = await analyseFolder(`fixtures/scenarios/policy-files/${side}`, { rules: [] });
    const document = key(inventory, '.:aws_kms_key.app').policy?.document;
    expect(document?.unknown).toBeUndefined();
    expect(document?.statements.map((s) => s.sid)).toEqual(sids);
    const use = document?.statements.find((s) => s.sid === 'IngestServiceUse');
    expect(use?.principal).toEqual({ AWS: [{ $kind: 'ref', unit: '.', address: 'aws_iam_role.app', attr: 'arn' }] });
  });
});
