/** The key index against a real PostgreSQL: migrations, idempotent snapshots, cross-repository lookups. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { type IndexDb, migrate, openIndexDb } from '../../src/index/db.js';
import { externalUses } from '../../src/index/lookup.js';
import { storeSnapshot } from '../../src/index/store.js';
import { type Analysis, analyse } from '../../src/pipeline.js';
import { folderFileSet } from '../../src/sources/folder.js';
import { hasPostgres, startPostgres, type TestPostgres } from './support/postgres.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/index');

async function analysed(name: string): Promise<Analysis> {
  return analyse(folderFileSet(join(FIXTURES, name)), parseConfig(''), { today: '2026-01-01' });
}

async function store(db: IndexDb, fullName: string, commit: string, a: Analysis, extra: { private?: boolean; current?: boolean } = {}) {
  return storeSnapshot(db.pool, {
    repository: { fullName, private: extra.private ?? false },
    commit,
    current: extra.current ?? true,
    inventory: a.inventory,
    access: a.access,
    findings: a.findings,
    files: a.stats.files,
  });
}

describe.runIf(hasPostgres())('key index (PostgreSQL)', () => {
  let pg: TestPostgres;
  let db: IndexDb;
  const repos: Record<string, Analysis> = {};

  beforeAll(async () => {
    pg = await startPostgres();
    db = await openIndexDb(pg.url, { max: 4 });
    for (const name of ['platform-keys', 'orders-app', 'billing-app']) repos[name] = await analysed(name);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    await pg?.stop();
  });

  it('migrates an empty database, and a second run changes nothing', async () => {
    await migrate(pg.url);
    const tables = await db.pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'access',
      'consumers',
      'dashboard_sessions',
      'findings',
      'grants',
      'key_matches',
      'keys',
      'kms_review_migrations',
      'repositories',
      'snapshots',
      'unresolved',
    ]);
    const applied = await db.pool.query('select name from kms_review_migrations order by run_on, id');
    expect(applied.rows.map((r) => r.name)).toEqual(['1765000000000_key-index', '1765000000001_dashboard-sessions', '1765000000002_key-consumer-summary']);
  });

  it('stores a snapshot per (repository, commit), and storing the same commit again replaces it', async () => {
    const first = await store(db, 'acme/platform-keys', 'c0ffee1', repos['platform-keys']);
    const again = await store(db, 'acme/platform-keys', 'c0ffee1', repos['platform-keys']);
    expect(again.snapshotId).toBe(first.snapshotId);
    expect(again.repositoryId).toBe(first.repositoryId);
    const counts = await db.pool.query(
      `select (select count(*) from snapshots)::int as snapshots, (select count(*) from keys)::int as keys,
              (select count(*) from consumers)::int as consumers, (select count(*) from access)::int as access,
              (select count(*) from findings where snapshot_id = $1)::int as findings`,
      [first.snapshotId],
    );
    expect(counts.rows[0]).toEqual({ snapshots: 1, keys: 1, consumers: 1, access: expect.any(Number), findings: repos['platform-keys'].findings.length });
    expect(counts.rows[0].access).toBeGreaterThan(0);
    const key = await db.pool.query('select key, declared, account, aliases, environment, classified, facts from keys');
    expect(key.rows[0]).toMatchObject({
      key: '.:aws_kms_key.shared_data',
      declared: true,
      aliases: ['alias/shared-data-prod'],
      environment: 'prod',
      classified: { environment: { value: 'prod', from: 'tag' } },
      facts: { rotation: true, spec: 'SYMMETRIC_DEFAULT' },
    });
    const matches = await db.pool.query('select kind, value, account, region from key_matches');
    expect(matches.rows).toEqual([{ kind: 'alias', value: 'alias/shared-data-prod', account: '111122223333', region: null }]);
  });

  it('concurrent writes of the same commit leave one snapshot', async () => {
    await Promise.all([1, 2, 3, 4].map(() => store(db, 'acme/orders-app', 'aaaa111', repos['orders-app'])));
    const { rows } = await db.pool.query(
      "select count(*)::int as n from snapshots s join repositories r on r.id = s.repository_id where r.full_name = 'acme/orders-app'",
    );
    expect(rows[0].n).toBe(1);
    const consumers = await db.pool.query(
      "select count(*)::int as n from consumers c join keys k on k.id = c.key_row join repositories r on r.current_snapshot = k.snapshot_id where r.full_name = 'acme/orders-app'",
    );
    expect(consumers.rows[0].n).toBe(2);
  });

  it('a review of the owning repository sees the consumers in the other repositories', async () => {
    await store(db, 'acme/billing-app', 'bbbb222', repos['billing-app'], { private: true });
    const uses = await externalUses(db.pool, 'acme/platform-keys', repos['platform-keys'].inventory);
    expect(uses.repositories).toBe(2);
    const list = uses.keys['.:aws_kms_key.shared_data'];
    expect(list.map((r) => [r.repository, r.declares, r.consumers.map((c) => c.resource)])).toEqual([
      ['acme/billing-app', false, ['.:aws_sns_topic.invoices']],
      ['acme/orders-app', false, ['.:aws_sqs_queue.orders', '.:aws_dynamodb_table.orders']],
    ]);
    expect(list[1].match).toBe('alias alias/shared-data-prod in 111122223333 eu-west-1');
    expect(list[1].consumers[1]).toMatchObject({ service: 'dynamodb', environment: 'prod', workload: 'orders', dataClass: 'confidential', file: 'main.tf' });
  });

  it('a review of a using repository sees the owner and the other user, never itself', async () => {
    const uses = await externalUses(db.pool, 'acme/orders-app', repos['orders-app'].inventory);
    const list = uses.keys['arn:aws:kms:eu-west-1:111122223333:alias/shared-data-prod'];
    expect(list.map((r) => [r.repository, r.declares, r.consumers.length])).toEqual([
      ['acme/billing-app', false, 1],
      ['acme/platform-keys', true, 1],
    ]);
  });

  it('only the current snapshot of each repository counts', async () => {
    // A newer commit of billing that no longer uses the key.
    const none = await analyse(folderFileSet(join(FIXTURES, 'orders-app')), parseConfig('exclude: ["**"]'), { today: '2026-01-01' });
    await store(db, 'acme/billing-app', 'bbbb333', none);
    const uses = await externalUses(db.pool, 'acme/platform-keys', repos['platform-keys'].inventory);
    expect(uses.keys['.:aws_kms_key.shared_data'].map((r) => r.repository)).toEqual(['acme/orders-app']);
    // A branch commit stored as not current leaves the current one in place.
    await store(db, 'acme/billing-app', 'bbbb222', repos['billing-app'], { current: true });
    await store(db, 'acme/billing-app', 'feature1', none, { current: false });
    const back = await externalUses(db.pool, 'acme/platform-keys', repos['platform-keys'].inventory);
    expect(back.keys['.:aws_kms_key.shared_data'].map((r) => r.repository)).toEqual(['acme/billing-app', 'acme/orders-app']);
  });

  it('keys in another account, or another alias, do not match', async () => {
    const other = await analyse(
      {
        label: 'memory',
        list: async () => [{ path: 'main.tf', size: 300, kind: 'file' }],
        read: async () =>
          Buffer.from(`resource "aws_sqs_queue" "q" {
  name              = "q"
  kms_master_key_id = "arn:aws:kms:eu-west-1:999999999999:alias/shared-data-prod"
}
resource "aws_sqs_queue" "r" {
  name              = "r"
  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/shared-data-dev"
}
resource "aws_sqs_queue" "s" {
  name              = "s"
  kms_master_key_id = "alias/aws/sqs"
}
`),
      },
      parseConfig(''),
      { today: '2026-01-01' },
    );
    await store(db, 'acme/elsewhere', 'eeee111', other);
    const uses = await externalUses(db.pool, 'acme/platform-keys', repos['platform-keys'].inventory);
    expect(uses.keys['.:aws_kms_key.shared_data'].map((r) => r.repository)).not.toContain('acme/elsewhere');
    const theirs = await externalUses(db.pool, 'acme/elsewhere', other.inventory);
    expect(Object.keys(theirs.keys)).toEqual([]);
    expect(theirs.repositories).toBe(3);
  });
});
