import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { planSplit } from '../../src/split/index.js';
import { analyseFiles } from '../harness.js';

const KEY = `
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { Env = "prod" }
  }
}

resource "aws_kms_key" "shared" {
  description             = "shared"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "Admins", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:role/kms-admin" }, Action = ["kms:Create*", "kms:Put*", "kms:ScheduleKeyDeletion"], Resource = "*" },
      { Sid = "Use", Effect = "Allow", Principal = { AWS = ["arn:aws:iam::111122223333:role/orders-api-prod", "arn:aws:iam::111122223333:role/billing-api-prod", "arn:aws:iam::111122223333:role/batch"] }, Action = ["kms:Decrypt", "kms:GenerateDataKey*"], Resource = "*" },
    ]
  })
  tags = { Team = "platform" }
}
`;

const CONSUMERS = `
resource "aws_db_instance" "orders" {
  storage_encrypted = true
  kms_key_id        = aws_kms_key.shared.arn
  tags              = { App = "orders", DataClass = "pii", Team = "orders" }
}

resource "aws_sqs_queue" "billing" {
  kms_master_key_id = aws_kms_key.shared.arn
  tags              = { App = "billing", DataClass = "internal", Team = "billing" }
}

resource "aws_cloudwatch_log_group" "billing" {
  kms_key_id = aws_kms_key.shared.arn
  tags       = { App = "billing" }
}
`;

const config = (yaml = '') => parseConfig(yaml).config;

describe('planSplit', () => {
  it('groups by the known dimensions, lists the unknown ones with how to tell the tool', async () => {
    const analysis = await analyseFiles({ 'prod/kms.tf': KEY, 'prod/apps.tf': CONSUMERS });
    const plan = planSplit('prod:aws_kms_key.shared', analysis, config());
    expect(plan.dimensions).toEqual(['environment', 'workload', 'dataClass']);
    expect(plan.unknown).toEqual([
      { dimension: 'data class', consumers: ['prod:aws_cloudwatch_log_group.billing'], howToTell: expect.stringContaining('.github/kms-review.yml') },
    ]);
    expect(plan.unknown[0].howToTell).toContain('DataClass=<data class>');
    expect(plan.groups.map((g) => g.consumers)).toEqual([
      ['prod:aws_cloudwatch_log_group.billing'],
      ['prod:aws_sqs_queue.billing'],
      ['prod:aws_db_instance.orders'],
    ]);
  });

  it('names keys by the alias convention and tags them with the names the repo uses', async () => {
    const analysis = await analyseFiles({ 'prod/kms.tf': KEY, 'prod/apps.tf': CONSUMERS });
    const plan = planSplit('aws_kms_key.shared', analysis, config());
    const orders = plan.newKeys.find((k) => k.group.workload === 'orders');
    expect(orders?.alias).toBe('alias/orders-prod');
    expect(orders?.name).toBe('orders_prod');
    expect(orders?.tags).toEqual({ Env: 'prod', App: 'orders', DataClass: 'pii', Team: 'orders' });
    expect(plan.newKeys.map((k) => k.alias).sort()).toEqual(['alias/billing-internal-prod', 'alias/billing-prod', 'alias/orders-prod']);
    const custom = planSplit('aws_kms_key.shared', analysis, config('thresholds:\n  aliasPattern: "^alias/[a-z]+-(prod|dev)-[a-z]+$"\n'));
    expect(custom.newKeys.map((k) => k.alias)).toContain('alias/billing-prod-internal');
    // Provider default_tags already carry Env: the generated HCL does not repeat it.
    expect(plan.files['prod/kms-orders-prod.tf']).not.toContain('Env ');
  });

  it('keeps root delegation and admins, narrows users to the roles named after the workload', async () => {
    const analysis = await analyseFiles({ 'prod/kms.tf': KEY, 'prod/apps.tf': CONSUMERS });
    const plan = planSplit('aws_kms_key.shared', analysis, config());
    const orders = plan.newKeys.find((k) => k.group.workload === 'orders');
    expect(orders?.administrators.map((a) => a.principal)).toEqual(['arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:role/kms-admin']);
    expect(orders?.users.map((u) => u.principal)).toEqual(['arn:aws:iam::111122223333:role/orders-api-prod', 'arn:aws:iam::111122223333:role/batch']);
    expect(orders?.notes.join(' ')).toContain('could not be tied to a workload');
    const hcl = plan.files['prod/kms-orders-prod.tf'];
    expect(hcl).toContain('role/orders-api-prod');
    expect(hcl).not.toContain('role/billing-api-prod');
    expect(hcl).toContain('deletion_window_in_days = 30');
    expect(hcl).toContain('enable_key_rotation     = true');
  });

  it('writes a migration per consumer from the service table', async () => {
    const analysis = await analyseFiles({ 'prod/kms.tf': KEY, 'prod/apps.tf': CONSUMERS });
    const plan = planSplit('aws_kms_key.shared', analysis, config());
    const byResource = Object.fromEntries(plan.migration.map((m) => [m.resource.split(':')[1], m]));
    expect(byResource['aws_db_instance.orders'].kind).toBe('replacement');
    expect(byResource['aws_db_instance.orders'].steps[0]).toMatch(/^CHANGING THE KEY REPLACES THE DATABASE/);
    expect(byResource['aws_db_instance.orders'].steps.join(' ')).toMatch(/snapshot.*copy.*restore/i);
    expect(byResource['aws_sqs_queue.billing'].kind).toBe('in-place');
    expect(byResource['aws_cloudwatch_log_group.billing'].kind).toBe('new-data-only');
    for (const m of plan.migration) expect(m.steps.at(-1)).toContain('schedule its deletion, with the full 30-day window');
    const edit = plan.edits.find((e) => e.resource === 'prod:aws_db_instance.orders');
    expect(edit?.lines?.after[0]).toContain('# kms-review: REPLACES the resource');
  });

  it('gives a reason instead of a split when all consumers are one group, or the key is unknown', async () => {
    const one = CONSUMERS.replace('App = "billing", DataClass = "internal"', 'App = "orders", DataClass = "pii"').replace(
      'tags       = { App = "billing" }',
      'tags       = { App = "orders", DataClass = "pii" }',
    );
    const analysis = await analyseFiles({ 'prod/kms.tf': KEY, 'prod/apps.tf': one });
    const plan = planSplit('aws_kms_key.shared', analysis, config());
    expect(plan.reason).toMatch(/belong to one group \(orders \/ prod \/ pii\)/);
    expect(plan.patch).toBe('');
    expect(planSplit('aws_kms_key.nope', analysis, config()).reason).toMatch(/no key/);
  });
});
