import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type SourceFile } from '../../../src/model/source.js';
import type { Ref, Resource } from '../../../src/model/types.js';
import { planActions, planParser, planSides } from '../../../src/parse/plan/index.js';
import type { ParseContext } from '../../../src/parse/plugin.js';

const PATH = 'fixtures/parse/plan/prod.tfplan.json';
const TEXT = readFileSync(PATH, 'utf8');
const plan: SourceFile = { path: PATH, text: TEXT, size: Buffer.byteLength(TEXT) };
const ctx: ParseContext = { files: new Map(), limits: DEFAULT_LIMITS, scpPaths: [] };
const at = (startLine: number, endLine: number, file = PATH) => ({ file, startLine, endLine });
const ref = (address: string, attr: string): Ref => ({ $kind: 'ref', unit: PATH, address, attr });
const afterApply = (expr: string) => ({ $kind: 'unknown', expr, reason: 'known after apply' });
const SHARED_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/9f1c2d3e-4b5a-6c7d-8e9f-0a1b2c3d4e5f';
const OLD_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/0b7e4c1a-5d2f-4e8b-9a61-3c7d2e9f1a08';

function byAddress(resources: Resource[], address: string): Resource {
  const found = resources.find((r) => r.address === address);
  if (!found) throw new Error(`no ${address} in ${resources.map((r) => r.address).join(', ')}`);
  return found;
}

describe('planParser.claims', () => {
  it.each([
    ['the plan fixture', PATH, TEXT, true],
    ['a plan with planned_values only', 'p.json', '{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{}}', true],
    ['state output (values, no changes)', 's.json', '{"format_version":"1.0","terraform_version":"1.9.5","values":{}}', false],
    ['a policy', 'k.json', '{"Statement": [], "resource_changes": []}', false],
    ['a plan that is not .json', 'plan.out', '{"format_version":"1.2","terraform_version":"1.9.5","resource_changes":[]}', false],
  ])('%s → %s', (_name, path, text, expected) => {
    expect(planParser.claims({ path, text, size: text.length })).toBe(expected);
  });
});

describe('planSides: after', () => {
  const { after, problems } = planSides(plan, ctx);

  it('has one resource per instance that exists after apply, located at its resource_changes entry', () => {
    expect(problems).toEqual([]);
    expect(after.map((r) => [r.id, r.type, r.mode, r.location])).toEqual([
      [`${PATH}:aws_cloudwatch_log_group.app["api"]`, 'aws_cloudwatch_log_group', 'managed', at(289, 329)],
      [`${PATH}:aws_cloudwatch_log_group.app["worker"]`, 'aws_cloudwatch_log_group', 'managed', at(330, 370)],
      [`${PATH}:aws_db_instance.orders`, 'aws_db_instance', 'managed', at(371, 475)],
      [`${PATH}:aws_kms_alias.main`, 'aws_kms_alias', 'managed', at(501, 525)],
      [`${PATH}:aws_kms_key.main`, 'aws_kms_key', 'managed', at(526, 575)],
      [`${PATH}:aws_s3_bucket.orders`, 'aws_s3_bucket', 'managed', at(576, 651)],
      [`${PATH}:aws_s3_bucket_server_side_encryption_configuration.orders`, 'aws_s3_bucket_server_side_encryption_configuration', 'managed', at(652, 723)],
      [`${PATH}:module.kms.aws_kms_alias.this`, 'aws_kms_alias', 'managed', at(724, 749)],
      [`${PATH}:module.kms.aws_kms_key.this`, 'aws_kms_key', 'managed', at(750, 800)],
    ]);
    expect(after.every((r) => r.source === 'plan' && r.unit === PATH)).toBe(true);
  });

  it('turns "known after apply" values that reference one attribute into Refs', () => {
    const sse = byAddress(after, 'aws_s3_bucket_server_side_encryption_configuration.orders');
    expect(sse.attrs.rule).toEqual([
      {
        apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.main', 'arn') }],
        bucket_key_enabled: true,
      },
    ]);
    expect(byAddress(after, 'aws_kms_alias.main').attrs.target_key_id).toEqual(ref('aws_kms_key.main', 'key_id'));
    expect(byAddress(after, 'aws_cloudwatch_log_group.app["worker"]').attrs.kms_key_id).toEqual(ref('aws_kms_key.main', 'arn'));
  });

  it('qualifies references made inside a module with the module address', () => {
    expect(byAddress(after, 'module.kms.aws_kms_alias.this').attrs.target_key_id).toEqual(ref('module.kms.aws_kms_key.this', 'key_id'));
  });

  it('keeps other "known after apply" values Unknown', () => {
    const key = byAddress(after, 'aws_kms_key.main');
    expect(key.attrs.arn).toEqual(afterApply('aws_kms_key.main.arn'));
    expect(key.attrs.policy).toEqual(afterApply('aws_kms_key.main.policy'));
    expect(byAddress(after, 'module.kms.aws_kms_alias.this').attrs.arn).toEqual(afterApply('module.kms.aws_kms_alias.this.arn'));
    expect(key.attrs).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, key_usage: 'ENCRYPT_DECRYPT' });
  });

  it('keeps known values as the plan has them (the existing key ARN the database moves to)', () => {
    const db = byAddress(after, 'aws_db_instance.orders');
    expect(db.attrs.kms_key_id).toBe(SHARED_KEY);
    expect(db.attrs.id).toEqual(afterApply('aws_db_instance.orders.id'));
  });

  it('splits tags from provider default tags', () => {
    const key = byAddress(after, 'module.kms.aws_kms_key.this');
    expect(key.tags).toEqual({ DataClass: 'pci', Workload: 'payments' });
    expect(key.defaultTags).toEqual({ Environment: 'prod', Owner: 'platform' });
    const alias = byAddress(after, 'aws_kms_alias.main');
    expect(alias.tags).toEqual({});
    expect(alias.defaultTags).toBeUndefined();
  });

  it('locates attributes, including the ones only after_unknown mentions', () => {
    const sse = byAddress(after, 'aws_s3_bucket_server_side_encryption_configuration.orders');
    expect(sse.attrLocations).toEqual({
      bucket: at(679, 679),
      expected_bucket_owner: at(680, 680),
      id: at(681, 681),
      rule: at(682, 691),
      'rule.apply_server_side_encryption_by_default': at(684, 688),
      'rule.apply_server_side_encryption_by_default.sse_algorithm': at(686, 686),
      'rule.bucket_key_enabled': at(689, 689),
      'rule.apply_server_side_encryption_by_default.kms_master_key_id': at(698, 698),
    });
    expect(byAddress(after, 'aws_cloudwatch_log_group.app["api"]').attrLocations.kms_key_id).toEqual(at(319, 319));
  });
});

