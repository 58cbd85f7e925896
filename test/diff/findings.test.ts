/** diffFindings by fingerprint, and analyseChange: change-hazard findings are always new. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { diffFindings } from '../../src/diff/findings.js';
import { analyseChange } from '../../src/pipeline.js';
import { fingerprint } from '../../src/rules/fingerprint.js';
import type { Finding, Rule } from '../../src/rules/types.js';
import { memoryFileSet } from '../../src/sources/memory.js';

const finding = (rule: string, key: string, subjects: string[] = [], line = 1): Finding => ({
  rule,
  severity: 'medium',
  key,
  subjects,
  message: `${rule} on ${key}`,
  evidence: {},
  location: { file: 'main.tf', startLine: line, endLine: line },
  fingerprint: fingerprint(rule, key, subjects.join(',')),
});

describe('diffFindings', () => {
  it('splits by fingerprint into new, fixed and unchanged; lines do not matter', () => {
    const kept = finding('KMS301', '.:aws_kms_key.a');
    const gone = finding('KMS303', '.:aws_kms_key.a');
    const added = finding('KMS101', '.:aws_kms_key.a', ['.:aws_sqs_queue.q']);
    const d = diffFindings([kept, gone], [{ ...kept, location: { file: 'main.tf', startLine: 40, endLine: 40 } }, added]);
    expect(d.new).toEqual([added]);
    expect(d.fixed).toEqual([gone]);
    expect(d.unchanged.map((f) => f.rule)).toEqual(['KMS301']);
  });

  it('a finding on a key renamed by moved {} is unchanged, not fixed and new', () => {
    const before = finding('KMS301', '.:aws_kms_key.old', ['.:aws_kms_key.old']);
    const after = finding('KMS301', '.:aws_kms_key.data', ['.:aws_kms_key.data']);
    expect(diffFindings([before], [after])).toMatchObject({ new: [after], fixed: [before] });
    expect(diffFindings([before], [after], { renamedKeys: { '.:aws_kms_key.old': '.:aws_kms_key.data' } })).toEqual({ new: [], fixed: [], unchanged: [after] });
  });
});

describe('analyseChange', () => {
  const stateRule: Rule = {
    id: 'KMS301',
    name: 'rotation-disabled',
    principle: 'lifecycle',
    defaultSeverity: 'medium',
    rationale: 'test',
    check: (ctx) => ctx.inventory.keys.filter((k) => k.rotation.enabled === false).map((k) => ({ key: k.id, message: 'rotation off' })),
  };
  const changeRule: Rule = {
    id: 'KMS505',
    name: 'blast-radius-growth',
    principle: 'change',
    defaultSeverity: 'medium',
    rationale: 'test',
    checkChange: (ctx) =>
      ctx.diff.keys.filter((k) => k.gained.workloads.length > 0).map((k) => ({ key: k.key, message: `gains ${k.gained.workloads.join(', ')}` })),
  };
  const tf = (rotation: boolean, queues: string[]) =>
    `resource "aws_kms_key" "a" {\n  enable_key_rotation = ${rotation}\n}\n${queues
      .map((q) => `resource "aws_sqs_queue" "${q}" {\n  kms_master_key_id = aws_kms_key.a.arn\n  tags = { Application = "${q}" }\n}\n`)
      .join('')}`;

  it('diffs both sides and puts the change findings among the new ones', async () => {
    const change = await analyseChange(
      memoryFileSet({ 'main.tf': tf(false, ['orders']) }),
      memoryFileSet({ 'main.tf': tf(false, ['orders', 'billing']) }),
      parseConfig(''),
      {
        rules: [stateRule, changeRule],
        today: '2026-11-22',
      },
    );
    expect(change.diff.keys.map((k) => [k.key, k.change])).toEqual([['.:aws_kms_key.a', 'changed']]);
    expect(change.changeFindings.map((f) => [f.rule, f.message])).toEqual([['KMS505', 'gains billing']]);
    expect(change.findings.new.map((f) => f.rule)).toEqual(['KMS505']);
    expect(change.findings.unchanged.map((f) => f.rule)).toEqual(['KMS301']);
    expect(change.findings.fixed).toEqual([]);
    // The state findings of each side stay those of the side.
    expect(change.head.findings.map((f) => f.rule)).toEqual(['KMS301']);
  });

  it('the same tree on both sides has nothing new, whatever the change rules', async () => {
    const files = { 'main.tf': tf(true, ['orders', 'billing']) };
    const change = await analyseChange(memoryFileSet(files), memoryFileSet(files), parseConfig(''), { rules: [stateRule, changeRule], today: '2026-11-22' });
    expect(change.findings).toEqual({ new: [], fixed: [], unchanged: [] });
    expect(change.diff.keys.every((k) => k.change === 'unchanged')).toBe(true);
  });

  it('change findings honour inline suppressions in the head', async () => {
    const head = tf(false, ['orders', 'billing']).replace(
      'resource "aws_kms_key" "a" {',
      '# kms-review:ignore KMS505 reason="billing is moving off next sprint"\nresource "aws_kms_key" "a" {',
    );
    const change = await analyseChange(memoryFileSet({ 'main.tf': tf(false, ['orders']) }), memoryFileSet({ 'main.tf': head }), parseConfig(''), {
      rules: [stateRule, changeRule],
      today: '2026-11-22',
    });
    expect(change.findings.new.map((f) => [f.rule, f.suppressed?.by])).toEqual([['KMS505', 'inline']]);
  });
});
