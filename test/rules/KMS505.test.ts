import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/rules/fingerprint.js';
import { kms505 } from '../../src/rules/kms505-blast-radius-growth.js';
import { analyseChangeFolders } from '../harness.js';

const fires = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS505/fires/${name}/before`, `fixtures/rules/KMS505/fires/${name}/after`, { rules: [kms505] });
const quiet = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS505/quiet/${name}/before`, `fixtures/rules/KMS505/quiet/${name}/after`, { rules: [kms505] });

describe('KMS505 blast-radius-growth', () => {
  it('a dev resource on the prod key: gained environment, with the consumer', async () => {
    const { changeFindings, findings } = await fires('dev-uses-prod-key');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS505',
        severity: 'medium',
        key: 'envs/prod:aws_kms_key.platform',
        subjects: ['envs/dev:aws_sqs_queue.orders_replay'],
        message:
          'Key aws_kms_key.platform (alias/platform-prod) now also serves environment dev (aws_sqs_queue.orders_replay (sqs messages) at envs/dev/main.tf:21): blast radius 1 → 2 consumers, 1 → 1 services, 1 → 1 workloads, 1 → 2 environments, 1 → 1 data classes. Everything on it breaks together if it is disabled or deleted, and its policy has to admit them all; give the newcomers a key of their own unless sharing is intended.',
        evidence: {
          gained: {
            environments: [
              {
                value: 'dev',
                consumers: [
                  {
                    resource: 'envs/dev:aws_sqs_queue.orders_replay',
                    service: 'sqs',
                    attribute: 'kms_master_key_id',
                    location: 'envs/dev/main.tf:21',
                  },
                ],
              },
            ],
          },
          blastRadius: {
            before: {
              consumers: 1,
              services: 1,
              workloads: 1,
              environments: 1,
              dataClasses: 1,
            },
            after: {
              consumers: 2,
              services: 1,
              workloads: 1,
              environments: 2,
              dataClasses: 1,
            },
          },
        },
        location: {
          file: 'envs/dev/main.tf',
          startLine: 21,
          endLine: 21,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS505', 'envs/prod:aws_kms_key.platform', 'environments:dev'));
  });

  it('a new workload and service in one finding', async () => {
    const { changeFindings, findings } = await fires('new-workload-and-service');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS505',
        severity: 'medium',
        key: '.:aws_kms_key.platform',
        subjects: ['.:aws_dynamodb_table.billing_ledger'],
        message:
          'Key aws_kms_key.platform (alias/platform-prod) now also serves workload billing (aws_dynamodb_table.billing_ledger (dynamodb storage) at main.tf:43) and service Amazon DynamoDB (aws_dynamodb_table.billing_ledger (dynamodb storage) at main.tf:43): blast radius 1 → 2 consumers, 1 → 2 services, 1 → 2 workloads, 1 → 1 environments, 1 → 1 data classes. Everything on it breaks together if it is disabled or deleted, and its policy has to admit them all; give the newcomers a key of their own unless sharing is intended.',
        evidence: {
          gained: {
            workloads: [
              {
                value: 'billing',
                consumers: [
                  {
                    resource: '.:aws_dynamodb_table.billing_ledger',
                    service: 'dynamodb',
                    attribute: 'server_side_encryption.kms_key_arn',
                    location: 'main.tf:43',
                  },
                ],
              },
            ],
            services: [
              {
                value: 'dynamodb',
                consumers: [
                  {
                    resource: '.:aws_dynamodb_table.billing_ledger',
                    service: 'dynamodb',
                    attribute: 'server_side_encryption.kms_key_arn',
                    location: 'main.tf:43',
                  },
                ],
              },
            ],
          },
          blastRadius: {
            before: {
              consumers: 1,
              services: 1,
              workloads: 1,
              environments: 1,
              dataClasses: 1,
            },
            after: {
              consumers: 2,
              services: 2,
              workloads: 2,
              environments: 1,
              dataClasses: 1,
            },
          },
        },
        location: {
          file: 'main.tf',
          startLine: 43,
          endLine: 43,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS505', '.:aws_kms_key.platform', 'services:dynamodb,workloads:billing'));
  });

  it('a new data class', async () => {
    const { changeFindings, findings } = await fires('pii-joins-internal-key');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS505',
        severity: 'medium',
        key: '.:aws_kms_key.platform',
        subjects: ['.:aws_sqs_queue.orders_customers'],
        message:
          'Key aws_kms_key.platform (alias/platform-prod) now also serves data class pii (aws_sqs_queue.orders_customers (sqs messages) at main.tf:35): blast radius 1 → 2 consumers, 1 → 1 services, 1 → 1 workloads, 1 → 1 environments, 1 → 2 data classes. Everything on it breaks together if it is disabled or deleted, and its policy has to admit them all; give the newcomers a key of their own unless sharing is intended.',
        evidence: {
          gained: {
            dataClasses: [
              {
                value: 'pii',
                consumers: [
                  {
                    resource: '.:aws_sqs_queue.orders_customers',
                    service: 'sqs',
                    attribute: 'kms_master_key_id',
                    location: 'main.tf:35',
                  },
                ],
              },
            ],
          },
          blastRadius: {
            before: {
              consumers: 1,
              services: 1,
              workloads: 1,
              environments: 1,
              dataClasses: 1,
            },
            after: {
              consumers: 2,
              services: 1,
              workloads: 1,
              environments: 1,
              dataClasses: 2,
            },
          },
        },
        location: {
          file: 'main.tf',
          startLine: 35,
          endLine: 35,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS505', '.:aws_kms_key.platform', 'dataClasses:pii'));
  });

  it.each(['consumer-leaves-key', 'new-key-with-consumers', 'same-classes-new-consumer'])('stays quiet: %s', async (name) => {
    const { changeFindings } = await quiet(name);
    expect(changeFindings).toEqual([]);
  });
});
