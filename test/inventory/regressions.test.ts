/** End-to-end regressions on the scenario fixtures (see test/parse/terraform/regressions.test.ts for the mechanisms). */
import { describe, expect, it } from 'vitest';
import type { Key } from '../../src/inventory/types.js';
import { analyseFolder } from '../harness.js';

function key(keys: Key[], id: string): Key {
  const found = keys.find((k) => k.id === id);
  if (!found) throw new Error(`no key ${id}; have ${keys.map((k) => k.id).join(', ')}`);
  return found;
}

describe('per-workload-keys/after', () => {
  it('each workload key has its own instance of the policy document, and consumers say which instance they use', async () => {
    const { inventory } = await analyseFolder('fixtures/scenarios/per-workload-keys/after', { rules: [] });
    // Root statement, administrators, one usage statement per service (2 each), grants for AWS resources.
    const workloads: [string, string[], string[]][] = [
      ['orders', ['orders-api', 'orders-worker'], ['rds', 's3']],
      ['catalog', ['catalog-api'], ['dynamodb', 's3']],
      ['reports', ['reports-etl'], ['s3', 'athena']],
    ];
    for (const [workload, roles, services] of workloads) {
      const k = key(inventory.keys, `environments/prod:aws_kms_key.workload["${workload}"]`);
      expect(k.policy?.document.unknown).toBeUndefined();
      expect(k.policy?.document.statements.map((s) => s.sid)).toEqual([
        'EnableIAMUserPermissions',
        'KeyAdministrators',
        ...services.map((s) => `KeyUsersVia${s}`),
        'AllowGrantsForAWSResources',
      ]);
      expect(k.policy?.document.statements[4].principal).toEqual({ AWS: roles.map((r) => `arn:aws:iam::444455556666:role/${r}-prod`) });
    }
    const orders = key(inventory.keys, 'environments/prod:aws_kms_key.workload["orders"]');
    expect(orders.consumers.map((c) => [c.resource, c.attribute, c.via])).toEqual([
      ['environments/prod:aws_db_instance.orders', 'kms_key_id', 'aws_kms_key.workload["orders"].arn'],
      ['environments/prod:aws_db_instance.orders', 'master_user_secret_kms_key_id', 'aws_kms_key.workload["orders"].key_id'],
      ['environments/prod:aws_db_instance.orders', 'performance_insights_kms_key_id', 'aws_kms_key.workload["orders"].arn'],
      [
        'environments/prod:aws_s3_bucket_server_side_encryption_configuration.workload_data["orders"]',
        'rule.apply_server_side_encryption_by_default.kms_master_key_id',
        'aws_kms_key.workload["orders"].arn',
      ],
    ]);
  });
});

describe('tf-modules-tfvars/after', () => {
  it('the terraform-aws-modules/kms key policy is the generated document, in every unit', async () => {
    const { inventory } = await analyseFolder('fixtures/scenarios/tf-modules-tfvars/after', { rules: [] });
    for (const [unit, account] of [
      ['infra#dev', '444455556666'],
      ['infra#prod', '111122223333'],
    ]) {
      const k = key(inventory.keys, `${unit}:module.kms.aws_kms_key.this[0]`);
      expect(k.policy?.document.unknown).toBeUndefined();
      // enable_default_policy, key_administrators and key_users are set; key_owners and key_service_users are not.
      expect(k.policy?.document.statements.map((s) => s.sid)).toEqual(['Default', 'KeyAdministration', 'KeyUsage']);
      expect(k.policy?.document.statements[1].principal).toEqual({ AWS: [`arn:aws:iam::${account}:role/platform-kms-admin`] });
    }
  });

  it('the cloudposse/kms-key alias is the one given in the call, in both units', async () => {
    const { inventory } = await analyseFolder('fixtures/scenarios/tf-modules-tfvars/after', { rules: [] });
    expect(key(inventory.keys, 'infra#dev:module.logs_kms.aws_kms_key.default[0]').aliases).toEqual(['alias/ledger-logs-dev']);
    expect(key(inventory.keys, 'infra#prod:module.logs_kms.aws_kms_key.default[0]').aliases).toEqual(['alias/ledger-logs-prod']);
    expect(inventory.aliases.map((a) => [a.name, a.key])).toEqual([
      ['alias/ledger-dev', 'infra#dev:module.kms.aws_kms_key.this[0]'],
      ['alias/ledger-logs-dev', 'infra#dev:module.logs_kms.aws_kms_key.default[0]'],
      ['alias/ledger-logs-prod', 'infra#prod:module.logs_kms.aws_kms_key.default[0]'],
      ['alias/ledger-prod', 'infra#prod:module.kms.aws_kms_key.this[0]'],
    ]);
  });

  it('a registry module consuming the key is classified by the provider default tags, not the path', async () => {
    const { inventory } = await analyseFolder('fixtures/scenarios/tf-modules-tfvars/after', { rules: [] });
    const queue = key(inventory.keys, 'infra#prod:module.kms.aws_kms_key.this[0]').consumers.find(
      (c) => c.resource === 'infra#prod:module.settlement_queue.aws_sqs_queue.this[0]',
    );
    expect(queue?.environment).toEqual({ value: 'prod', from: 'default-tags', detail: 'provider default_tags Environment=prod in infra#prod' });
  });
});
