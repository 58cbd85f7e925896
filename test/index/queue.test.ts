/**
 * The key index in queue mode, against a real Redis and a real PostgreSQL: the webhook side queues
 * one job per repository (a re-delivery adds nothing), a worker indexes it, and the nightly sweep
 * queues every repository of every installation. GitHub is faked at the HTTP level (nock).
 */
import { execFileSync } from 'node:child_process';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyIndex, type KeyIndex } from '../../src/index/reader.js';
import { DEFAULT_INDEX_CRON, IndexProducer, IndexWorker, indexJobIdOf, NIGHTLY_SCHEDULER } from '../../src/queue/index-queue.js';
import { BlobCache } from '../../src/sources/blob-cache.js';
import { resetNock } from '../app/harness.js';
import { API, FakeGithub, fakeSha, readFolder } from '../github/support/fake-github.js';
import { startRedis, type TestRedis } from '../queue/support/redis.js';
import { until } from '../server/support/process.js';
import { hasPostgres, startPostgres, type TestPostgres } from './support/postgres.js';

function hasRedis(): boolean {
  if (process.env.REDIS_URL) return true;
  try {
    execFileSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('index queue tests skipped: no Redis (redis-server is not on PATH and REDIS_URL is unset)');
    return false;
  }
}

const ORDERS = fakeSha('orders-queue');
const BILLING = fakeSha('billing-queue');
const silent = { info: () => {}, warn: () => {} };

describe.runIf(hasPostgres() && hasRedis())('key index in queue mode (Redis + PostgreSQL)', () => {
  let pg: TestPostgres;
  let redis: TestRedis;
  let index: KeyIndex;
  let producer: IndexProducer;
  let worker: IndexWorker;
  const warnings: object[] = [];

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    index = createKeyIndex(pg.url, { max: 2 });
    resetNock();
    const repos = {
      'orders-app': { head: ORDERS, dir: 'fixtures/index/orders-app', private: false },
      'billing-app': { head: BILLING, dir: 'fixtures/index/billing-app', private: true },
    };
    const fakes = new Map<string, FakeGithub>();
    for (const [name, r] of Object.entries(repos)) {
      const gh = new FakeGithub('acme', name);
      gh.commit(r.head, readFolder(r.dir));
      fakes.set(name, gh);
      nock(API)
        .persist()
        .get(`/repos/acme/${name}`)
        .reply(200, { name, full_name: `acme/${name}`, default_branch: 'main', private: r.private });
      nock(API)
        .persist()
        .get(`/repos/acme/${name}/branches/main`)
        .reply(200, { name: 'main', commit: { sha: r.head } });
    }
    // Blobs for both repositories through one GraphQL endpoint.
    nock(API)
      .persist()
      .post('/graphql')
      .reply((_uri, body) => {
        const { query, variables } = body as { query: string; variables: { name: string } };
        const gh = fakes.get(variables.name);
        const repository: Record<string, unknown> = {};
        for (const [, alias, oid] of query.matchAll(/(\w+): object\(oid: "([0-9a-f]+)"\)/g)) {
          const bytes = gh?.blobs.get(oid);
          repository[alias] = bytes ? { byteSize: bytes.length, isBinary: false, isTruncated: false, text: bytes.toString('utf8') } : null;
        }
        return [200, { data: { repository } }];
      });
    for (const gh of fakes.values()) gh.serve();
    nock(API)
      .persist()
      .get(/\/contents\/\.github(%2F|\/)kms-review\.yml/)
      .reply(404, { message: 'Not Found' });
    nock(API)
      .persist()
      .get('/app/installations')
      .query(true)
      .reply(200, [{ id: 77 }]);
    nock(API)
      .persist()
      .get('/installation/repositories')
      .query(true)
      .reply(200, {
        total_count: 2,
        repositories: [
          { full_name: 'acme/billing-app', private: true },
          { full_name: 'acme/old-app', private: false, archived: true },
        ],
      });
    const octokit = new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } });
    producer = new IndexProducer(redis.client);
    worker = new IndexWorker({
      auth: async () => octokit,
      redis: redis.client,
      index,
      cache: new BlobCache(),
      log: { info: () => {}, warn: (o) => warnings.push(o) },
    });
  }, 60_000);

  afterAll(async () => {
    resetNock();
    await worker?.close();
    await producer?.close();
    await index?.close();
    await Promise.all([pg?.stop(), redis?.stop()]);
  });

  const indexed = async () =>
    (
      await (
        await index.db()
      ).pool.query('select r.full_name, r.private, s.commit from repositories r join snapshots s on s.id = r.current_snapshot order by 1')
    ).rows;

  it('queues one job per repository and commit (a re-delivery adds nothing), and a worker indexes it', async () => {
    const target = { owner: 'acme', repo: 'orders-app', private: false, defaultBranch: 'main', sha: ORDERS };
    await producer.indexer(undefined, 77, [target], silent);
    await producer.indexer(undefined, 77, [target], silent);
    expect(indexJobIdOf(target)).toBe(`acme/orders-app@${ORDERS}`);
    await until('orders indexed', async () => (await indexed()).length === 1, 20_000);
    expect(await indexed()).toEqual([{ full_name: 'acme/orders-app', private: false, commit: ORDERS }]);
    const snapshots = await (await index.db()).pool.query('select count(*)::int as n from snapshots');
    expect(snapshots.rows[0].n).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('the nightly sweep queues every repository of every installation (archived ones left out), read at their default branch head', async () => {
    await producer.scheduleNightly();
    const schedulers = await producer.queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[NIGHTLY_SCHEDULER, DEFAULT_INDEX_CRON]]);
    // Run the sweep now rather than at 03:00.
    await producer.queue.add('sweep', {}, { removeOnComplete: true });
    await until('billing indexed', async () => (await indexed()).length === 2, 20_000);
    expect(await indexed()).toEqual([
      { full_name: 'acme/billing-app', private: true, commit: BILLING },
      { full_name: 'acme/orders-app', private: false, commit: ORDERS },
    ]);
    await producer.scheduleNightly('off');
    expect(await producer.queue.getJobSchedulers()).toEqual([]);
  });
});
