/**
 * The change rules and the review's outputs with the organisation's key index: other repositories'
 * consumers (handed in as the pipeline's `external` answer, as the doors do) are named where a
 * change breaks them; without the index nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { ExternalUses } from '../../src/model/external.js';
import { analyse, analyseChange } from '../../src/pipeline.js';
import { reviewOutput } from '../../src/report/check-run.js';
import { blastRadiusReply } from '../../src/report/command-replies.js';
import { kms102 } from '../../src/rules/kms102-shared-across-workloads.js';
import { kms103 } from '../../src/rules/kms103-shared-across-environments.js';
import { kms501 } from '../../src/rules/kms501-key-removed-while-used.js';
import { kms502 } from '../../src/rules/kms502-key-replacement.js';
import { folderFileSet } from '../../src/sources/folder.js';

const KEY = '.:aws_kms_key.shared_data';
const BEFORE = 'fixtures/index/platform-keys';

const consumer = (resource: string, type: string, service: string, line: number, environment: string, workload: string) => ({
  resource: `.:${resource}`,
  type,
  service,
  attribute: 'kms_master_key_id',
  file: 'main.tf',
  line,
  environment,
  workload,
  dataClass: 'confidential',
});

const USES: ExternalUses = {
  repositories: 3,
  keys: {
    [KEY]: [
      {
        repository: 'acme/billing-app',
        commit: 'bbbb2222',
        declares: false,
        match: 'alias alias/shared-data-prod in 111122223333 eu-west-1',
        consumers: [consumer('aws_sns_topic.invoices', 'aws_sns_topic', 'sns', 4, 'staging', 'billing')],
      },
      {
        repository: 'acme/orders-app',
        commit: 'aaaa1111',
        declares: false,
        match: 'alias alias/shared-data-prod in 111122223333 eu-west-1',
        consumers: [
          consumer('aws_sqs_queue.orders', 'aws_sqs_queue', 'sqs', 8, 'prod', 'orders'),
          consumer('aws_dynamodb_table.orders', 'aws_dynamodb_table', 'dynamodb', 26, 'prod', 'orders'),
        ],
      },
      // A repository that only declares a key of the same alias (no resource on it) breaks nothing.
      { repository: 'acme/mirror', commit: 'cccc3333', declares: true, match: 'alias alias/shared-data-prod', consumers: [] },
    ],
  },
};

function change(after: string, rules = [kms501, kms502], uses?: ExternalUses) {
  return analyseChange(folderFileSet(BEFORE), folderFileSet(after), parseConfig(''), {
    rules,
    today: '2026-11-22',
    ...(uses ? { external: async () => uses } : {}),
  });
}

describe('KMS501 with other repositories', () => {
  it('fires when the key leaves while only other repositories use it, naming them', async () => {
    const { changeFindings } = await change('fixtures/index/changes/key-removed/after', [kms501], USES);
    expect(changeFindings).toHaveLength(1);
    const [f] = changeFindings;
    expect(f.severity).toBe('critical');
    expect(f.message).toContain(
      'no resource of this repository uses it any more, but 3 resources in 2 other repositories still do: acme/orders-app (aws_sqs_queue.orders and aws_dynamodb_table.orders) and acme/billing-app (aws_sns_topic.invoices).',
    );
    expect(f.message).toContain('(in their repositories too)');
    expect(f.evidence.otherRepositories).toEqual([
      {
        repository: 'acme/orders-app',
        commit: 'aaaa1111',
        match: 'alias alias/shared-data-prod in 111122223333 eu-west-1',
        consumers: [
          { resource: '.:aws_sqs_queue.orders', service: 'sqs', location: 'main.tf:8', environment: 'prod' },
          { resource: '.:aws_dynamodb_table.orders', service: 'dynamodb', location: 'main.tf:26', environment: 'prod' },
        ],
      },
      {
        repository: 'acme/billing-app',
        commit: 'bbbb2222',
        match: 'alias alias/shared-data-prod in 111122223333 eu-west-1',
        consumers: [{ resource: '.:aws_sns_topic.invoices', service: 'sns', location: 'main.tf:4', environment: 'staging' }],
      },
    ]);
  });

  it('stays quiet for the same change without an index, and when other repositories have no resource on the key', async () => {
    expect((await change('fixtures/index/changes/key-removed/after', [kms501])).changeFindings).toEqual([]);
    const onlyDeclared: ExternalUses = { repositories: 1, keys: { [KEY]: [USES.keys[KEY][2]] } };
    expect((await change('fixtures/index/changes/key-removed/after', [kms501], onlyDeclared)).changeFindings).toEqual([]);
    const unavailable: ExternalUses = { repositories: 0, keys: {}, unavailable: 'connect ECONNREFUSED 127.0.0.1:5432' };
    expect((await change('fixtures/index/changes/key-removed/after', [kms501], unavailable)).changeFindings).toEqual([]);
  });
});

describe('KMS502 with other repositories', () => {
  it('names the other repositories whose data the replacement loses; the fingerprint does not change with them', async () => {
    const withIndex = await change('fixtures/index/changes/key-replaced/after', [kms502], USES);
    const without = await change('fixtures/index/changes/key-replaced/after', [kms502]);
    expect(withIndex.changeFindings).toHaveLength(1);
    expect(withIndex.changeFindings[0].message).toContain(
      'cannot be decrypted by the new one. 3 resources in 2 other repositories use it too: acme/orders-app (aws_sqs_queue.orders and aws_dynamodb_table.orders) and acme/billing-app (aws_sns_topic.invoices).',
    );
    expect(without.changeFindings[0].message).not.toContain('other repositor');
    expect(without.changeFindings[0].evidence.otherRepositories).toBeUndefined();
    expect(withIndex.changeFindings[0].fingerprint).toBe(without.changeFindings[0].fingerprint);
  });
});

describe('the check run and /kms blast-radius with other repositories', () => {
  const ctx = { repoUrl: 'https://github.com/acme/platform-keys', baseSha: 'base0000000', headSha: 'head1111111' };

  it('the check run lists the other repositories of the keys the PR changes, with links to their lines', async () => {
    const analysed = await change('fixtures/index/changes/key-removed/after', [kms501], USES);
    const out = reviewOutput(analysed, parseConfig('').config, [], ctx);
    expect(out.summary).toContain('### Other repositories');
    expect(out.summary).toContain('`alias/shared-data-prod` is also used by 3 resources in 2 other repositories:');
    expect(out.summary).toContain(
      '- **acme/orders-app** @ aaaa111, matched by alias alias/shared-data-prod in 111122223333 eu-west-1: `aws_sqs_queue.orders` (sqs, [main.tf:8](https://github.com/acme/orders-app/blob/aaaa1111/main.tf#L8), prod / orders / confidential)',
    );
  });

  it('says when no other repository uses the changed keys, or when the index could not be read; nothing without an index', async () => {
    const none = await change('fixtures/index/changes/key-removed/after', [kms501], { repositories: 7, keys: {} });
    expect(reviewOutput(none, parseConfig('').config, [], ctx).summary).toContain(
      'None of the 7 other indexed repositories uses the keys this pull request changes.',
    );
    const down = await change('fixtures/index/changes/key-removed/after', [kms501], { repositories: 0, keys: {}, unavailable: 'timeout' });
    expect(reviewOutput(down, parseConfig('').config, [], ctx).summary).toContain(
      "The organisation's key index could not be read (timeout): other repositories' uses are not counted.",
    );
    const plain = await change('fixtures/index/changes/key-removed/after', [kms501]);
    expect(reviewOutput(plain, parseConfig('').config, [], ctx).summary).not.toContain('Other repositories');
  });

  it('the blast-radius reply counts the other repositories and lists them', async () => {
    const analysed = await change(BEFORE, [kms501], USES);
    const key = analysed.head.inventory.keys.find((k) => k.id === KEY);
    const reply = blastRadiusReply(key, key, ctx, { repositories: USES.keys[KEY], indexed: 3 });
    expect(reply).toContain('in this repository — and 3 resources in 2 other repositories');
    expect(reply).toContain('**acme/mirror** @ cccc333 (declares it), matched by alias alias/shared-data-prod');
    const alone = blastRadiusReply(key, key, ctx, { repositories: [], indexed: 3 });
    expect(alone).toContain('None of the 3 other indexed repositories uses it.');
    expect(blastRadiusReply(key, key, ctx)).not.toContain('repositor');
  });
});

describe('KMS102 and KMS103 across repositories', () => {
  const state = async (uses?: ExternalUses) =>
    (await analyse(folderFileSet(BEFORE), parseConfig(''), { rules: [kms102, kms103], today: '2026-11-22', ...(uses ? { external: async () => uses } : {}) }))
      .findings;

  it('fire when other repositories bring workloads and environments the repository alone does not have', async () => {
    const findings = await state(USES);
    const kms103f = findings.find((f) => f.rule === 'KMS103');
    expect(kms103f?.severity).toBe('critical');
    expect(kms103f?.message).toBe(
      'Key alias/shared-data-prod serves prod in this repository, and staging through acme/billing-app (aws_sns_topic.invoices at main.tf:4) in other repositories. Give staging its own key (alias/shared-data-staging), created in that environment.',
    );
    expect(kms103f?.evidence).toEqual({
      dimension: 'environment',
      here: ['prod'],
      otherRepositories: { staging: [{ repository: 'acme/billing-app', resource: 'aws_sns_topic.invoices', at: 'main.tf:4' }] },
    });
    const kms102f = findings.find((f) => f.rule === 'KMS102');
    expect(kms102f?.severity).toBe('high');
    expect(kms102f?.message).toContain(
      'is used by platform in this repository, and orders through acme/orders-app (aws_sqs_queue.orders at main.tf:8 and aws_dynamodb_table.orders at main.tf:26) and billing through acme/billing-app (aws_sns_topic.invoices at main.tf:4) in other repositories.',
    );
  });

  it('stay quiet without an index, when the others share the repository’s own values, and for unknown values', async () => {
    expect(await state()).toEqual([]);
    const same = (environment: string | null, workload: string | null): ExternalUses => ({
      repositories: 1,
      keys: { [KEY]: [{ ...USES.keys[KEY][1], consumers: USES.keys[KEY][1].consumers.map((c) => ({ ...c, environment, workload })) }] },
    });
    expect(await state(same('production', 'platform'))).toEqual([]);
    expect(await state(same(null, null))).toEqual([]);
  });
});
