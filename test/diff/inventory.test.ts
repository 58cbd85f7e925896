/** diffInventories on small in-memory trees: key identity (`moved {}`), aliases, consumers, access, gains. */
import { describe, expect, it } from 'vitest';
import { diffInventories } from '../../src/diff/inventory.js';
import type { KeyDiff } from '../../src/diff/types.js';
import { analyseFiles } from '../harness.js';

const noRules = { rules: [] };

async function diff(before: Record<string, string>, after: Record<string, string>) {
  const [base, head] = await Promise.all([analyseFiles(before, noRules), analyseFiles(after, noRules)]);
  return diffInventories(base, head);
}

const byKey = (keys: KeyDiff[], id: string) => {
  const found = keys.find((k) => k.key === id);
  if (!found) throw new Error(`no key diff for ${id}: ${keys.map((k) => k.key).join(', ')}`);
  return found;
};

const KEY = (name: string, extra = '') => `resource "aws_kms_key" "${name}" {
  description         = "data"
  enable_key_rotation = true
${extra}}
`;

const QUEUE = (name: string, key: string) => `resource "aws_sqs_queue" "${name}" {
  name              = "${name}"
  kms_master_key_id = aws_kms_key.${key}.arn
  tags = { Environment = "prod", Application = "${name}", DataClass = "internal" }
}
`;

describe('key identity', () => {
  it('an unchanged tree has only unchanged keys', async () => {
    const files = { 'main.tf': KEY('a') + QUEUE('orders', 'a') };
    const d = await diff(files, files);
    expect(d.keys.map((k) => [k.key, k.change])).toEqual([['.:aws_kms_key.a', 'unchanged']]);
    expect(d.aliasesRetargeted).toEqual([]);
    expect(d.renamedKeys).toBeUndefined();
  });

  it('a resource renamed with a moved {} block is the same key, changed — not removed and added', async () => {
    const before = { 'main.tf': KEY('old', '  deletion_window_in_days = 30\n') + QUEUE('orders', 'old') };
    const after = {
      'main.tf': `${KEY('data', '  deletion_window_in_days = 14\n')}${QUEUE('orders', 'data')}
moved {
  from = aws_kms_key.old
  to   = aws_kms_key.data
}
`,
    };
    const d = await diff(before, after);
    expect(d.keys.map((k) => [k.key, k.change])).toEqual([['.:aws_kms_key.data', 'changed']]);
    const k = byKey(d.keys, '.:aws_kms_key.data');
    expect(k.baseKey).toBe('.:aws_kms_key.old');
    expect(d.renamedKeys).toEqual({ '.:aws_kms_key.old': '.:aws_kms_key.data' });
    // The consumer stayed on the (renamed) key: no consumer change.
    expect(k.consumers).toEqual([]);
    expect(k.attributes).toEqual([
      {
        field: 'deletionWindowDays',
        before: 30,
        after: 14,
        baseLocation: { file: 'main.tf', startLine: 4, endLine: 4 },
        headLocation: { file: 'main.tf', startLine: 4, endLine: 4 },
      },
    ]);
  });

  it('without a moved {} block a rename is a removed key and an added one, and the consumer moves', async () => {
    const d = await diff({ 'main.tf': KEY('old') + QUEUE('orders', 'old') }, { 'main.tf': KEY('data') + QUEUE('orders', 'data') });
    expect(d.keys.map((k) => [k.key, k.change])).toEqual([
      ['.:aws_kms_key.data', 'added'],
      ['.:aws_kms_key.old', 'removed'],
    ]);
  });

  it('a module moved with moved {} renames the keys declared in it', async () => {
    const module = { 'modules/kms/main.tf': `${KEY('this')}output "arn" { value = aws_kms_key.this.arn }\n` };
    const before = { ...module, 'main.tf': 'module "kms" {\n  source = "./modules/kms"\n}\n' };
    const after = { ...module, 'main.tf': 'module "keys" {\n  source = "./modules/kms"\n}\n\nmoved {\n  from = module.kms\n  to   = module.keys\n}\n' };
    const d = await diff(before, after);
    expect(d.keys.map((k) => [k.key, k.baseKey, k.change])).toEqual([['.:module.keys.aws_kms_key.this', '.:module.kms.aws_kms_key.this', 'changed']]);
  });
});

describe('aliases', () => {
  it('an alias retargeted to another key', async () => {
    const alias = (key: string) => `resource "aws_kms_alias" "app" {
  name          = "alias/app-prod"
  target_key_id = aws_kms_key.${key}.key_id
}
`;
    const d = await diff({ 'main.tf': KEY('a') + KEY('b') + alias('a') }, { 'main.tf': KEY('a') + KEY('b') + alias('b') });
    expect(d.aliasesRetargeted).toEqual([
      { alias: 'alias/app-prod', fromKey: '.:aws_kms_key.a', toKey: '.:aws_kms_key.b', location: { file: 'main.tf', startLine: 9, endLine: 12 } },
    ]);
    expect(byKey(d.keys, '.:aws_kms_key.a').aliases).toEqual({ added: [], removed: ['alias/app-prod'] });
    expect(byKey(d.keys, '.:aws_kms_key.b').aliases).toEqual({ added: ['alias/app-prod'], removed: [] });
  });
});

