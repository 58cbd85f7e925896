import { describe, expect, it } from 'vitest';
import { consumerSpecFor, unreadKeyAttributes } from '../../src/catalog/consumers.js';
import { keyArguments } from '../../src/inventory/key-arguments.js';
import type { OneOf, Ref, Value } from '../../src/model/types.js';
import { MAX_WALK_DEPTH, walkAttributes } from '../../src/model/walk.js';

const ref = (address: string): Ref => ({ $kind: 'ref', unit: '.', address, attr: 'arn' });
const oneOf = (...options: Value[]): OneOf => ({ $kind: 'oneOf', options, reason: 'conditional' });

function leaves(attrs: Record<string, Value>, options?: Parameters<typeof walkAttributes>[2]): [string, string, Value][] {
  const out: [string, string, Value][] = [];
  walkAttributes(attrs, (value, path, name) => out.push([path, name, value]), options);
  return out;
}

/** `{ c: { c: … 'alias/leaf' } }`, `levels` objects below the top-level attribute. */
const chain = (levels: number): Value => (levels === 0 ? 'alias/leaf' : { c: chain(levels - 1) });

describe('walkAttributes', () => {
  it('hands every leaf its dotted path without list indexes and the name that holds it', () => {
    const attrs: Record<string, Value> = {
      rule: [{ apply: { kms_master_key_id: ref('aws_kms_key.a') } }, { apply: { kms_master_key_id: 'alias/b' } }],
      ids: ['k1', 'k2'],
      size: 10,
    };
    expect(leaves(attrs)).toEqual([
      ['rule.apply.kms_master_key_id', 'kms_master_key_id', ref('aws_kms_key.a')],
      ['rule.apply.kms_master_key_id', 'kms_master_key_id', 'alias/b'],
      ['ids', 'ids', 'k1'],
      ['ids', 'ids', 'k2'],
      ['size', 'size', 10],
    ]);
  });

  it('walks into the options of a choice at the choice path, unless told to keep the choice whole', () => {
    const attrs = { key: oneOf('alias/a', { inner: 'x' }) };
    expect(leaves(attrs)).toEqual([
      ['key', 'key', 'alias/a'],
      ['key.inner', 'inner', 'x'],
    ]);
    expect(leaves(attrs, { intoChoice: () => false })).toEqual([['key', 'key', attrs.key]]);
  });

  it('skips names at the top level or at any depth, as the caller says', () => {
    const attrs = { tags: { kms_key_id: 'a' }, block: { tags: { kms_key_id: 'b' }, kms_key_id: 'c' } };
    expect(leaves(attrs, { skip: (name, top) => top && name === 'tags' }).map(([path]) => path)).toEqual(['block.tags.kms_key_id', 'block.kms_key_id']);
    expect(leaves(attrs, { skip: (name) => name === 'tags' }).map(([path]) => path)).toEqual(['block.kms_key_id']);
  });

  it(`reads ${MAX_WALK_DEPTH} levels below a top-level attribute and no deeper`, () => {
    expect(leaves({ top: chain(MAX_WALK_DEPTH) })).toHaveLength(1);
    expect(leaves({ top: chain(MAX_WALK_DEPTH + 1) })).toEqual([]);
  });

  it('stops after maxVisits values (the attributes object counts) or when the caller has enough', () => {
    const attrs = { list: ['a', 'b', 'c', 'd'] };
    // 1 (attrs) + 1 (list) + 2 items.
    expect(leaves(attrs, { maxVisits: 4 }).map(([, , value]) => value)).toEqual(['a', 'b']);
    let seen = 0;
    walkAttributes(attrs, () => seen++, { done: () => seen === 3 });
    expect(seen).toBe(3);
  });
});

describe('the two key-reference walks share the walk', () => {
  const queue = consumerSpecFor('terraform', 'aws_sqs_queue')!;

  it('both read a key-named attribute at the deepest level walked and neither reads below it', () => {
    /** `top.c.c…c.kms_key_id`, `levels` times `c`. */
    const nested = (levels: number): Value => (levels === 0 ? { kms_key_id: 'alias/leaf' } : { c: nested(levels - 1) });
    const at = (levels: number) => ({ top: nested(levels) });
    const deepest = at(MAX_WALK_DEPTH - 1);
    expect(keyArguments(deepest)).toHaveLength(1);
    expect(unreadKeyAttributes(deepest, queue)).toHaveLength(1);
    const below = at(MAX_WALK_DEPTH);
    expect(keyArguments(below)).toEqual([]);
    expect(unreadKeyAttributes(below, queue)).toEqual([]);
  });

  it('module arguments: settings of the call are skipped at the top only; a choice of references is one argument', () => {
    const args = keyArguments({
      source: 'git::https://example.com/m.git',
      tags: { kms_key_id: 'x' },
      block: { tags: { kms_key_id: 'y' } },
      kms_key_arn: oneOf(ref('aws_kms_key.a'), ref('aws_kms_key.b')),
    });
    expect(args.map((a) => [a.path, a.kind])).toEqual([
      ['block.tags.kms_key_id', 'named'],
      ['kms_key_arn', 'named'],
    ]);
  });

  it('module arguments stop at 2000 key references', () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ kms_key_id: `alias/k${i}` }));
    expect(keyArguments({ many })).toHaveLength(2000);
  });

  it('unlisted attributes: free-form maps are skipped at any depth, each option of a choice is judged', () => {
    expect(
      unreadKeyAttributes({ block: { tags: { kms_key_id: 'x' }, variables: { cmk_arn: 'y' } }, extra_kms_key_id: oneOf(null, ref('aws_kms_key.a')) }, queue),
    ).toEqual(['extra_kms_key_id']);
    expect(unreadKeyAttributes({ extra_kms_key_id: oneOf(null, '') }, queue)).toEqual([]);
  });
});
