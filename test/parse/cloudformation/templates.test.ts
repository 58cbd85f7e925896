import { describe, expect, it } from 'vitest';
import type { Location } from '../../../src/model/types.js';
import { byAddress, fixture, parse, source } from './helpers.js';

const SHORT = 'basic/short-form.yaml';
const at = (file: string, startLine: number, endLine = startLine): Location => ({ file, startLine, endLine });
const ref = (unit: string, address: string, attr: string) => ({ $kind: 'ref', unit, address, attr });

describe('YAML short form', () => {
  const output = parse([fixture(SHORT)]);
  const resources = byAddress(output);

  it('reads every resource, in template order, with no problems', () => {
    expect(output.problems).toEqual([]);
    expect(output.resources.map((resource) => resource.id)).toEqual([
      `${SHORT}:DataKey`,
      `${SHORT}:DataKeyAlias`,
      `${SHORT}:OrdersBucket`,
      `${SHORT}:OrdersQueue`,
      `${SHORT}:OrdersLogs`,
      `${SHORT}:OrdersSecret`,
    ]);
    expect(output.units).toEqual([{ id: SHORT, source: 'cloudformation', path: SHORT, files: [SHORT] }]);
  });

  it('builds the key with evaluated properties, static tags, retention and locations', () => {
    expect(resources.DataKey).toEqual({
      id: `${SHORT}:DataKey`,
      source: 'cloudformation',
      type: 'AWS::KMS::Key',
      mode: 'managed',
      address: 'DataKey',
      unit: SHORT,
      attrs: {
        Description: 'Orders data key (orders-data)',
        EnableKeyRotation: true,
        KeyPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Root',
              Effect: 'Allow',
              Principal: {
                AWS: {
                  $kind: 'unknown',
                  expr: 'arn:aws:iam::${AWS::AccountId}:root',
                  reason: 'Fn::Sub with values not known statically: AWS::AccountId',
                },
              },
              Action: 'kms:*',
              Resource: '*',
            },
          ],
        },
        Tags: [
          { Key: 'Environment', Value: { $kind: 'oneOf', options: ['dev', 'prod'], reason: 'parameter Env AllowedValues' } },
          { Key: 'DataClass', Value: 'confidential' },
        ],
      },
      tags: { DataClass: 'confidential' },
      location: at(SHORT, 26, 45),
      attrLocations: {
        Description: at(SHORT, 30),
        EnableKeyRotation: at(SHORT, 31),
        KeyPolicy: at(SHORT, 32, 40),
        'KeyPolicy.Version': at(SHORT, 33),
        'KeyPolicy.Statement': at(SHORT, 34, 40),
        'KeyPolicy.Statement.Sid': at(SHORT, 35),
        'KeyPolicy.Statement.Effect': at(SHORT, 36),
        'KeyPolicy.Statement.Principal': at(SHORT, 37, 38),
        'KeyPolicy.Statement.Principal.AWS': at(SHORT, 38),
        'KeyPolicy.Statement.Action': at(SHORT, 39),
        'KeyPolicy.Statement.Resource': at(SHORT, 40),
        Tags: at(SHORT, 41, 45),
        'Tags.Key': at(SHORT, 42),
        'Tags.Value': at(SHORT, 43),
      },
      protectedFromDeletion: true,
    });
  });

  it('turns !Ref to a resource into a Ref and !Sub over a parameter default into a string', () => {
    expect(resources.DataKeyAlias.attrs).toEqual({ AliasName: 'alias/orders-data', TargetKeyId: ref(SHORT, 'DataKey', 'Ref') });
    expect(resources.DataKeyAlias.location).toEqual(at(SHORT, 47, 51));
    expect(resources.DataKeyAlias.protectedFromDeletion).toBeUndefined();
  });

  it('keeps nested lists and the !GetAtt A.B form', () => {
    expect(resources.OrdersBucket.attrs.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: ref(SHORT, 'DataKey', 'Arn') } }],
    });
    expect(resources.OrdersBucket.attrLocations['BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID']).toEqual(
      at(SHORT, 60),
    );
    expect(resources.OrdersBucket.tags).toEqual({ Owner: 'orders-team' });
  });

  it('keeps both Fn::If branches, AWS::NoValue as null, and the resource condition', () => {
    expect(resources.OrdersQueue.attrs).toEqual({
      KmsMasterKeyId: { $kind: 'oneOf', options: [ref(SHORT, 'DataKey', 'Ref'), null], reason: 'Fn::If IsProd' },
      QueueName: 'orders-b',
    });
    expect(resources.OrdersQueue.conditional).toBe('IsProd');
    expect(resources.OrdersQueue.location).toEqual(at(SHORT, 65, 70));
  });

  it('reads the [A, B] !GetAtt form and looks a parameter with AllowedValues up in every mapping key', () => {
    expect(resources.OrdersLogs.attrs).toEqual({
      KmsKeyId: ref(SHORT, 'DataKey', 'Arn'),
      RetentionInDays: { $kind: 'oneOf', options: [7, 365], reason: 'Fn::FindInMap EnvMap by parameter Env AllowedValues' },
    });
  });

  it('reads !Sub of exactly ${Key.Arn} as that Ref, the list form with variables, and list parameters', () => {
    expect(resources.OrdersSecret.attrs).toEqual({
      KmsKeyId: ref(SHORT, 'DataKey', 'Arn'),
      Name: { $kind: 'unknown', expr: 'orders-data/${AWS::Region}/db', reason: 'Fn::Sub with values not known statically: AWS::Region' },
      Description: 'orders secret in aws',
      Tags: [{ Key: 'Subnet', Value: 'subnet-a' }],
    });
    expect(resources.OrdersSecret.attrLocations.Name).toEqual(at(SHORT, 82, 84));
  });
});

