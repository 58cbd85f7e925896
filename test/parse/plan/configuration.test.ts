import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/model/types.js';
import { configAddress, configuredExpressions, refFromReferences } from '../../../src/parse/plan/configuration.js';
import { withUnknowns } from '../../../src/parse/plan/unknowns.js';

const unit = 'plan.json';
const ref = (address: string, attr: string) => ({ $kind: 'ref', unit, address, attr });

describe('refFromReferences', () => {
  it.each<[string, string[], string | undefined, unknown]>([
    ['a resource attribute and its prefix', ['aws_kms_key.main.arn', 'aws_kms_key.main'], undefined, ref('aws_kms_key.main', 'arn')],
    ['an instance key', ['aws_kms_key.k["a"].arn', 'aws_kms_key.k["a"]', 'aws_kms_key.k'], undefined, ref('aws_kms_key.k["a"]', 'arn')],
    ['a data source', ['data.aws_kms_alias.s3.target_key_arn', 'data.aws_kms_alias.s3'], undefined, ref('data.aws_kms_alias.s3', 'target_key_arn')],
    ['a module output', ['module.kms.key_arn', 'module.kms'], undefined, ref('module.kms', 'key_arn')],
    ['inside a module instance', ['aws_kms_key.this.arn', 'aws_kms_key.this'], 'module.kms[0]', ref('module.kms[0].aws_kms_key.this', 'arn')],
    ['two different objects', ['aws_kms_key.main2.arn', 'aws_kms_key.main'], undefined, undefined],
    ['a variable', ['var.kms.arn'], undefined, undefined],
    ['a local', ['local.key_arn'], undefined, undefined],
    ['a whole resource without attribute', ['aws_kms_key.main'], undefined, undefined],
    ['nothing', [], undefined, undefined],
  ])('%s', (_name, references, moduleAddress, expected) => {
    expect(refFromReferences(references, unit, moduleAddress)).toEqual(expected);
  });
});

describe('configAddress and configuredExpressions', () => {
  it('drops module instance keys, keeps the data prefix', () => {
    expect(configAddress('module.a["x]"].module.b[2]', 'data', 'aws_kms_key', 'k')).toBe('module.a.module.b.data.aws_kms_key.k');
    expect(configAddress(undefined, 'managed', 'aws_kms_key', 'k')).toBe('aws_kms_key.k');
  });

  it('indexes nested module calls by path', () => {
    const expressions = { kms_key_id: { references: ['var.k'] } };
    const configuration: Value = {
      root_module: {
        resources: [{ address: 'aws_s3_bucket.b', expressions: {} }],
        module_calls: { a: { module: { module_calls: { b: { module: { resources: [{ address: 'aws_sqs_queue.q', expressions }] } } } } } },
      },
    };
    expect([...configuredExpressions(configuration).entries()]).toEqual([
      ['aws_s3_bucket.b', {}],
      ['module.a.module.b.aws_sqs_queue.q', expressions],
    ]);
    expect(configuredExpressions(undefined).size).toBe(0);
  });
});

describe('withUnknowns', () => {
  const context = { unit, address: 'aws_x.y', moduleAddress: undefined };

  it('fills unknown list elements and lets a leaf expression cover what is below it', () => {
    const after: Value = { ids: ['a', null], tags: { A: 'b' } };
    const mask: Value = { ids: [false, true], tags: { B: true } };
    const expressions: Value = {
      ids: { references: ['aws_kms_key.k.arn', 'aws_kms_key.k'] },
      tags: { references: ['aws_kms_key.k.key_id', 'aws_kms_key.k'] },
    };
    expect(withUnknowns(after, mask, expressions, [], context)).toEqual({
      ids: ['a', ref('aws_kms_key.k', 'arn')],
      tags: { A: 'b', B: ref('aws_kms_key.k', 'key_id') },
    });
  });

  it('returns the same value when nothing is unknown, and adds no empty containers', () => {
    const after: Value = { tags: null, rule: [{ x: 1 }] };
    expect(withUnknowns(after, { tags: {}, rule: [{}], missing: [] }, undefined, [], context)).toBe(after);
  });

  it('names an unknown without configuration by its attribute path', () => {
    expect(withUnknowns({}, { rule: [{ key: true }] }, undefined, [], context)).toEqual({
      rule: [{ key: { $kind: 'unknown', expr: 'aws_x.y.rule.key', reason: 'known after apply' } }],
    });
  });
});
