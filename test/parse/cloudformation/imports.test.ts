import { describe, expect, it } from 'vitest';
import { byAddress, fixture, parse, source } from './helpers.js';

const NETWORK = 'imports/network/prod/shared-keys.yaml';
const APP = 'imports/app/prod/consumer.yaml';
const sharedKey = (attr: string) => ({ $kind: 'ref', unit: NETWORK, address: 'SharedKey', attr });

describe('Fn::ImportValue across templates', () => {
  const output = parse([fixture(APP), fixture(NETWORK)]);
  const resources = byAddress(output);

  it('resolves an import to the exporting template output, as a Ref into that template', () => {
    expect(output.problems).toEqual([]);
    // exported as !Sub '${ExportPrefix}-shared-key-id' with the parameter default "platform"
    expect(resources.AppTopic.attrs).toEqual({ KmsMasterKeyId: sharedKey('Ref') });
  });

  it('matches ${AWS::StackName}-X exports by suffix (Sub and Join forms)', () => {
    expect(resources.AppQueue.attrs).toEqual({ KmsMasterKeyId: sharedKey('Arn') });
    // the import name is itself a Fn::Sub over a parameter default
    expect(resources.AppLogs.attrs).toEqual({ KmsKeyId: sharedKey('Arn') });
    expect(resources.AppLogs.attrLocations.KmsKeyId).toEqual({ file: APP, startLine: 21, endLine: 22 });
  });

  it('leaves an import nobody exports unknown, naming the export', () => {
    expect(resources.AppBucket.attrs.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: {
              $kind: 'unknown',
              expr: '!ImportValue security-DataKeyArn',
              reason: 'no template in the scanned set exports security-DataKeyArn',
            },
          },
        },
      ],
    });
  });

  it('gives each template its unit, with the environment its path implies', () => {
    expect(output.units).toEqual([
      { id: APP, source: 'cloudformation', path: APP, files: [APP], environment: { value: 'prod', detail: 'path prod' } },
      { id: NETWORK, source: 'cloudformation', path: NETWORK, files: [NETWORK], environment: { value: 'prod', detail: 'path prod' } },
    ]);
  });
});

const exporter = (path: string, exportName: string) =>
  source(
    path,
    `Resources:
  Key:
    Type: AWS::KMS::Key
Outputs:
  KeyArn:
    Value: !GetAtt Key.Arn
    Export:
      Name: ${exportName}
`,
  );
const importer = (name: string) =>
  source(
    'app.yaml',
    `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !ImportValue ${name}
`,
  );
const importedValue = (files: ReturnType<typeof source>[]) => byAddress(parse(files)).Queue.attrs.KmsMasterKeyId;

describe('Fn::ImportValue edge cases', () => {
  it('does not guess between two templates exporting the same ${AWS::StackName} suffix', () => {
    const files = [exporter('a.yaml', "!Sub '${AWS::StackName}-KeyArn'"), exporter('b.yaml', "!Sub '${AWS::StackName}-KeyArn'"), importer('net-KeyArn')];
    expect(importedValue(files)).toEqual({
      $kind: 'unknown',
      expr: '!ImportValue net-KeyArn',
      reason: 'export net-KeyArn may be any of the ${AWS::StackName} exports of a.yaml, b.yaml',
    });
  });

  it('keeps both values when two templates export the exact same name', () => {
    const files = [exporter('dev/keys.yaml', 'key-arn'), exporter('prod/keys.yaml', 'key-arn'), importer('key-arn')];
    expect(importedValue(files)).toEqual({
      $kind: 'oneOf',
      options: [
        { $kind: 'ref', unit: 'dev/keys.yaml', address: 'Key', attr: 'Arn' },
        { $kind: 'ref', unit: 'prod/keys.yaml', address: 'Key', attr: 'Arn' },
      ],
      reason: 'Fn::ImportValue key-arn is exported by dev/keys.yaml, prod/keys.yaml',
    });
  });

  it('does not resolve an import against the importing template itself', () => {
    const selfExporting = source(
      'app.yaml',
      `Resources:
  Key:
    Type: AWS::KMS::Key
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !ImportValue own-key
Outputs:
  KeyArn:
    Value: !GetAtt Key.Arn
    Export: { Name: own-key }
`,
    );
    expect(importedValue([selfExporting])).toEqual({
      $kind: 'unknown',
      expr: '!ImportValue own-key',
      reason: 'no template in the scanned set exports own-key',
    });
  });

  it('stops on circular exports instead of recursing', () => {
    const circular = (path: string, exportName: string, importName: string) =>
      source(
        path,
        `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !ImportValue ${importName}
Outputs:
  Out:
    Value: !ImportValue ${importName}
    Export: { Name: ${exportName} }
`,
      );
    const output = parse([circular('a.yaml', 'from-a', 'from-b'), circular('b.yaml', 'from-b', 'from-a')]);
    expect(output.problems).toEqual([]);
    const [queueA] = output.resources;
    expect(queueA.attrs.KmsMasterKeyId).toEqual({
      $kind: 'unknown',
      expr: '!ImportValue from-b',
      reason: 'export chain through b.yaml Outputs.Out is circular or too long',
    });
  });
});
