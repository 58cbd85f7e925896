import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../src/model/policy.js';
import type { OneOf, Ref, Unknown, Value } from '../../../src/model/types.js';
import { normalizePolicy, parseOperator, policyProblems, statementKeys, UNRESOLVED } from '../../../src/parse/policy/normalize.js';

const unknownArn: Unknown = { $kind: 'unknown', expr: 'var.admin_arn', reason: 'variable admin_arn has no default' };
const keyRef: Ref = { $kind: 'ref', unit: 'envs/prod', address: 'aws_kms_key.main', attr: 'arn' };
const loc = (startLine: number, endLine: number) => ({ file: 'p.json', startLine, endLine });

/** The one statement of a document made of `statement`. */
function only(statement: Value): Statement {
  const doc = normalizePolicy({ Version: '2012-10-17', Statement: statement });
  expect(doc.statements).toHaveLength(1);
  return doc.statements[0];
}

describe('normalizePolicy: single value vs list, principals, Not*', () => {
  it.each<[string, Value, Partial<Statement>]>([
    [
      'single strings become lists',
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'kms:*', Resource: '*' },
      { effect: 'Allow', principal: { AWS: ['arn:aws:iam::1:root'] }, action: ['kms:*'], resource: ['*'], conditions: [] },
    ],
    [
      'lists stay lists',
      { Effect: 'Deny', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: ['a', 'b'] },
      { effect: 'Deny', action: ['kms:Decrypt', 'kms:Encrypt'], resource: ['a', 'b'], conditions: [] },
    ],
    ['bare "*" principal', { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt' }, { principal: { '*': ['*'] } }],
    ['{"AWS": "*"} is kept as written', { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt' }, { principal: { AWS: ['*'] } }],
    [
      'NotPrincipal, NotAction, NotResource',
      { Effect: 'Deny', NotPrincipal: { Service: 'logs.amazonaws.com' }, NotAction: 'kms:Decrypt', NotResource: 'arn:x' },
      { effect: 'Deny', notPrincipal: { Service: ['logs.amazonaws.com'] }, notAction: ['kms:Decrypt'], notResource: ['arn:x'] },
    ],
    [
      'several principal types',
      { Effect: 'Allow', Principal: { AWS: ['a', 'b'], Service: 's3.amazonaws.com' }, Action: '*' },
      { principal: { AWS: ['a', 'b'], Service: ['s3.amazonaws.com'] }, action: ['*'] },
    ],
    [
      'Unknown and Ref values stay inside the lists',
      { Effect: 'Allow', Principal: { AWS: [unknownArn, 'arn:aws:iam::1:role/x'] }, Action: 'kms:Decrypt', Resource: keyRef },
      { principal: { AWS: [unknownArn, 'arn:aws:iam::1:role/x'] }, resource: [keyRef] },
    ],
    [
      'a wholly unknown principal is kept under UNRESOLVED',
      { Effect: 'Allow', Principal: unknownArn, Action: 'kms:*' },
      { principal: { [UNRESOLVED]: [unknownArn] } },
    ],
    ['an unknown Effect is kept as a value', { Effect: unknownArn, Action: 'kms:*' }, { effect: unknownArn }],
    ['a missing Effect is null', { Action: 'kms:*' }, { effect: null }],
    ['null elements count as absent', { Effect: 'Allow', Action: 'kms:*', Condition: null, Resource: null }, { conditions: [] }],
  ])('%s', (_name, statement, expected) => {
    expect(only(statement)).toMatchObject(expected);
  });

  it('gives a OneOf principal the union of both branches', () => {
    const principal: OneOf = { $kind: 'oneOf', reason: 'Fn::If IsProd', options: [{ AWS: 'a' }, { AWS: 'b', Service: 's' }] };
    expect(only({ Effect: 'Allow', Principal: principal, Action: 'kms:*' }).principal).toEqual({ AWS: ['a', 'b'], Service: ['s'] });
  });

  it('keeps Sid, Version, and the statement locations by index', () => {
    const doc = normalizePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'A', Effect: 'Allow', Action: 'kms:*' },
          { Effect: 'Deny', Action: '*' },
        ],
      },
      loc(1, 20),
      [loc(3, 8), loc(9, 14)],
    );
    expect(doc).toEqual({
      version: '2012-10-17',
      location: loc(1, 20),
      statements: [
        { sid: 'A', effect: 'Allow', action: ['kms:*'], conditions: [], location: loc(3, 8) },
        { effect: 'Deny', action: ['*'], conditions: [], location: loc(9, 14) },
      ],
    });
  });

  it('accepts a single statement object and a JSON string', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' } });
    expect(normalizePolicy(text)).toEqual({
      version: '2012-10-17',
      statements: [{ effect: 'Allow', action: ['kms:Decrypt'], resource: ['*'], conditions: [] }],
    });
  });
});