describe('planSides: before', () => {
  const { before } = planSides(plan, ctx);

  it('has the prior state, including what the plan deletes, and nothing it creates', () => {
    expect(before.map((r) => [r.address, r.location])).toEqual([
      ['aws_db_instance.orders', at(371, 475)],
      ['aws_kms_alias.legacy', at(476, 500)],
      ['aws_s3_bucket.orders', at(576, 651)],
      ['aws_s3_bucket_server_side_encryption_configuration.orders', at(652, 723)],
    ]);
  });

  it('has the before values', () => {
    expect(byAddress(before, 'aws_db_instance.orders').attrs.kms_key_id).toBe(OLD_KEY);
    expect(byAddress(before, 'aws_db_instance.orders').attrLocations.kms_key_id).toEqual(at(415, 415));
    expect(byAddress(before, 'aws_kms_alias.legacy').attrs.target_key_arn).toBe(OLD_KEY);
    expect(byAddress(before, 'aws_s3_bucket_server_side_encryption_configuration.orders').attrs.rule).toEqual([
      { apply_server_side_encryption_by_default: [{ kms_master_key_id: '', sse_algorithm: 'AES256' }], bucket_key_enabled: false },
    ]);
  });
});

describe('planParser.parse and planActions', () => {
  it('gives the after side as resources and the plan file as the unit', () => {
    const output = planParser.parse([plan], ctx);
    expect(output.resources).toEqual(planSides(plan, ctx).after);
    expect(output.problems).toEqual([]);
    expect(output.units).toEqual([{ id: PATH, source: 'plan', path: PATH, files: [PATH] }]);
  });

  it('lists the planned actions by instance address', () => {
    expect(Object.fromEntries(planActions(plan))).toEqual({
      'aws_cloudwatch_log_group.app["api"]': ['create'],
      'aws_cloudwatch_log_group.app["worker"]': ['create'],
      'aws_db_instance.orders': ['delete', 'create'],
      'aws_kms_alias.legacy': ['delete'],
      'aws_kms_alias.main': ['create'],
      'aws_kms_key.main': ['create'],
      'aws_s3_bucket.orders': ['no-op'],
      'aws_s3_bucket_server_side_encryption_configuration.orders': ['update'],
      'module.kms.aws_kms_alias.this': ['create'],
      'module.kms.aws_kms_key.this': ['create'],
    });
  });
});

