import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type SourceFile } from '../../../src/model/source.js';
import type { ParseContext } from '../../../src/parse/plugin.js';
import { policyFileDocument, policyParser } from '../../../src/parse/policy/index.js';

const FIXTURES = 'fixtures/parse/policy';

/** A fixture as the scanner hands it over: path relative to the scanned folder. */
function fixture(path: string): SourceFile {
  const text = readFileSync(`${FIXTURES}/${path}`, 'utf8');
  return { path, text, size: Buffer.byteLength(text) };
}
function source(path: string, text: string): SourceFile {
  return { path, text, size: Buffer.byteLength(text) };
}
const ctx: ParseContext = {
  files: new Map(),
  limits: DEFAULT_LIMITS,
  scpPaths: ['**/scp/**', '**/scps/**', '**/organizations/**'],
};
const at = (file: string, startLine: number, endLine: number) => ({ file, startLine, endLine });

describe('policyParser.claims', () => {
  it.each([
    ['keys/orders-prod.json', true],
    ['iam/orders-api-kms.json', true],
    ['org/scp/protect-keys.json', true],
    ['iam/s3-read-only.json', true], // claimed by its Statement; dropped at parse (no kms)
    ['cfn/key-stack.json', false], // a CloudFormation template holding a key policy
    ['broken/truncated-key-policy.json', true],
  ])('%s → %s', (path, expected) => {
    expect(policyParser.claims(fixture(path))).toBe(expected);
  });

  it('does not claim plans, .tf.json, non-JSON, or JSON without a Statement', () => {
    const plan = readFileSync('fixtures/parse/plan/prod.tfplan.json', 'utf8');
    expect(policyParser.claims(source('prod.tfplan.json', plan))).toBe(false);
    expect(policyParser.claims(source('main.tf.json', '{"data": {"x": {"Statement": []}}}'))).toBe(false);
    expect(policyParser.claims(source('policy.yaml', 'Statement: []'))).toBe(false);
    expect(policyParser.claims(source('package.json', '{"name": "x", "version": "1.0.0"}'))).toBe(false);
  });
});

