import { describe, expect, it } from 'vitest';
import type { Location } from '../../../src/model/types.js';
import { byAddress, fixture, parse } from './helpers.js';

const SAM = 'sam/template.yaml';
const CDK = 'cdk/cdk.out/OrdersStack.template.json';
const at = (file: string, startLine: number, endLine = startLine): Location => ({ file, startLine, endLine });

describe('SAM', () => {
  const output = parse([fixture(SAM)]);
  const resources = byAddress(output);
  const functionsKeyArn = { $kind: 'ref', unit: SAM, address: 'FunctionsKey', attr: 'Arn' };
  const tableRef = { $kind: 'ref', unit: SAM, address: 'PaymentsTable', attr: 'Ref' };

  it('keeps SAM resource types as they are', () => {
    expect(output.problems).toEqual([]);
    expect(output.resources.map((resource) => [resource.address, resource.type])).toEqual([
      ['FunctionsKey', 'AWS::KMS::Key'],
      ['CaptureFunction', 'AWS::Serverless::Function'],
      ['RefundFunction', 'AWS::Serverless::Function'],
      ['PaymentsTable', 'AWS::Serverless::SimpleTable'],
    ]);
  });

  it('merges Globals.Function into each function: maps key by key, the function winning', () => {
    expect(resources.CaptureFunction.attrs).toEqual({
      Runtime: 'python3.12',
      KmsKeyArn: functionsKeyArn,
      Environment: { Variables: { TABLE_NAME: tableRef, LOG_LEVEL: 'debug' } },
      Tags: { App: 'payments', DataClass: 'pci' },
      Handler: 'capture.handler',
    });
    expect(resources.CaptureFunction.tags).toEqual({ App: 'payments', DataClass: 'pci' });
  });

  it('lets a function override the global KmsKeyArn', () => {
    expect(resources.RefundFunction.attrs.KmsKeyArn).toBe('arn:aws:kms:eu-west-1:111122223333:key/refund-key');
    expect(resources.RefundFunction.attrs.Environment).toEqual({ Variables: { TABLE_NAME: tableRef, LOG_LEVEL: 'info' } });
    expect(resources.RefundFunction.tags).toEqual({ App: 'payments' });
  });

  it('locates inherited properties at their Globals lines and own ones at the function', () => {
    expect(resources.CaptureFunction.attrLocations.KmsKeyArn).toEqual(at(SAM, 8));
    expect(resources.CaptureFunction.attrLocations['Environment.Variables.TABLE_NAME']).toEqual(at(SAM, 11));
    expect(resources.CaptureFunction.attrLocations['Environment.Variables.LOG_LEVEL']).toEqual(at(SAM, 28));
    expect(resources.RefundFunction.attrLocations.KmsKeyArn).toEqual(at(SAM, 36));
    expect(resources.CaptureFunction.location).toEqual(at(SAM, 22, 30));
  });

  it('keeps the SimpleTable SSESpecification', () => {
    expect(resources.PaymentsTable.attrs).toEqual({ PrimaryKey: { Name: 'id', Type: 'String' }, SSESpecification: { SSEEnabled: true } });
    expect(resources.PaymentsTable.attrLocations.SSESpecification).toEqual(at(SAM, 44, 45));
  });
});

describe('CDK synth output', () => {
  const output = parse([fixture(CDK)]);
  const resources = byAddress(output);

  it('names resources by aws:cdk:path and reads the CDK key policy shape', () => {
    expect(output.problems).toEqual([]);
    expect(output.resources.map((resource) => [resource.address, resource.displayName, resource.location.startLine, resource.location.endLine])).toEqual([
      ['OrdersKey3C8F3A0B', 'OrdersStack/OrdersKey/Resource', 3, 41],
      ['OrdersBucket4F2E8C1D', 'OrdersStack/OrdersBucket/Resource', 42, 72],
      ['CDKMetadata', 'OrdersStack/CDKMetadata/Default', 73, 81],
    ]);
    expect(resources.OrdersKey3C8F3A0B.attrs.KeyPolicy).toEqual({
      Statement: [
        {
          Action: 'kms:*',
          Effect: 'Allow',
          Principal: {
            AWS: { $kind: 'unknown', expr: 'arn:aws:iam::${AWS::AccountId}:root', reason: 'Fn::Join over values not known statically' },
          },
          Resource: '*',
        },
      ],
      Version: '2012-10-17',
    });
    expect(resources.OrdersKey3C8F3A0B.protectedFromDeletion).toBe(true);
  });

  it('links the bucket to the key and reads its list-form tags', () => {
    expect(resources.OrdersBucket4F2E8C1D.attrs.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        { ServerSideEncryptionByDefault: { KMSMasterKeyID: { $kind: 'ref', unit: CDK, address: 'OrdersKey3C8F3A0B', attr: 'Arn' }, SSEAlgorithm: 'aws:kms' } },
      ],
    });
    expect(resources.OrdersBucket4F2E8C1D.tags).toEqual({ Environment: 'prod' });
    expect(
      resources.OrdersBucket4F2E8C1D.attrLocations['BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID'],
    ).toEqual(at(CDK, 49, 54));
  });
});
