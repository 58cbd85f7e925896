import { describe, expect, it } from 'vitest';
import type { AccessEntry, KeyAccess } from '../../src/access/types.js';
import { KMS_ACTION_NAMES } from '../../src/catalog/actions.js';
import { analyseFiles } from '../harness.js';

const ROOT = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

/** A Terraform key whose policy is these statements (plus extra files). */
async function accessOf(statements: object[], extra: Record<string, string> = {}): Promise<KeyAccess> {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  const files = { 'kms.tf': `resource "aws_kms_key" "app" {\n  policy = <<EOF\n${policy}\nEOF\n}\n`, ...extra };
  const { access } = await analyseFiles(files, { rules: [] });
  const result = access.get('.:aws_kms_key.app');
  if (!result) throw new Error('no access for the key');
  return result;
}

function entriesOf(access: KeyAccess, principal: string): AccessEntry[] {
  return access.entries.filter((e) => e.principal.id === principal);
}
const actionsOf = (access: KeyAccess, principal: string) => [...new Set(entriesOf(access, principal).flatMap((e) => e.actions))].sort();

const ROLE = 'arn:aws:iam::111122223333:role/app';

describe('key policy statements', () => {
  it.each([
    ['kms:Get*', ['kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:GetParametersForImport', 'kms:GetPublicKey']],
    ['kms:?ecrypt', ['kms:Decrypt']],
    ['kms:decrypt', ['kms:Decrypt']],
    ['s3:GetObject', []],
  ])('Action %s covers %j', async (action, expected) => {
    const access = await accessOf([ROOT, { Effect: 'Allow', Principal: { AWS: ROLE }, Action: action, Resource: '*' }]);
    expect(actionsOf(access, ROLE)).toEqual(expected);
  });

  it.each([['kms:*'], ['*']])('Action %s covers every KMS action', async (action) => {
    const access = await accessOf([ROOT, { Effect: 'Allow', Principal: { AWS: ROLE }, Action: action, Resource: '*' }]);
    expect(actionsOf(access, ROLE)).toHaveLength(KMS_ACTION_NAMES.length);
    expect(entriesOf(access, ROLE)[0].groups).toEqual(['admin', 'policy', 'grant', 'usage', 'read']);
  });

  it('NotAction covers every KMS action but the listed', async () => {
    const access = await accessOf([
      ROOT,
      { Sid: 'AllButDelete', Effect: 'Allow', Principal: { AWS: ROLE }, NotAction: ['kms:ScheduleKeyDeletion', 'kms:Put*'], Resource: '*' },
    ]);
    const actions = actionsOf(access, ROLE);
    expect(actions).toHaveLength(KMS_ACTION_NAMES.length - 2);
    expect(actions).not.toContain('kms:PutKeyPolicy');
    expect(entriesOf(access, ROLE)[0].via).toMatchObject({ kind: 'key-policy', statement: 'AllButDelete' });
  });

  it('NotPrincipal on an Allow admits anyone', async () => {
    const access = await accessOf([ROOT, { Effect: 'Allow', NotPrincipal: { AWS: ROLE }, Action: 'kms:Decrypt', Resource: '*' }]);
    expect(entriesOf(access, '*')).toMatchObject([{ principal: { kind: 'wildcard' }, actions: ['kms:Decrypt'], via: { statement: '#1' } }]);
  });

  it.each([
    ['an unconditional Deny to the principal removes the actions', { AWS: ROLE }, undefined, ['kms:Encrypt']],
    ['an unconditional Deny to "*" removes them from everyone', '*', undefined, ['kms:Encrypt']],
    ['a Deny with a condition is a guard, not a subtraction', '*', { Bool: { 'aws:SecureTransport': 'false' } }, ['kms:Decrypt', 'kms:Encrypt']],
    ['a Deny with NotPrincipal spares the listed principal', undefined, undefined, ['kms:Decrypt', 'kms:Encrypt']],
  ])('%s', async (_title, principal, condition, expected) => {
    const deny = {
      Sid: 'DenyDecrypt',
      Effect: 'Deny',
      ...(principal ? { Principal: principal } : { NotPrincipal: { AWS: ROLE } }),
      Action: 'kms:Decrypt',
      Resource: '*',
      ...(condition ? { Condition: condition } : {}),
    };
    const access = await accessOf([ROOT, { Effect: 'Allow', Principal: { AWS: ROLE }, Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' }, deny]);
    expect(actionsOf(access, ROLE)).toEqual(expected);
    expect(access.denies.map((d) => d.via)).toMatchObject([{ statement: 'DenyDecrypt' }]);
  });

  it.each([
    ['StringEquals kms:CallerAccount', { StringEquals: { 'kms:CallerAccount': '111122223333' } }, ['kms:CallerAccount']],
    ['StringEqualsIfExists kms:CallerAccount (always present)', { StringEqualsIfExists: { 'kms:CallerAccount': '111122223333' } }, ['kms:CallerAccount']],
    ['StringEqualsIfExists aws:SourceVpce (absent outside a VPC endpoint)', { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, []],
    [
      'ForAnyValue:StringLike kms:EncryptionContextKeys',
      { 'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': 'tenant*' } },
      ['kms:EncryptionContextKeys'],
    ],
    ['StringNotEquals aws:PrincipalOrgID (admits everyone else)', { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }, []],
    ['aws:SourceArn with a concrete ARN', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:alerts' } }, ['aws:SourceArn']],
    ['aws:SourceArn with a pattern', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, []],
    ['Bool kms:GrantIsForAWSResource true', { Bool: { 'kms:GrantIsForAWSResource': 'true' } }, ['kms:GrantIsForAWSResource']],
    ['aws:SecureTransport (does not narrow who)', { Bool: { 'aws:SecureTransport': 'true' } }, []],
  ])('condition %s', async (_title, condition, expected) => {
    const access = await accessOf([ROOT, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: condition }]);
    const [entry] = entriesOf(access, '*');
    expect(entry.restrictedBy).toEqual(expected);
    expect(entry.conditions).toHaveLength(1);
  });

  it.each([
    ['111122223333', { kind: 'account', id: 'arn:aws:iam::111122223333:root', account: '111122223333' }],
    ['arn:aws:iam::444455556666:root', { kind: 'account', account: '444455556666' }],
    ['arn:aws:sts::444455556666:assumed-role/ops/jane', { kind: 'iam', account: '444455556666' }],
  ])('AWS principal %s', async (principal, expected) => {
    const access = await accessOf([ROOT, { Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:Decrypt', Resource: '*' }]);
    expect(access.entries.at(-1)?.principal).toMatchObject(expected);
  });

  it('service and federated principals', async () => {
    const access = await accessOf([
      ROOT,
      { Effect: 'Allow', Principal: { Service: 'logs.eu-west-1.amazonaws.com' }, Action: 'kms:Encrypt*', Resource: '*' },
      { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*' },
    ]);
    expect(access.entries.map((e) => e.principal.kind)).toEqual(['account', 'service', 'federated']);
  });
});

describe('principals by reference and unknown principals', () => {
  it('a role given by reference keeps its address and resource id', async () => {
    const { access } = await analyseFiles(
      {
        'main.tf': `resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = "{}"
}
resource "aws_kms_key" "app" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "App", Effect = "Allow", Principal = { AWS = aws_iam_role.app.arn }, Action = ["kms:Decrypt"], Resource = "*" },
    ]
  })
}
`,
      },
      { rules: [] },
    );
    const app = access.get('.:aws_kms_key.app')?.entries.find((e) => e.via.kind === 'key-policy' && e.via.statement === 'App');
    expect(app?.principal).toEqual({ kind: 'iam', id: 'aws_iam_role.app', resource: '.:aws_iam_role.app' });
  });

  it('a principal from a variable without default is an unknown, not an entry', async () => {
    const { access } = await analyseFiles(
      {
        'main.tf': `variable "reader_arn" {}
resource "aws_kms_key" "app" {
  policy = jsonencode({
    Statement = [
      { Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "Reader", Effect = "Allow", Principal = { AWS = var.reader_arn }, Action = "kms:Decrypt", Resource = "*" },
    ]
  })
}
`,
      },
      { rules: [] },
    );
    const key = access.get('.:aws_kms_key.app');
    expect(key?.entries.map((e) => e.principal.id)).toEqual(['arn:aws:iam::111122223333:root']);
    expect(key?.unknowns.join('\n')).toContain('Reader');
  });

  it('a CloudFormation root with ${AWS::AccountId} is the account root: delegation to IAM', async () => {
    const { access } = await analyseFiles(
      {
        'template.yaml': `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: Root
            Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root"
            Action: kms:*
            Resource: "*"
`,
      },
      { rules: [] },
    );
    const key = access.get('template.yaml:Key');
    expect(key?.delegatesToIam).toBe(true);
    expect(key?.entries[0].principal).toMatchObject({ kind: 'account', id: 'arn:aws:iam::${AWS::AccountId}:root' });
  });
});

const IAM = `resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = "{}"
}
resource "aws_iam_policy" "use_key" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "UseKey", Effect = "Allow", Action = ["kms:Decrypt"], Resource = aws_kms_key.app.arn }]
  })
}
resource "aws_iam_role_policy_attachment" "use_key" {
  role       = aws_iam_role.worker.name
  policy_arn = aws_iam_policy.use_key.arn
}
`;

describe('IAM delegation', () => {
  it('with the root statement, identity policies on the key ARN give access to their holders', async () => {
    const access = await accessOf([ROOT], { 'iam.tf': IAM });
    expect(access.delegatesToIam).toBe(true);
    expect(entriesOf(access, 'aws_iam_role.worker')).toMatchObject([
      {
        actions: ['kms:Decrypt'],
        via: { kind: 'iam', policy: '.:aws_iam_policy.use_key', statement: 'UseKey' },
        principal: { resource: '.:aws_iam_role.worker' },
      },
    ]);
  });

  it('without the root statement, identity policies give nothing', async () => {
    const access = await accessOf(
      [{ Sid: 'AdminsOnly', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/admin' }, Action: 'kms:*', Resource: '*' }],
      {
        'iam.tf': IAM,
      },
    );
    expect(access.delegatesToIam).toBe(false);
    expect(entriesOf(access, 'aws_iam_role.worker')).toEqual([]);
  });

  it('a key without a policy has the default one: the root, and IAM', async () => {
    const { access } = await analyseFiles({ 'kms.tf': 'resource "aws_kms_key" "app" {}\n', 'iam.tf': IAM }, { rules: [] });
    const key = access.get('.:aws_kms_key.app');
    expect(key?.delegatesToIam).toBe(true);
    expect(key?.entries.map((e) => [e.principal.kind, e.via.kind === 'iam' ? e.via.policy : e.via.kind])).toEqual([
      ['account', 'key-policy'],
      ['iam', '.:aws_iam_policy.use_key'],
    ]);
  });

  it('an alias condition that names another key does not reach this one', async () => {
    const policy = `resource "aws_iam_role_policy" "other" {
  role   = aws_iam_role.worker.name
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*", Condition = { StringEquals = { "kms:ResourceAliases" = "alias/other-prod" } } }]
  })
}
resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = "{}"
}
resource "aws_kms_alias" "app" {
  name          = "alias/app-prod"
  target_key_id = aws_kms_key.app.key_id
}
`;
    const access = await accessOf([ROOT], { 'iam.tf': policy });
    expect(entriesOf(access, 'aws_iam_role.worker')).toEqual([]);
  });

  it('CloudFormation role policies reach a key by !GetAtt', async () => {
    const { access } = await analyseFiles(
      {
        'template.yaml': `Resources:
  Key:
    Type: AWS::KMS::Key
  Worker:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      Policies:
        - PolicyName: kms
          PolicyDocument:
            Statement:
              - Sid: Use
                Effect: Allow
                Action: kms:Decrypt
                Resource: !GetAtt Key.Arn
`,
      },
      { rules: [] },
    );
    expect(access.get('template.yaml:Key')?.entries.find((e) => e.via.kind === 'iam')).toMatchObject({
      principal: { kind: 'iam', id: 'Worker', resource: 'template.yaml:Worker' },
      actions: ['kms:Decrypt'],
    });
  });
});

describe('grants and SCPs', () => {
  it('a grant becomes an entry with its constraints as conditions', async () => {
    const grant = `resource "aws_kms_grant" "etl" {
  key_id            = aws_kms_key.app.key_id
  grantee_principal = "arn:aws:iam::444455556666:role/etl"
  operations        = ["Decrypt", "DescribeKey"]
  constraints {
    encryption_context_equals = { pipeline = "etl" }
  }
}
`;
    const access = await accessOf([ROOT], { 'grants.tf': grant });
    expect(entriesOf(access, 'arn:aws:iam::444455556666:role/etl')).toMatchObject([
      {
        actions: ['kms:Decrypt', 'kms:DescribeKey'],
        via: { kind: 'grant', grant: '.:aws_kms_grant.etl' },
        conditions: [{ operator: 'StringEquals', key: 'kms:EncryptionContext:pipeline', values: ['etl'] }],
        restrictedBy: ['kms:EncryptionContext:pipeline'],
      },
    ]);
  });

  it('an unconditional SCP Deny bounds account and IAM principals but not services', async () => {
    const scp = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'NoDeletion', Effect: 'Deny', Action: ['kms:ScheduleKeyDeletion', 'kms:Decrypt'], Resource: '*' }],
    });
    const access = await accessOf(
      [ROOT, { Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*' }],
      { 'scps/no-deletion.json': scp },
    );
    expect(actionsOf(access, 'arn:aws:iam::111122223333:root')).not.toContain('kms:ScheduleKeyDeletion');
    expect(actionsOf(access, 'logs.amazonaws.com')).toEqual(['kms:Decrypt']);
    expect(access.unknowns.join('\n')).toContain('assumed to apply to every account');
  });
});