describe('policyParser.parse', () => {
  it('reads a key policy with each statement located by Sid, or by index without one', () => {
    const output = policyParser.parse([fixture('keys/orders-prod.json')], ctx);
    expect(output.problems).toEqual([]);
    expect(output.units).toEqual([{ id: 'keys/orders-prod.json', source: 'policy', path: 'keys/orders-prod.json', files: ['keys/orders-prod.json'] }]);
    expect(output.resources).toHaveLength(1);
    const [policy] = output.resources;
    const file = 'keys/orders-prod.json';
    expect(policy).toMatchObject({
      id: 'keys/orders-prod.json:keys/orders-prod.json',
      source: 'policy',
      type: 'policy_file',
      mode: 'managed',
      address: file,
      unit: file,
      tags: {},
      location: at(file, 1, 61),
      attrLocations: {
        Statement: at(file, 4, 60),
        'Statement.EnableRootDelegation': at(file, 5, 11),
        'Statement.KeyAdministrators': at(file, 12, 38),
        'Statement.OrdersServiceUse': at(file, 39, 49),
        'Statement.3': at(file, 50, 59),
      },
    });
    expect(policy.attrs.kind).toBe('key');
    expect(policy.attrs.document).toEqual(JSON.parse(fixture(file).text));

    const normal = policyFileDocument(policy);
    expect(normal.location).toEqual(at(file, 1, 61));
    expect(normal.statements.map((s) => [s.sid, s.location])).toEqual([
      ['EnableRootDelegation', at(file, 5, 11)],
      ['KeyAdministrators', at(file, 12, 38)],
      ['OrdersServiceUse', at(file, 39, 49)],
      [undefined, at(file, 50, 59)],
    ]);
    expect(normal.statements[3]).toMatchObject({
      effect: 'Deny',
      principal: { '*': ['*'] },
      conditions: [
        { operator: 'StringNotEqualsIfExists', base: 'StringNotEquals', ifExists: true, key: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] },
        { operator: 'Bool', base: 'Bool', ifExists: false, key: 'aws:PrincipalIsAWSService', values: ['false'] },
      ],
    });
  });

  it('tells identity policies, SCPs (by path) and non-KMS policies apart', () => {
    const output = policyParser.parse([fixture('iam/orders-api-kms.json'), fixture('org/scp/protect-keys.json'), fixture('iam/s3-read-only.json')], ctx);
    expect(output.problems).toEqual([]);
    expect(output.resources.map((r) => [r.id, r.attrs.kind, r.location, r.attrLocations])).toEqual([
      [
        'iam/orders-api-kms.json:iam/orders-api-kms.json',
        'identity',
        at('iam/orders-api-kms.json', 1, 9),
        { Statement: at('iam/orders-api-kms.json', 3, 8), 'Statement.UseOrdersKey': at('iam/orders-api-kms.json', 3, 8) },
      ],
      [
        'org/scp/protect-keys.json:org/scp/protect-keys.json',
        'scp',
        at('org/scp/protect-keys.json', 1, 22),
        {
          Statement: at('org/scp/protect-keys.json', 3, 21),
          'Statement.DenyKeyDeletion': at('org/scp/protect-keys.json', 4, 12),
          'Statement.1': at('org/scp/protect-keys.json', 13, 20),
        },
      ],
    ]);
    expect(output.units.map((u) => u.id)).toEqual(['iam/orders-api-kms.json', 'org/scp/protect-keys.json']);
  });

  it('calls the same document an identity policy outside the SCP paths', () => {
    const scp = fixture('org/scp/protect-keys.json');
    const output = policyParser.parse([{ ...scp, path: 'iam/protect-keys.json' }], ctx);
    expect(output.resources[0].attrs.kind).toBe('identity');
  });

  it('calls a principal-bearing policy without kms/* actions a resource policy', () => {
    const text = JSON.stringify({
      Statement: [{ Effect: 'Deny', Principal: '*', NotAction: ['kms:Decrypt', 's3:GetObject'], Resource: '*' }],
    });
    const output = policyParser.parse([source('topic-policy.json', text)], ctx);
    expect(output.resources.map((r) => r.attrs.kind)).toEqual(['resource']);
  });

  it('matches kms: actions case-insensitively and keeps a bare "*" action', () => {
    const kms = JSON.stringify({ Statement: { Effect: 'Allow', Action: 'KMS:Decrypt', Resource: '*' } });
    const star = JSON.stringify({ Statement: { Effect: 'Allow', Principal: { AWS: 'a' }, Action: '*', Resource: '*' } });
    const output = policyParser.parse([source('a.json', kms), source('b.json', star)], ctx);
    expect(output.resources.map((r) => [r.address, r.attrs.kind])).toEqual([
      ['a.json', 'identity'],
      ['b.json', 'key'],
    ]);
  });

  it('ignores JSON whose Statement is not top-level', () => {
    const text = '{\n  "Policy": {\n    "Statement": [{"Effect": "Allow", "Action": "kms:*"}]\n  }\n}\n';
    expect(policyParser.parse([source('wrapped.json', text)], ctx)).toEqual({ resources: [], problems: [], units: [] });
  });
});

describe('policyParser.parse: hostile input', () => {
  it('reports malformed JSON with its line and goes on with the next file', () => {
    const output = policyParser.parse([fixture('broken/truncated-key-policy.json'), fixture('iam/orders-api-kms.json')], ctx);
    expect(output.problems).toHaveLength(1);
    expect(output.problems[0].rule).toBe('KMS000');
    expect(output.problems[0].location).toEqual(at('broken/truncated-key-policy.json', 7, 7));
    expect(output.problems[0].message).toBe('invalid JSON: Missing , between flow map items');
    expect(output.resources.map((r) => r.address)).toEqual(['iam/orders-api-kms.json']);
  });

  it('rejects 10,000-deep nesting quickly, at the line where it gets too deep', () => {
    const text = `{"Statement": [\n${'['.repeat(10_000)}${']'.repeat(10_000)}\n]}`;
    const started = performance.now();
    const output = policyParser.parse([source('deep.json', text)], ctx);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(output.resources).toEqual([]);
    expect(output.problems).toEqual([{ rule: 'KMS000', message: 'nesting deeper than 200 levels; not parsed', location: at('deep.json', 2, 2) }]);
  });

  it('does not parse a file over the size cap', () => {
    const text = `{"Statement": [${'{"Effect": "Allow", "Action": "kms:*"},'.repeat(200)}{}]}`;
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 1_000 };
    const output = policyParser.parse([source('big.json', text)], { ...ctx, limits });
    expect(output.problems).toEqual([
      {
        rule: 'KMS000',
        message: `file is ${text.length} bytes, over the 1000-byte limit; not parsed`,
        location: at('big.json', 1, 1),
      },
    ]);
  });

  it('does not let "__proto__" keys pollute prototypes', () => {
    const text = '{"__proto__": {"polluted": true}, "Statement": {"Effect": "Allow", "Action": "kms:*"}}';
    const output = policyParser.parse([source('proto.json', text)], ctx);
    expect(output.resources).toHaveLength(1);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