describe('JSON long form', () => {
  const JSON_FILE = 'basic/long-form.json';
  const output = parse([fixture(JSON_FILE)]);
  const resources = byAddress(output);

  it('gives JSON templates line numbers too', () => {
    expect(output.problems).toEqual([]);
    expect(output.resources.map((resource) => [resource.address, resource.location.startLine, resource.location.endLine])).toEqual([
      ['LedgerKey', 14, 24],
      ['LedgerTable', 25, 36],
      ['LedgerStream', 37, 43],
      ['LedgerTopic', 44, 49],
    ]);
    expect(resources.LedgerTable.attrLocations['SSESpecification.KMSMasterKeyId']).toEqual(at(JSON_FILE, 31, 33));
  });

  it('uses the parameter default over AllowedValues, and drops unknown tag values', () => {
    expect(resources.LedgerKey.attrs.Tags).toEqual([
      { Key: 'DataClass', Value: 'restricted' },
      { Key: 'Account', Value: { $kind: 'unknown', expr: '${AWS::AccountId}', reason: 'pseudo parameter AWS::AccountId is known only at deploy time' } },
    ]);
    expect(resources.LedgerKey.tags).toEqual({ DataClass: 'restricted' });
    expect(resources.LedgerKey.protectedFromDeletion).toBe(true);
  });

  it('keeps an unknown branch of Fn::If next to the known one', () => {
    expect(resources.LedgerTable.attrs.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: {
        $kind: 'oneOf',
        options: [{ $kind: 'unknown', expr: '${ExternalKeyArn}', reason: 'parameter ExternalKeyArn has no default' }, ref(JSON_FILE, 'LedgerKey', 'Arn')],
        reason: 'Fn::If UseExternal',
      },
    });
  });

  it('reads "Fn::GetAtt": "A.B" and the Fn::Sub list form', () => {
    expect(resources.LedgerStream.attrs).toEqual({
      StreamEncryption: { EncryptionType: 'KMS', KeyId: ref(JSON_FILE, 'LedgerKey', 'KeyId') },
      Name: 'ledger-prod-events',
    });
  });

  it('keeps the refs of a Fn::Sub that is only partly known', () => {
    expect(resources.LedgerTopic.attrs.KmsMasterKeyId).toEqual({
      $kind: 'unknown',
      expr: 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${LedgerKey}',
      reason: 'Fn::Sub with values not known statically: AWS::Region, AWS::AccountId, LedgerKey',
      refs: [ref(JSON_FILE, 'LedgerKey', 'Ref')],
    });
  });
});

describe('YAML long form', () => {
  const LONG = 'basic/long-form.yaml';
  const output = parse([fixture(LONG)]);
  const resources = byAddress(output);

  it('reads Fn:: keys written as YAML mappings', () => {
    expect(output.problems).toEqual([]);
    expect(resources.ArchiveBucket.attrs.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: ref(LONG, 'ArchiveKey', 'Arn') }, BucketKeyEnabled: true },
      ],
    });
    expect(resources.ArchiveVolume.attrs).toEqual({
      AvailabilityZone: { $kind: 'unknown', expr: "!Select [0, !GetAZs '']", reason: 'Fn::Select over values not known statically' },
      Encrypted: true,
      KmsKeyId: ref(LONG, 'ArchiveKey', 'Ref'),
      Size: 100,
    });
  });

  it('locates block-style intrinsics over all their lines', () => {
    expect(resources.ArchiveBucket.location).toEqual(at(LONG, 7, 18));
    expect(resources.ArchiveBucket.attrLocations['BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID']).toEqual(
      at(LONG, 14, 17),
    );
    expect(resources.ArchiveVolume.attrLocations.KmsKeyId).toEqual(at(LONG, 27, 28));
  });
});

describe('locations around comments', () => {
  it('ends a resource at its last content line, not at the comments and blank lines after it', () => {
    const text = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  Key:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      EnableKeyRotation: true # rotation on',
      '      # trailing comment',
      '',
      '  # about the queue',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '',
      '# end',
      '',
    ].join('\n');
    const output = parse([source('c.yaml', text)]);
    expect(output.resources.map((resource) => [resource.address, resource.location.startLine, resource.location.endLine])).toEqual([
      ['Key', 3, 6],
      ['Queue', 10, 11],
    ]);
    expect(output.resources[0].attrLocations.EnableKeyRotation).toEqual(at('c.yaml', 6));
  });
});