describe('normalizePolicy: conditions', () => {
  it('splits operators and keys, parsing ForAnyValue/ForAllValues and IfExists', () => {
    const statement = only({
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Condition: {
        StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': ['s3.eu-west-1.amazonaws.com'] },
        'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': 'tenant*' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] },
        ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::b' },
        'ForAnyValue:StringEqualsIgnoreCaseIfExists': { 'Aws:PrincipalTag/Team': unknownArn },
        Null: { 'aws:TokenIssueTime': 'false' },
      },
    });
    expect(statement.conditions).toEqual([
      { operator: 'StringEquals', base: 'StringEquals', ifExists: false, key: 'kms:CallerAccount', values: ['111122223333'] },
      { operator: 'StringEquals', base: 'StringEquals', ifExists: false, key: 'kms:ViaService', values: ['s3.eu-west-1.amazonaws.com'] },
      {
        operator: 'ForAnyValue:StringLike',
        base: 'StringLike',
        ifExists: false,
        setOperator: 'ForAnyValue',
        key: 'kms:EncryptionContextKeys',
        values: ['tenant*'],
      },
      { operator: 'ForAllValues:StringEquals', base: 'StringEquals', ifExists: false, setOperator: 'ForAllValues', key: 'aws:TagKeys', values: ['a', 'b'] },
      { operator: 'ArnLikeIfExists', base: 'ArnLike', ifExists: true, key: 'aws:SourceArn', values: ['arn:aws:s3:::b'] },
      {
        operator: 'ForAnyValue:StringEqualsIgnoreCaseIfExists',
        base: 'StringEqualsIgnoreCase',
        ifExists: true,
        setOperator: 'ForAnyValue',
        key: 'Aws:PrincipalTag/Team',
        values: [unknownArn],
      },
      { operator: 'Null', base: 'Null', ifExists: false, key: 'aws:TokenIssueTime', values: ['false'] },
    ]);
  });

  it('keeps a wholly unknown condition block, or operator block, as UNRESOLVED', () => {
    expect(only({ Effect: 'Allow', Action: 'kms:*', Condition: unknownArn }).conditions).toEqual([
      { operator: UNRESOLVED, base: UNRESOLVED, ifExists: false, key: UNRESOLVED, values: [unknownArn] },
    ]);
    expect(only({ Effect: 'Allow', Action: 'kms:*', Condition: { StringEquals: unknownArn } }).conditions).toEqual([
      { operator: 'StringEquals', base: 'StringEquals', ifExists: false, key: UNRESOLVED, values: [unknownArn] },
    ]);
  });

  it.each([
    ['IfExists', { operator: 'IfExists', base: 'IfExists', ifExists: false }],
    ['forallvalues:StringLike', { operator: 'forallvalues:StringLike', base: 'StringLike', ifExists: false, setOperator: 'ForAllValues' }],
    ['Foo:StringLike', { operator: 'Foo:StringLike', base: 'Foo:StringLike', ifExists: false }],
  ])('parses the odd operator %s', (operator, expected) => {
    expect(parseOperator(operator)).toEqual(expected);
  });
});

