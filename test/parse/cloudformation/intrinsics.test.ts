import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/model/types.js';
import { parse, source } from './helpers.js';

const SECTIONS = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
  Name:
    Type: String
    Default: orders
  Free:
    Type: String
  Zones:
    Type: List<AWS::EC2::AvailabilityZone::Name>
    Default: eu-west-1a,eu-west-1b
  Ami:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /images/base
Mappings:
  Sizes:
    dev: { Class: small, Count: 1 }
    prod: { Class: large, Count: 3 }
Resources:
  Key:
    Type: AWS::KMS::Key
  Subject:
    Type: AWS::SQS::Queue
    Properties:
`;

/** The evaluated property `P` of a resource, `P` written as YAML (indented under Properties). */
function evaluate(yaml: string): Value | undefined {
  const output = parse([source('t.yaml', `${SECTIONS}      P: ${yaml}\n`)]);
  expect(output.problems).toEqual([]);
  return output.resources.find((resource) => resource.address === 'Subject')?.attrs.P;
}

const key = (attr: string) => ({ $kind: 'ref', unit: 't.yaml', address: 'Key', attr });

describe('Ref', () => {
  it.each([
    ['!Ref Key', key('Ref')],
    ['!Ref Name', 'orders'],
    ['!Ref Zones', ['eu-west-1a', 'eu-west-1b']],
    ['!Ref Env', { $kind: 'oneOf', options: ['dev', 'prod'], reason: 'parameter Env AllowedValues' }],
    ['!Ref Free', { $kind: 'unknown', expr: '${Free}', reason: 'parameter Free has no default' }],
    ['!Ref Ami', { $kind: 'unknown', expr: '${Ami}', reason: 'parameter Ami is read from SSM parameter /images/base at deploy time' }],
    ['!Ref AWS::Partition', 'aws'],
    ['!Ref AWS::URLSuffix', 'amazonaws.com'],
    ['!Ref AWS::StackName', { $kind: 'unknown', expr: '${AWS::StackName}', reason: 'pseudo parameter AWS::StackName is known only at deploy time' }],
    ['!Ref Missing', { $kind: 'unknown', expr: '${Missing}', reason: 'Missing is neither a parameter nor a resource of the template' }],
    ['{ Ref: [Key] }', { $kind: 'unknown', expr: '!Ref [Key]', reason: 'malformed intrinsic: Ref needs a name' }],
  ])('%s', (yaml, expected) => {
    expect(evaluate(yaml)).toEqual(expected);
  });

  it('removes a property that is AWS::NoValue, and list items that are', () => {
    expect(evaluate('!Ref AWS::NoValue')).toBeUndefined();
    expect(evaluate('[a, !Ref AWS::NoValue, b]')).toEqual(['a', 'b']);
  });
});

describe('Fn::GetAtt', () => {
  it.each([
    ['!GetAtt Key.Arn', key('Arn')],
    ['!GetAtt [Key, KeyId]', key('KeyId')],
    ['!GetAtt Key.Nested.Attr', key('Nested.Attr')],
    ["{ 'Fn::GetAtt': [Key, !Ref Name] }", key('orders')],
    ['!GetAtt Ghost.Arn', { $kind: 'unknown', expr: '${Ghost.Arn}', reason: 'Ghost is not a resource of the template' }],
    ['!GetAtt KeyArn', { $kind: 'unknown', expr: '!GetAtt KeyArn', reason: 'malformed intrinsic: Fn::GetAtt needs Resource.Attribute' }],
  ])('%s', (yaml, expected) => {
    expect(evaluate(yaml)).toEqual(expected);
  });
});

describe('Fn::Sub', () => {
  it.each([
    ["!Sub 'alias/${Name}-key'", 'alias/orders-key'],
    ["!Sub '${Key.Arn}'", key('Arn')],
    ["!Sub '${Key}'", key('Ref')],
    ["!Sub 'literal ${!Name} and ${AWS::Partition}'", 'literal ${Name} and aws'],
    ["!Sub ['${A}-${B}', { A: x, B: !Ref Name }]", 'x-orders'],
    ["!Sub 'alias/app-${Env}'", { $kind: 'oneOf', options: ['alias/app-dev', 'alias/app-prod'], reason: 'parameter Env AllowedValues' }],
    [
      "!Sub 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}'",
      {
        $kind: 'unknown',
        expr: 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}',
        reason: 'Fn::Sub with values not known statically: AWS::Region, AWS::AccountId, Key',
        refs: [key('Ref')],
      },
    ],
    ['!Sub [42]', { $kind: 'unknown', expr: '!Sub [42]', reason: 'malformed intrinsic: Fn::Sub needs a template string' }],
  ])('%s', (yaml, expected) => {
    expect(evaluate(yaml)).toEqual(expected);
  });
});

describe('Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::GetAZs', () => {
  it.each([
    ["!Join [':', [a, !Ref Name, 3]]", 'a:orders:3'],
    [
      "!Join ['', [!GetAtt Key.Arn, '/x']]",
      { $kind: 'unknown', expr: '${Key.Arn}/x', reason: 'Fn::Join over values not known statically', refs: [key('Arn')] },
    ],
    ["!Join [',', !Ref Zones]", 'eu-west-1a,eu-west-1b'],
    ['!Select [1, [a, b, c]]', 'b'],
    ["!Select ['0', !Ref Zones]", 'eu-west-1a'],
    ['!Select [5, [a]]', { $kind: 'unknown', expr: '!Select [5, [a]]', reason: 'Fn::Select index 5 is outside a list of 1' }],
    ["!Split ['/', 'a/b']", ['a', 'b']],
    ['!Base64 hello', 'aGVsbG8='],
    ["!GetAZs ''", { $kind: 'unknown', expr: "!GetAZs ''", reason: 'Fn::GetAZs depends on the deploy region' }],
    ['!Cidr [10.0.0.0/16, 4, !Ref Name]', { $kind: 'unknown', expr: '!Cidr [10.0.0.0/16, 4, !Ref Name]', reason: 'Fn::Cidr is not evaluated statically' }],
    [
      '!Transform { Name: AWS::Include, Parameters: { Location: !Sub "s3://${Name}/x.yaml" } }',
      {
        $kind: 'unknown',
        expr: '!Transform {Name: AWS::Include, Parameters: {Location: !Sub s3://${Name}/x.yaml}}',
        reason: 'Fn::Transform is not evaluated statically',
      },
    ],
    [
      '!Or [!Condition IsProd, !Not [!Equals [!Ref Name, x]], !And [!Equals [a, a]]]',
      {
        $kind: 'unknown',
        expr: '!Or [!Condition IsProd, !Not [!Equals …], !And [!Equals …]]', // quoted expressions are elided past 4 levels
        reason: 'Fn::Or is not evaluated statically',
      },
    ],
  ])('%s', (yaml, expected) => {
    expect(evaluate(yaml)).toEqual(expected);
  });
});

describe('Fn::If and Fn::FindInMap', () => {
  it.each([
    ['!If [IsProd, !Ref Key, !Ref AWS::NoValue]', { $kind: 'oneOf', options: [key('Ref'), null], reason: 'Fn::If IsProd' }],
    ['!If [IsProd, big, small]', { $kind: 'oneOf', options: ['big', 'small'], reason: 'Fn::If IsProd' }],
    ['!FindInMap [Sizes, prod, Class]', 'large'],
    ['!FindInMap [Sizes, !Ref Env, Count]', { $kind: 'oneOf', options: [1, 3], reason: 'Fn::FindInMap Sizes by parameter Env AllowedValues' }],
    [
      '!FindInMap [Sizes, !Ref AWS::Region, Class]',
      {
        $kind: 'unknown',
        expr: '!FindInMap [Sizes, !Ref AWS::Region, Class]',
        reason: 'Fn::FindInMap Sizes: keys not known statically',
      },
    ],
    ['!FindInMap [Sizes, qa, Class]', { $kind: 'unknown', expr: '!FindInMap [Sizes, qa, Class]', reason: 'Fn::FindInMap Sizes: no entry for qa.Class' }],
    ['!FindInMap [Nope, prod, Class]', { $kind: 'unknown', expr: '!FindInMap [Nope, prod, Class]', reason: 'Fn::FindInMap: no mapping Nope' }],
  ])('%s', (yaml, expected) => {
    expect(evaluate(yaml)).toEqual(expected);
  });
});

describe('mappings that are not intrinsics', () => {
  it('treats a Condition key as data (policy statements have one)', () => {
    expect(evaluate('{ Condition: { StringEquals: { "kms:ViaService": s3.eu-west-1.amazonaws.com } } }')).toEqual({
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    });
  });

  it('keeps a __proto__ key as data and drops a $kind key that would pose as a Ref', () => {
    const value = evaluate('{ __proto__: { polluted: true }, $kind: ref, address: Key }');
    expect(Object.keys(value as object)).toEqual(['__proto__', 'address']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