describe('planSides: instances, data sources, planned_values only', () => {
  const miniPlan = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: {
      root_module: {
        child_modules: [
          {
            address: 'module.app["billing"]',
            resources: [
              {
                address: 'module.app["billing"].aws_sqs_queue.q[0]',
                mode: 'managed',
                type: 'aws_sqs_queue',
                name: 'q',
                index: 0,
                values: { name: 'billing-0', tags: null },
              },
            ],
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'module.app["billing"].aws_sqs_queue.q[0]',
        module_address: 'module.app["billing"]',
        mode: 'managed',
        type: 'aws_sqs_queue',
        name: 'q',
        index: 0,
        change: {
          actions: ['create'],
          before: null,
          after: { name: 'billing-0', policy: 'x' },
          after_unknown: { kms_master_key_id: true, arn: true, redrive_policy: true, tags: {} },
        },
      },
      { change: { actions: ['create'] } },
    ],
    prior_state: {
      values: {
        root_module: {
          resources: [{ address: 'data.aws_kms_key.shared', mode: 'data', type: 'aws_kms_key', name: 'shared', values: { arn: 'arn:k' } }],
        },
      },
    },
    configuration: {
      root_module: {
        module_calls: {
          app: {
            module: {
              resources: [
                {
                  address: 'aws_sqs_queue.q',
                  expressions: {
                    kms_master_key_id: { references: ['data.aws_kms_key.shared.arn', 'data.aws_kms_key.shared'] },
                    redrive_policy: { references: ['aws_sqs_queue.dlq.arn', 'aws_sqs_queue.dlq', 'var.max_receives'] },
                  },
                },
              ],
            },
          },
        },
      },
    },
  };
  const text = JSON.stringify(miniPlan, null, 2);
  const file: SourceFile = { path: 'mini.tfplan.json', text, size: text.length };
  const sides = planSides(file, ctx);
  const unit = 'mini.tfplan.json';

  it('keeps module instance keys in addresses and finds the configuration without them', () => {
    const queue = byAddress(sides.after, 'module.app["billing"].aws_sqs_queue.q[0]');
    expect(queue.id).toBe('mini.tfplan.json:module.app["billing"].aws_sqs_queue.q[0]');
    expect(queue.attrs).toEqual({
      name: 'billing-0',
      policy: 'x',
      tags: null,
      kms_master_key_id: { $kind: 'ref', unit, address: 'module.app["billing"].data.aws_kms_key.shared', attr: 'arn' },
      arn: afterApply('module.app["billing"].aws_sqs_queue.q[0].arn'),
      redrive_policy: {
        $kind: 'unknown',
        expr: 'aws_sqs_queue.dlq.arn',
        reason: 'known after apply',
        refs: [{ $kind: 'ref', unit, address: 'module.app["billing"].aws_sqs_queue.dlq', attr: 'arn' }],
      },
    });
  });

  it('carries data sources read while planning over to the after side', () => {
    expect(sides.after.map((r) => [r.address, r.mode])).toEqual([
      ['module.app["billing"].aws_sqs_queue.q[0]', 'managed'],
      ['data.aws_kms_key.shared', 'data'],
    ]);
    expect(sides.before.map((r) => r.address)).toEqual(['data.aws_kms_key.shared']);
  });

  it('reports a resource_changes entry without an address at its lines', () => {
    expect(sides.problems).toEqual([
      {
        rule: 'KMS000',
        message: 'resource_changes entry without an address or change; skipped',
        location: { file: unit, startLine: 51, endLine: 57 },
      },
    ]);
    expect(text.split('\n').slice(50, 57).join('\n')).toBe('    {\n      "change": {\n        "actions": [\n          "create"\n        ]\n      }\n    }');
  });
});

describe('planSides: hostile input', () => {
  const sidesOf = (text: string, limits = DEFAULT_LIMITS) => planSides({ path: 'bad.tfplan.json', text, size: text.length }, { ...ctx, limits });

  it('reports malformed JSON with its line', () => {
    const sides = sidesOf('{\n  "format_version": "1.2",\n  "terraform_version": "1.9.5",\n  "resource_changes": [,]\n}');
    expect(sides.before).toEqual([]);
    expect(sides.after).toEqual([]);
    expect(sides.problems.map((p) => [p.rule, p.location])).toEqual([['KMS000', at(4, 4, 'bad.tfplan.json')]]);
  });

  it('reports a plan that is not an object', () => {
    expect(sidesOf('["format_version", "terraform_version"]').problems.map((p) => p.message)).toEqual(['not a Terraform plan: the document is not an object']);
  });

  it('rejects 10,000-deep nesting in bounded time', () => {
    const deep = `{"format_version":"1.2","terraform_version":"1.9.5","resource_changes":[${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]}`;
    const started = performance.now();
    const sides = sidesOf(deep);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(sides.problems.map((p) => p.message)).toEqual(['nesting deeper than 200 levels; not parsed']);
  });

  it('does not parse a plan over the size cap', () => {
    const sides = sidesOf(TEXT, { ...DEFAULT_LIMITS, maxFileBytes: 10_000 });
    expect(sides.problems.map((p) => p.message)).toEqual([`file is ${TEXT.length} bytes, over the 10000-byte limit; not parsed`]);
  });
});
