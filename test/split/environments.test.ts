/**
 * Roots deployed once per environment (workspaces, tfvars files): the new keys are written once
 * for every environment, or not at all, with every consumer marked NOT IN THE PATCH and the reason.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { sourceTemplates, unevaluated } from '../../src/split/environments.js';
import { planSplit } from '../../src/split/index.js';
import { analyseFiles } from '../harness.js';

const config = parseConfig('').config;

const KEY = (env: string) => `
resource "aws_kms_key" "shared" {
  description             = "shared (${env})"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = { Environment = ${env.slice(2, -1)} }
}
`;

const consumers = (dataClassOfC: string) => `
resource "aws_sqs_queue" "a" {
  kms_master_key_id = aws_kms_key.shared.arn
  tags              = { Application = "orders", DataClass = "internal" }
}

resource "aws_secretsmanager_secret" "b" {
  kms_key_id = aws_kms_key.shared.arn
  tags       = { Application = "billing", DataClass = "financial" }
}

resource "aws_sns_topic" "c" {
  kms_master_key_id = aws_kms_key.shared.arn
  tags              = { Application = ${dataClassOfC}, DataClass = "internal" }
}
`;

const WORKSPACES = `
locals {
  settings = { dev = { tier = "small" }, prod = { tier = "large" } }
  env      = local.settings[terraform.workspace]
}
`;

describe('split of a key in a root deployed per environment', () => {
  it('workspaces: one patch for every workspace, the environment from terraform.workspace', async () => {
    const analysis = await analyseFiles({ 'main.tf': WORKSPACES, 'kms.tf': KEY('${terraform.workspace}'), 'apps.tf': consumers('"orders"') });
    const plan = planSplit('.#prod:aws_kms_key.shared', analysis, config);
    expect(plan.newKeys.map((k) => `${k.name} ${k.alias}`)).toEqual(['billing alias/billing-prod', 'orders alias/orders-prod']);
    expect(Object.keys(plan.files).sort()).toEqual(['apps.tf', 'kms-billing.tf', 'kms-orders.tf']);
    expect(plan.files['kms-orders.tf']).toContain('name          = "alias/orders-${terraform.workspace}"');
    expect(plan.files['kms-orders.tf']).toContain('Environment = terraform.workspace');
    expect(plan.migration.filter((m) => m.manual)).toEqual([]);
  });

  it('near miss: a consumer that goes to another key in another workspace stops the code, and the plan says so per consumer', async () => {
    const analysis = await analyseFiles({
      'main.tf': WORKSPACES,
      'kms.tf': KEY('${terraform.workspace}'),
      'apps.tf': consumers('terraform.workspace == "prod" ? "orders" : "billing"'),
    });
    const plan = planSplit('.#prod:aws_kms_key.shared', analysis, config);
    expect(plan.newKeys).toHaveLength(2);
    expect(plan.patch).toBe('');
    expect(plan.notes).toEqual([
      expect.stringMatching(/goes to \w+ in prod but to \w+ in dev, so the new keys cannot be written once for every environment; no code is generated/),
    ]);
    expect(plan.migration.length).toBe(3);
    for (const m of plan.migration) {
      expect(m.manual).toContain('so the new keys cannot be written once for every environment');
      expect(m.steps[0]).toMatch(/^NOT IN THE PATCH: /);
    }
  });

  it('tfvars files: the environment from the variable every file sets to its own name', async () => {
    const files = {
      'main.tf': 'variable "stage" {\n  type = string\n}\n',
      'kms.tf': KEY('${var.stage}'),
      'apps.tf': consumers('"orders"'),
      'env/dev.tfvars': 'stage = "dev"\n',
      'env/prod.tfvars': 'stage = "prod"\n',
    };
    const plan = planSplit('.#prod:aws_kms_key.shared', await analyseFiles(files), config);
    expect(plan.files['kms-orders.tf']).toContain('name          = "alias/orders-${var.stage}"');
    expect(plan.files['kms-orders.tf']).toContain('Environment = var.stage');
  });

  it('near miss: tfvars files that do not name their environment get no code, and every consumer is left to do by hand', async () => {
    const files = {
      'main.tf': 'variable "size" {\n  type = string\n}\n',
      'kms.tf': KEY('${var.size}'),
      'apps.tf': consumers('"orders"'),
      'env/dev.tfvars': 'size = "small"\n',
      'env/prod.tfvars': 'size = "large"\n',
    };
    const plan = planSplit('.#prod:aws_kms_key.shared', await analyseFiles(files), config);
    expect(plan.patch).toBe('');
    expect(plan.notes).toEqual([expect.stringContaining('no expression names the environment in all of its instances')]);
    expect(plan.migration.map((m) => m.manual)).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
  });
});

describe('values written back as the source writes them', () => {
  const templates = sourceTemplates([
    '  Principal = { AWS = "arn:aws:iam::${local.env.account_id}:role/orders-${terraform.workspace}" }',
    '  Principal = { AWS = "arn:aws:iam::${local.env.account_id}:root" }',
    '  Action = "kms:*"',
  ]);
  const env = { expr: 'terraform.workspace', value: 'prod' };

  it('picks the template with the most literal text that matches', () => {
    expect(templates).toEqual(['arn:aws:iam::${local.env.account_id}:role/orders-${terraform.workspace}', 'arn:aws:iam::${local.env.account_id}:root']);
    expect(unevaluated('arn:aws:iam::111122223333:role/orders-prod', templates, env)).toBe(templates[0]);
    expect(unevaluated('arn:aws:iam::111122223333:root', templates, env)).toBe(templates[1]);
  });

  it('near miss: a value whose environment part is another environment, or that no template matches, stays literal', () => {
    expect(unevaluated('arn:aws:iam::111122223333:role/orders-dev', templates, env)).toBe('arn:aws:iam::111122223333:role/orders-dev');
    expect(unevaluated('kms:*', templates, env)).toBe('kms:*');
    expect(unevaluated('arn:aws:iam::111122223333:user/alice', templates, env)).toBe('arn:aws:iam::111122223333:user/alice');
  });
});
