import { describe, expect, it } from 'vitest';
import { Budget, BudgetExceeded } from '../../../src/parse/cloudformation/budget.js';
import { fixture, parse, source } from './helpers.js';

const HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n";
const GOOD = source('good.yaml', `${HEADER}Resources:\n  Key:\n    Type: AWS::KMS::Key\n`);

/** Parses `bad` next to a valid template; the valid one must always come through. */
function parseNextToGood(bad: ReturnType<typeof source>, limits = {}) {
  const started = performance.now();
  const output = parse([bad, GOOD], limits);
  const millis = performance.now() - started;
  expect(output.resources.map((resource) => resource.id)).toEqual(['good.yaml:Key']);
  expect(output.units.map((unit) => unit.id)).toEqual(['good.yaml']);
  return { problems: output.problems, millis };
}

describe('hostile templates', () => {
  it('stops an alias bomb after maxYamlAliases expansions, at the alias that goes over', () => {
    const levels = ['lol: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 10; level += 1)
      levels.push(
        `l${level}: &l${level} [${Array(9)
          .fill(`*l${level - 1}`)
          .join(', ')}]`,
      );
    const bomb = source('bomb.yaml', `${HEADER}Metadata:\n${levels.map((line) => `  ${line}`).join('\n')}\nResources: {}\n`);
    const { problems, millis } = parseNextToGood(bomb);
    expect(problems).toEqual([{ rule: 'KMS000', message: 'more than 100 YAML alias expansions', location: { file: 'bomb.yaml', startLine: 5, endLine: 5 } }]);
    expect(millis).toBeLessThan(2_000);
  });

  it.each([
    ['flow sequences', `${HEADER}Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      P: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 6],
    ['compact block sequences', `${HEADER}Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Metadata:\n      ${'- '.repeat(10_000)}x\n`, 6],
    ['JSON objects', `{"AWSTemplateFormatVersion": "2010-09-09",\n"Resources": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, 2],
  ])('rejects 10,000-deep %s at the line where the nesting goes too deep', (_kind, text, line) => {
    const { problems, millis } = parseNextToGood(source('deep.yaml', text));
    expect(problems).toEqual([{ rule: 'KMS000', message: 'nesting deeper than 200 levels', location: { file: 'deep.yaml', startLine: line, endLine: line } }]);
    expect(millis).toBeLessThan(2_000);
  });

  it('reports a YAML syntax error with its line', () => {
    const broken = source(
      'broken.yaml',
      `${HEADER}Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: { EnableKeyRotation: true\n  Other:\n    Type: AWS::SQS::Queue\n`,
    );
    const { problems } = parseNextToGood(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^syntax error: /);
    expect(problems[0].location).toEqual({ file: 'broken.yaml', startLine: 6, endLine: 6 });
  });

  it('reports a JSON syntax error with its line', () => {
    const broken = source('broken.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Key": { "Type": "AWS::KMS::Key" \n  }\n');
    const { problems } = parseNextToGood(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^syntax error: /);
    expect(problems[0].location.startLine).toBe(6);
  });

  it.each([
    ['a list', '- AWSTemplateFormatVersion\n- Resources\n', 'not a CloudFormation template: the top level is not a mapping'],
    ['a scalar', 'AWSTemplateFormatVersion\n', 'not a CloudFormation template: the top level is not a mapping'],
    [
      'a mapping without template keys',
      'Resources:\n  Key:\n    Type: Local::Thing\n',
      'not a CloudFormation template: no AWSTemplateFormatVersion and no AWS:: resources',
    ],
  ])('skips a top level that is %s with a problem', (_kind, text, message) => {
    const { problems } = parseNextToGood(source('odd.yaml', text));
    expect(problems).toEqual([{ rule: 'KMS000', message, location: { file: 'odd.yaml', startLine: 1, endLine: 1 } }]);
  });

  it('skips a file over maxFileBytes without parsing it', () => {
    const big = source('big.yaml', `${HEADER}Resources: {}\n${'#'.repeat(2_000)}\n`);
    const { problems } = parseNextToGood(big, { maxFileBytes: 1_000 });
    expect(problems).toEqual([
      { rule: 'KMS000', message: 'template is larger than 1000 bytes; not parsed', location: { file: 'big.yaml', startLine: 1, endLine: 1 } },
    ]);
  });

  it('rejects several YAML documents in one file, at the second one', () => {
    const stream = source('stream.yaml', `${HEADER}Resources: {}\n---\n${HEADER}Resources: {}\n`);
    const { problems } = parseNextToGood(stream);
    expect(problems).toEqual([
      {
        rule: 'KMS000',
        message: 'several YAML documents in one file; a template is one document',
        location: { file: 'stream.yaml', startLine: 3, endLine: 3 },
      },
    ]);
  });

  it('skips a template that exceeds maxEvalSteps', () => {
    const output = parse([fixture('basic/short-form.yaml')], { maxEvalSteps: 50 });
    expect(output.resources).toEqual([]);
    expect(output.units).toEqual([]);
    expect(output.problems).toEqual([
      {
        rule: 'KMS000',
        message: 'more than 50 evaluation steps; template skipped',
        location: { file: 'basic/short-form.yaml', startLine: 1, endLine: 1 },
      },
    ]);
  });

  it('skips a resource without a Type and keeps the others, duplicate keys tolerated (last wins)', () => {
    const text = `${HEADER}Resources:\n  Typeless:\n    Properties: {}\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n      EnableKeyRotation: true\n`;
    const output = parse([source('t.yaml', text)]);
    expect(output.problems).toEqual([
      { rule: 'KMS000', message: 'resource Typeless has no Type; skipped', location: { file: 't.yaml', startLine: 3, endLine: 4 } },
    ]);
    expect(output.resources.map((resource) => [resource.address, resource.attrs])).toEqual([['Key', { EnableKeyRotation: true }]]);
  });
});

describe('Budget', () => {
  it('throws past the step limit', () => {
    const budget = new Budget(3, 1_000);
    budget.tick();
    budget.tick();
    budget.tick();
    expect(() => budget.tick()).toThrow(new BudgetExceeded('more than 3 evaluation steps'));
  });

  it('throws past the time limit, reading the clock every 1024 steps', () => {
    let now = 0;
    const budget = new Budget(1_000_000, 10, () => now);
    now = 11;
    for (let step = 1; step < 1024; step += 1) budget.tick();
    expect(() => budget.tick()).toThrow(new BudgetExceeded('time limit per file exceeded'));
  });
});