describe('consumers', () => {
  it('a consumer moved to another key, on both keys, with both locations and whether it is replaced', async () => {
    const db = (key: string) => `resource "aws_db_instance" "main" {
  identifier        = "main"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.${key}.arn
  tags = { Environment = "prod", Application = "billing", DataClass = "pii" }
}
`;
    const d = await diff({ 'main.tf': KEY('a') + KEY('b') + db('a') }, { 'main.tf': KEY('a') + KEY('b') + db('b') });
    const moved = {
      resource: '.:aws_db_instance.main',
      attribute: 'kms_key_id',
      change: 'moved',
      fromKey: '.:aws_kms_key.a',
      toKey: '.:aws_kms_key.b',
      location: { file: 'main.tf', startLine: 12, endLine: 12 },
      baseLocation: { file: 'main.tf', startLine: 12, endLine: 12 },
      replacementOnKeyChange: true,
      service: 'rds',
    };
    const a = byKey(d.keys, '.:aws_kms_key.a');
    const b = byKey(d.keys, '.:aws_kms_key.b');
    expect(a.consumers).toEqual([moved]);
    expect(b.consumers).toEqual([moved]);
    expect([a.change, b.change]).toEqual(['changed', 'changed']);
    expect(a.blastRadius.before?.consumers).toBe(1);
    expect(a.blastRadius.after?.consumers).toBe(0);
    // b newly reaches the billing workload, pii data and rds; a gains nothing.
    expect(b.gained).toEqual({ environments: ['prod'], workloads: ['billing'], dataClasses: ['pii'], services: ['rds'] });
    expect(a.gained).toEqual({ environments: [], workloads: [], dataClasses: [], services: [] });
  });

  it('consumers added and removed; a line shift alone is no change', async () => {
    const d = await diff(
      { 'main.tf': KEY('a') + QUEUE('orders', 'a') + QUEUE('old', 'a') },
      { 'main.tf': `# moved down\n\n${KEY('a')}${QUEUE('orders', 'a')}${QUEUE('billing', 'a')}` },
    );
    const a = byKey(d.keys, '.:aws_kms_key.a');
    expect(a.consumers.map((c) => [c.change, c.resource, c.location?.startLine])).toEqual([
      ['removed', '.:aws_sqs_queue.old', 12],
      ['added', '.:aws_sqs_queue.billing', 14],
    ]);
    expect(a.gained.workloads).toEqual(['billing']);
    expect(a.attributes).toEqual([]);
  });

  it('an added key gains nothing (growth is about existing keys)', async () => {
    const d = await diff({ 'main.tf': KEY('a') }, { 'main.tf': KEY('a') + KEY('b') + QUEUE('orders', 'b') });
    const b = byKey(d.keys, '.:aws_kms_key.b');
    expect(b.change).toBe('added');
    expect(b.blastRadius.before).toBeNull();
    expect(b.consumers.map((c) => [c.change, c.resource])).toEqual([['added', '.:aws_sqs_queue.orders']]);
    expect(b.gained).toEqual({ environments: [], workloads: [], dataClasses: [], services: [] });
  });
});

describe('access and policy', () => {
  const policy = (statements: string) => `  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Root"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },${statements}
    ]
  })
`;
  const reader = `
      {
        Sid       = "PartnerRead"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::777788889999:role/partner" }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
      },`;

  it('a new principal gains usage through a new statement, named by Sid', async () => {
    const d = await diff({ 'main.tf': KEY('a', policy('')) }, { 'main.tf': KEY('a', policy(reader)) });
    const a = byKey(d.keys, '.:aws_kms_key.a');
    expect(a.change).toBe('changed');
    expect(a.access.map((x) => [x.change, x.principal, x.group, x.via, x.restrictedBy])).toEqual([
      ['added', 'arn:aws:iam::777788889999:role/partner', 'usage', 'key policy statement PartnerRead', []],
      ['added', 'arn:aws:iam::777788889999:role/partner', 'read', 'key policy statement PartnerRead', []],
    ]);
    const statement = a.attributes.find((x) => x.field === 'policy.statement.PartnerRead');
    expect(statement).toMatchObject({ before: null, after: { sid: 'PartnerRead', effect: 'Allow', action: ['kms:Decrypt', 'kms:DescribeKey'] } });
    expect(statement?.headLocation?.file).toBe('main.tf');

    const back = await diff({ 'main.tf': KEY('a', policy(reader)) }, { 'main.tf': KEY('a', policy('')) });
    expect(byKey(back.keys, '.:aws_kms_key.a').access.map((x) => [x.change, x.group])).toEqual([
      ['removed', 'usage'],
      ['removed', 'read'],
    ]);
  });

  it('attribute by attribute: rotation, spec, tags, with base and head lines', async () => {
    const d = await diff(
      { 'main.tf': KEY('a', '  tags = { Owner = "team-a" }\n') },
      {
        'main.tf': `resource "aws_kms_key" "a" {\n  description              = "data"\n  enable_key_rotation      = false\n  customer_master_key_spec = "RSA_2048"\n  key_usage                = "SIGN_VERIFY"\n  tags = { Owner = "team-b", DataClass = "pii" }\n}\n`,
      },
    );
    const a = byKey(d.keys, '.:aws_kms_key.a');
    expect(a.attributes.map((x) => [x.field, x.before, x.after, x.baseLocation?.startLine, x.headLocation?.startLine])).toEqual([
      ['spec', 'SYMMETRIC_DEFAULT', 'RSA_2048', 1, 4],
      ['usage', 'ENCRYPT_DECRYPT', 'SIGN_VERIFY', 1, 5],
      ['rotation.enabled', true, false, 3, 3],
      ['tags.Owner', 'team-a', 'team-b', 4, 6],
      ['tags.DataClass', null, 'pii', 4, 6],
    ]);
    expect(a.classification.map((c) => [c.dimension, c.before?.value ?? null, c.after?.value ?? null])).toEqual([
      ['dataClass', null, 'pii'],
      ['owner', 'team-a', 'team-b'],
    ]);
  });
});
