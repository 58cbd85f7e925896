import { describe, expect, it } from 'vitest';
import { kms101 } from '../../src/rules/kms101-mixed-data-classes.js';
import { analyseFiles, analyseFolder } from '../harness.js';

const KEY = `
resource "aws_kms_key" "orders" {
  description         = "orders data"
  enable_key_rotation = true
}

resource "aws_kms_alias" "orders" {
  name          = "alias/orders-prod"
  target_key_id = aws_kms_key.orders.key_id
}
`;

function queue(name: string, tags: string): string {
  return `
resource "aws_sqs_queue" "${name}" {
  name              = "${name}"
  kms_master_key_id = aws_kms_key.orders.arn
  tags              = { ${tags} }
}
`;
}

const active = async (files: Record<string, string>, config?: string) =>
  (await analyseFiles(files, { rules: [kms101], ...(config ? { config } : {}) })).findings.filter((f) => !f.suppressed);

describe('KMS101 mixed-data-classes', () => {
  it('names the key, each data class with its consumers and provenance, and the split (the blast radius only in evidence)', async () => {
    const findings = await active({
      'envs/prod/kms.tf': KEY,
      'envs/prod/main.tf': queue('signups', 'DataClass = "pii"') + queue('metrics', 'DataClass = "internal"') + queue('retries', 'Application = "orders"'),
    });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      rule: 'KMS101',
      severity: 'high',
      key: 'envs/prod:aws_kms_key.orders',
      subjects: ['envs/prod:aws_sqs_queue.metrics', 'envs/prod:aws_sqs_queue.retries', 'envs/prod:aws_sqs_queue.signups'],
      location: { file: 'envs/prod/kms.tf', startLine: 2, endLine: 5 },
    });
    expect(f.message).toBe(
      'Key alias/orders-prod protects data of 2 data classes: ' +
        'internal — aws_sqs_queue.metrics (tag DataClass on aws_sqs_queue.metrics); pii — aws_sqs_queue.signups (tag DataClass on aws_sqs_queue.signups) ' +
        '(1 more with no known data class). ' +
        'Use one key per data class (alias/orders-internal-prod and alias/orders-pii-prod) and move each consumer to the key of its class.',
    );
    expect(f.evidence).toEqual({
      dimension: 'dataClass',
      groups: { internal: ['envs/prod:aws_sqs_queue.metrics'], pii: ['envs/prod:aws_sqs_queue.signups'] },
      provenance: { internal: ['tag DataClass on aws_sqs_queue.metrics'], pii: ['tag DataClass on aws_sqs_queue.signups'] },
      unknown: { consumers: ['envs/prod:aws_sqs_queue.retries'], note: '1 consumer has no known data class' },
      blastRadius: { consumers: 3, services: 1, workloads: 1, environments: 1, dataClasses: 2, unknown: { workloads: 2, environments: 0, dataClasses: 1 } },
    });
  });

  it('keeps the tag value in the provenance when it was spelled differently', async () => {
    const [f] = await active({
      'envs/prod/main.tf': KEY + queue('a', 'DataClass = "PII"') + queue('b', 'DataClass = "pii"') + queue('c', 'Classification = "public"'),
    });
    // "PII" and "pii" are one class; the group keeps the first spelling met.
    expect(f.evidence.groups).toEqual({ PII: ['envs/prod:aws_sqs_queue.a', 'envs/prod:aws_sqs_queue.b'], public: ['envs/prod:aws_sqs_queue.c'] });
    expect(f.evidence.provenance).toEqual({
      PII: ['tag DataClass on aws_sqs_queue.a', 'tag DataClass on aws_sqs_queue.b'],
      public: ['tag Classification on aws_sqs_queue.c'],
    });
  });

  it('reads data classes from config path mappings and says so', async () => {
    const [f] = await active(
      { 'services/ledger/main.tf': KEY + queue('entries', 'Application = "ledger"'), 'services/ledger/exports.tf': queue('exports', 'DataClass = "internal"') },
      'workloads:\n  - name: ledger\n    paths: ["services/ledger/main.tf"]\n    dataClass: financial\n',
    );
    expect(f.evidence.provenance).toEqual({
      financial: ['config workload "ledger" matches services/ledger/main.tf'],
      internal: ['tag DataClass on aws_sqs_queue.exports'],
    });
  });

  it('stays quiet for one data class across several services, unknown classes and AWS managed keys', async () => {
    expect(await active({ 'envs/prod/main.tf': KEY + queue('a', 'DataClass = "pii"') + queue('b', 'Application = "orders"') })).toEqual([]);
    expect(
      await active({
        'main.tf': `
resource "aws_sqs_queue" "a" {
  kms_master_key_id = "alias/aws/sqs"
  tags              = { DataClass = "pii" }
}
resource "aws_sqs_queue" "b" {
  kms_master_key_id = "alias/aws/sqs"
  tags              = { DataClass = "public" }
}
`,
      }),
    ).toEqual([]);
    expect((await analyseFolder('fixtures/rules/KMS101/quiet/one-class-several-services', { rules: [kms101] })).findings).toEqual([]);
  });

  it('points at the first key reference for a key only referenced by ARN', async () => {
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const [f] = await active({
      'app/main.tf': `
resource "aws_sqs_queue" "a" {
  kms_master_key_id = "${arn}"
  tags              = { DataClass = "pii" }
}
resource "aws_sqs_queue" "b" {
  kms_master_key_id = "${arn}"
  tags              = { DataClass = "public" }
}
`,
    });
    expect(f.key).toBe(arn);
    expect(f.location).toEqual({ file: 'app/main.tf', startLine: 3, endLine: 3 });
    expect(f.message).toMatch(new RegExp(`^Key ${arn} protects data of 2 data classes: `));
    // Workload and environment unknown: the suggested names leave them out, never `<workload>`.
    expect(f.message).toContain('Use one key per data class (alias/pii and alias/public)');
    expect(f.message).not.toMatch(/<[a-z]+>|Blast radius/);
  });

  it('is suppressed inline with a reason on the key, and by config ignores', async () => {
    const files = {
      'envs/prod/main.tf': `# kms-review:ignore KMS101 reason="split tracked in SEC-12"${KEY}${queue('a', 'DataClass = "pii"')}${queue('b', 'DataClass = "public"')}`,
    };
    const inline = (await analyseFiles(files, { rules: [kms101] })).findings;
    expect(inline.map((f) => f.suppressed?.reason)).toEqual(['split tracked in SEC-12']);
    const config = 'ignores:\n  - rule: KMS101\n    key: alias/orders-prod\n    reason: accepted until the split\n';
    const ignored = (
      await analyseFiles({ 'envs/prod/main.tf': KEY + queue('a', 'DataClass = "pii"') + queue('b', 'DataClass = "public"') }, { rules: [kms101], config })
    ).findings;
    expect(ignored.map((f) => f.suppressed?.by)).toEqual(['config']);
  });
});