describe('normalizePolicy: unknown documents', () => {
  it.each<[string, Value, string]>([
    ['a wholly Unknown document', unknownArn, 'variable admin_arn has no default'],
    ['a Ref', keyRef, 'depends on aws_kms_key.main.arn'],
    ['a OneOf', { $kind: 'oneOf', options: ['{}', '{}'], reason: 'Fn::If IsProd' }, 'one of several documents (Fn::If IsProd)'],
    ['an Unknown Statement', { Statement: unknownArn }, 'Statement variable admin_arn has no default'],
  ])('%s has no statements and says why', (_name, doc, reason) => {
    expect(normalizePolicy(doc)).toEqual({ statements: [], unknown: reason });
  });

  it('keeps the known statements of a partly unknown document', () => {
    const doc = normalizePolicy({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt' }, unknownArn] });
    expect(doc.statements).toEqual([{ effect: 'Allow', action: ['kms:Decrypt'], conditions: [] }]);
    expect(doc.unknown).toBe('Statement 1: variable admin_arn has no default');
  });

  it('gives malformed documents no statements and no unknown', () => {
    expect(normalizePolicy('{"Statement": [')).toEqual({ statements: [] });
    expect(normalizePolicy(42)).toEqual({ statements: [] });
  });
});

describe('policyProblems', () => {
  it('finds nothing wrong in a well-formed key policy', () => {
    expect(
      policyProblems({
        Version: '2012-10-17',
        Id: 'key-policy',
        Statement: [
          { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'kms:*', Resource: '*' },
          { Effect: 'Deny', Principal: '*', NotAction: 'kms:Decrypt', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      }),
    ).toEqual([]);
  });

  it('reports each structural problem with the statement it is in', () => {
    expect(
      policyProblems({
        Version: '2020-01-01',
        Statements: [],
        Statement: [
          { Sid: 'Both', Effect: 'Allow', Action: 'kms:*', NotAction: 'kms:Decrypt', Resource: '*', NotResource: 'x' },
          { Effect: 'allow', Principal: 'arn:aws:iam::1:root', Resource: '*' },
          { Sid: 'Both', Principal: { AWS: 'a', User: 'b' }, NotPrincipal: { AWS: 'c' }, Action: 'kms:*', Condition: { StringEquals: 'x' } },
          { Effect: 'Allow', Action: 'kms:*', Condition: ['x'], Resources: '*' },
          'not a statement',
        ],
      }),
    ).toEqual([
      'unknown top-level element "Statements"',
      'Version "2020-01-01" is not 2012-10-17 or 2008-10-17',
      'Statement.Both: has both Action and NotAction',
      'Statement.Both: has both Resource and NotResource',
      'Statement.1: Effect "allow" is not "Allow" or "Deny"',
      'Statement.1: has neither Action nor NotAction',
      'Statement.1: Principal must be "*" or an object of principal types',
      'Statement.2: duplicate Sid "Both"',
      'Statement.2: no Effect',
      'Statement.2: has both Principal and NotPrincipal',
      'Statement.2: Principal has unknown principal type "User"',
      'Statement.2: Condition operator "StringEquals" does not map condition keys to values',
      'Statement.3: unknown element "Resources"',
      'Statement.3: Condition is not an object',
      'Statement.4: not an object',
    ]);
  });

  it.each<[string, Value, string[]]>([
    ['no Statement', { Version: '2012-10-17' }, ['no Statement']],
    ['not JSON', '{"Version": ', ['policy is not valid JSON: Unexpected end of JSON input']],
    ['not an object', ['a'], ['policy document is not a JSON object']],
    ['wholly unknown', unknownArn, []],
    ['unknown parts are not judged', { Statement: [unknownArn, { Effect: unknownArn, Action: 'kms:*', Principal: keyRef, Condition: unknownArn }] }, []],
  ])('%s', (_name, doc, expected) => {
    expect(policyProblems(doc)).toEqual(expected);
  });
});

describe('statementKeys', () => {
  it('names statements by Sid, and by index when there is none or it repeats', () => {
    expect(statementKeys([{ Sid: 'A' }, {}, { Sid: '' }, { Sid: 'A' }, 'x', { Sid: 'B' }])).toEqual([
      'Statement.A',
      'Statement.1',
      'Statement.2',
      'Statement.3',
      'Statement.4',
      'Statement.B',
    ]);
    expect(statementKeys({ Sid: 'Only' })).toEqual(['Statement.Only']);
  });
});
