import { describe, expect, it } from 'vitest';
import { isAwsManagedAlias, parseKeyReference } from '../../src/inventory/key-reference.js';

describe('parseKeyReference', () => {
  it.each([
    [
      'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      {
        kind: 'key-arn',
        arn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        region: 'eu-west-1',
        account: '111122223333',
        keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      },
    ],
    [
      'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
      {
        kind: 'key-arn',
        arn: 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
        region: 'us-gov-west-1',
        account: '111122223333',
        keyId: 'mrk-1234abcd12ab34cd56ef1234567890ab',
      },
    ],
    [
      'arn:aws:kms:eu-west-1:111122223333:alias/platform-prod',
      {
        kind: 'alias',
        name: 'alias/platform-prod',
        arn: 'arn:aws:kms:eu-west-1:111122223333:alias/platform-prod',
        region: 'eu-west-1',
        account: '111122223333',
      },
    ],
    ['alias/orders-prod', { kind: 'alias', name: 'alias/orders-prod' }],
    ['alias/aws/s3', { kind: 'alias', name: 'alias/aws/s3' }],
    ['1234abcd-12ab-34cd-56ef-1234567890ab', { kind: 'key-id', keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }],
    ['', { kind: 'invalid', reason: 'empty key reference' }],
    ['AES256', { kind: 'invalid', reason: '"AES256" is not a KMS key ARN, alias or key id' }],
    // Near miss: an S3 bucket ARN is not a key.
    ['arn:aws:s3:::orders-data', { kind: 'invalid', reason: '"arn:aws:s3:::orders-data" is not a KMS key ARN, alias or key id' }],
  ])('%s', (text, expected) => {
    expect(parseKeyReference(text)).toEqual(expected);
  });

  it('knows AWS managed aliases', () => {
    expect(isAwsManagedAlias('alias/aws/rds')).toBe(true);
    expect(isAwsManagedAlias('alias/awsome-prod')).toBe(false);
  });
});
