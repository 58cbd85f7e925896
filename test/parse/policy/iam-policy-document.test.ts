import { describe, expect, it } from 'vitest';
import type { Ref, Unknown, Value } from '../../../src/model/types.js';
import { policyJsonFromDocument } from '../../../src/parse/policy/iam-policy-document.js';
import { normalizePolicy, UNRESOLVED } from '../../../src/parse/policy/normalize.js';

const none = { sourcePolicyDocuments: [], overridePolicyDocuments: [] };
const roleArn: Unknown = { $kind: 'unknown', expr: 'var.app_role_arn', reason: 'variable app_role_arn has no default' };
const keyArn: Ref = { $kind: 'ref', unit: 'envs/prod', address: 'aws_kms_key.main', attr: 'arn' };

describe('policyJsonFromDocument: statement blocks', () => {
  it('converts a key policy document with the provider defaults and merges', () => {
    const attrs: Record<string, Value> = {
      statement: [
        {
          sid: 'Root',
          actions: ['kms:*'],
          resources: ['*'],
          principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111122223333:root'] }],
        },
        {
          sid: 'AppUse',
          effect: 'Allow',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          principals: [
            { type: 'AWS', identifiers: ['arn:aws:iam::111122223333:role/a'] },
            { type: 'Service', identifiers: ['logs.eu-west-1.amazonaws.com'] },
            { type: 'AWS', identifiers: [roleArn] },
          ],
          condition: [
            { test: 'StringEquals', variable: 'kms:ViaService', values: ['s3.eu-west-1.amazonaws.com'] },
            { test: 'StringEquals', variable: 'kms:ViaService', values: ['sqs.eu-west-1.amazonaws.com'] },
            { test: 'StringEquals', variable: 'kms:CallerAccount', values: ['111122223333'] },
            { test: 'ForAnyValue:StringLike', variable: 'kms:EncryptionContextKeys', values: ['tenant*'] },
          ],
        },
        {
          effect: 'Deny',
          not_actions: ['kms:Decrypt'],
          not_resources: [keyArn],
          not_principals: [{ type: 'Service', identifiers: ['s3.amazonaws.com'] }],
          sid: '',
          actions: [],
          principals: [],
          condition: [],
        },
      ],
    };
    expect(policyJsonFromDocument(attrs, none)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Root',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
          Action: ['kms:*'],
          Resource: ['*'],
        },
        {
          Sid: 'AppUse',
          Effect: 'Allow',
          Principal: {
            AWS: ['arn:aws:iam::111122223333:role/a', roleArn],
            Service: ['logs.eu-west-1.amazonaws.com'],
          },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: ['*'],
          Condition: {
            StringEquals: {
              'kms:ViaService': ['s3.eu-west-1.amazonaws.com', 'sqs.eu-west-1.amazonaws.com'],
              'kms:CallerAccount': ['111122223333'],
            },
            'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': ['tenant*'] },
          },
        },
        {
          Effect: 'Deny',
          NotPrincipal: { Service: ['s3.amazonaws.com'] },
          NotAction: ['kms:Decrypt'],
          NotResource: [keyArn],
        },
      ],
    });
  });

  it('turns the type "*" / identifiers ["*"] principal into "Principal": "*"', () => {
    const doc = policyJsonFromDocument({ statement: [{ actions: ['kms:Decrypt'], principals: [{ type: '*', identifiers: ['*'] }] }] }, none);
    expect(doc).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt'] }] });
    expect(normalizePolicy(doc).statements[0].principal).toEqual({ '*': ['*'] });
  });

  it('keeps version, policy_id and unknown pieces (dynamic blocks, unknown types)', () => {
    const dynamicBlock: Unknown = { $kind: 'unknown', expr: 'dynamic "statement"', reason: 'for_each over var.extra' };
    const doc = policyJsonFromDocument(
      {
        version: '2008-10-17',
        policy_id: 'key-policy',
        statement: [
          dynamicBlock,
          {
            actions: roleArn,
            principals: [{ type: roleArn, identifiers: ['x'] }],
            condition: [{ test: 'StringEquals', variable: roleArn, values: roleArn }],
          },
        ],
      },
      none,
    );
    expect(doc).toEqual({
      Version: '2008-10-17',
      Id: 'key-policy',
      Statement: [
        dynamicBlock,
        {
          Effect: 'Allow',
          Principal: { [UNRESOLVED]: ['x'] },
          Action: roleArn,
          Condition: { StringEquals: { [UNRESOLVED]: [roleArn] } },
        },
      ],
    });
    expect(normalizePolicy(doc).unknown).toBe('Statement 0: for_each over var.extra');
  });

  it('returns the Unknown when the statement blocks as a whole are unknown', () => {
    expect(policyJsonFromDocument({ statement: roleArn }, none)).toBe(roleArn);
    expect(policyJsonFromDocument({ statement: keyArn }, none)).toEqual({
      $kind: 'unknown',
      expr: 'aws_kms_key.main.arn',
      reason: 'statement blocks are not known',
      refs: [keyArn],
    });
  });

  it('gives an empty statement list when there are no statement blocks', () => {
    expect(policyJsonFromDocument({}, none)).toEqual({ Version: '2012-10-17', Statement: [] });
  });
});

describe('policyJsonFromDocument: source and override documents', () => {
  const base = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Admins', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:role/admin' }, Action: 'kms:Put*', Resource: '*' },
      { Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
    ],
  });
  const override: { Statement: Value[] } = {
    Statement: [
      { Sid: 'Admins', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:role/ops' }, Action: 'kms:Put*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:role/audit' }, Action: 'kms:DescribeKey', Resource: '*' },
    ],
  };

  it('puts source statements first, replaced in place by same-Sid statements, then applies overrides', () => {
    const doc = policyJsonFromDocument(
      { statement: [{ sid: 'Root', actions: ['kms:*'], principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::2:root'] }] }, { actions: ['kms:Encrypt'] }] },
      { sourcePolicyDocuments: [base], overridePolicyDocuments: [override] },
    );
    expect(doc).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::2:root'] }, Action: ['kms:*'] },
        override.Statement[0],
        { Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
        { Effect: 'Allow', Action: ['kms:Encrypt'] },
        override.Statement[1],
      ],
    });
  });

  it('lets a later override replace an earlier override with the same Sid', () => {
    const first = { Statement: { Sid: 'X', Effect: 'Allow', Action: 'kms:Decrypt' } };
    const second = { Statement: [{ Sid: 'X', Effect: 'Deny', Action: 'kms:Decrypt' }] };
    expect(policyJsonFromDocument({}, { sourcePolicyDocuments: [], overridePolicyDocuments: [first, second] })).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'X', Effect: 'Deny', Action: 'kms:Decrypt' }],
    });
  });

  it('keeps an unknown or unreadable source document as one unknown statement', () => {
    const doc = policyJsonFromDocument(
      { statement: [{ actions: ['kms:Decrypt'] }] },
      { sourcePolicyDocuments: [roleArn, '{"Statement": ['], overridePolicyDocuments: [] },
    );
    expect(doc).toEqual({
      Version: '2012-10-17',
      Statement: [
        roleArn,
        { $kind: 'unknown', expr: '{"Statement": [', reason: 'policy document is not valid JSON' },
        { Effect: 'Allow', Action: ['kms:Decrypt'] },
      ],
    });
    const normal = normalizePolicy(doc);
    expect(normal.statements).toHaveLength(1);
    expect(normal.unknown).toBe('Statement 0: variable app_role_arn has no default; Statement 1: policy document is not valid JSON');
  });
});
