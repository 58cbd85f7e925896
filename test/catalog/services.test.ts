import { describe, expect, it } from 'vitest';
import { CONSUMERS, HIGH_VOLUME_SERVICES, isServiceId, SERVICE_IDS, serviceInfo } from '../../src/catalog/index.js';

describe('services', () => {
  it('marks exactly the high-volume services of KMS104', () => {
    expect(HIGH_VOLUME_SERVICES).toEqual(['s3', 'ebs', 'rds', 'dynamodb', 'kinesis', 'efs']);
  });

  it.each([
    ['s3', 's3'],
    ['ebs', 'ec2'],
    ['rds', 'rds'],
    ['secretsmanager', 'secretsmanager'],
    ['dynamodb', 'dynamodb'],
    ['sqs', 'sqs'],
    ['sns', 'sns'],
    ['logs', 'logs'],
    ['lambda', 'lambda'],
    ['efs', 'elasticfilesystem'],
    ['opensearch', 'es'],
    ['msk', 'kafka'],
    ['route53', undefined],
  ] as const)('%s is called through kms:ViaService %s', (id, host) => {
    const info: { viaService?: string } = serviceInfo(id);
    expect(info.viaService).toBe(host);
  });

  it('has a display name for every service and every service is used by a consumer', () => {
    for (const id of SERVICE_IDS) expect(serviceInfo(id).name).not.toBe('');
    const used = new Set(CONSUMERS.map((spec) => spec.service));
    expect(SERVICE_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('tells service ids from other strings', () => {
    expect(isServiceId('redshift-serverless')).toBe(true);
    expect(isServiceId('S3')).toBe(false);
    expect(isServiceId('constructor')).toBe(false);
  });
});
