/**
 * Issue 16's "done when", in process: the App (Probot, our handlers, a fake GitHub at the HTTP level)
 * is installed on three repositories — acme/platform-infra declares the shared key, acme/orders-app
 * and acme/billing-app (private) use it by its alias ARN — and indexes each default branch into a
 * real PostgreSQL; a pull request in acme/platform-infra that removes the key then reports, in its
 * check run and in /kms blast-radius, the consumers in the two other repositories.
 */
import nock from 'nock';
import type { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directIndexer } from '../../src/index/indexer.js';
import { createKeyIndex, type KeyIndex } from '../../src/index/reader.js';
import { orgReport } from '../../src/index/report.js';
import { BlobCache } from '../../src/sources/blob-cache.js';
import { BASE, CHECK_RUN_ID, deliver, FakeApp, INSTALLATION, payload, resetNock, testProbot } from '../app/harness.js';
import { API, FakeGithub, fakeSha, readFolder } from '../github/support/fake-github.js';
import type { Loose } from '../support/loose.js';
import { hasPostgres, startPostgres, type TestPostgres } from './support/postgres.js';

const ORDERS = fakeSha('orders-main');
const BILLING = fakeSha('billing-main');

describe.runIf(hasPostgres())('organisation key index, end to end (App + PostgreSQL)', () => {
  let pg: TestPostgres;
  let index: KeyIndex;
  let probot: Probot;
  let fake: FakeApp;
  const others = new Map<string, FakeGithub>();
  const repoCalls: string[] = [];
  const warnings: object[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    index = createKeyIndex(pg.url, { max: 4 });
    resetNock();
    // One GraphQL endpoint serves every repository's blobs: answered by the repository the query names.
    others.set('orders-app', new FakeGithub('acme', 'orders-app'));
    others.set('billing-app', new FakeGithub('acme', 'billing-app'));
    fake = new FakeApp();
    others.set('platform-infra', fake);
    others.get('orders-app')!.commit(ORDERS, readFolder('fixtures/index/orders-app'));
    others.get('billing-app')!.commit(BILLING, readFolder('fixtures/index/billing-app'));
    fake.folders('fixtures/index/platform-keys', 'fixtures/index/changes/key-removed/after');
    nock(API)
      .persist()
      .post(
        '/graphql',
        (body: { query?: string; variables?: { name?: string } }) => /object\(oid:/.test(body.query ?? '') && others.has(body.variables?.name ?? ''),
      )
      .reply((uri, body) => {
        const { variables } = body as { variables: { name: string } };
        const gh = others.get(variables.name)!;
        fake.log.push({ method: 'POST', path: uri, body });
        const { query } = body as { query: string };
        const repository: Record<string, unknown> = {};
        for (const [, alias, oid] of query.matchAll(/(\w+): object\(oid: "([0-9a-f]+)"\)/g)) {
          const bytes = gh.blobs.get(oid);
          repository[alias] = bytes ? { byteSize: bytes.length, isBinary: false, isTruncated: false, text: bytes.toString('utf8') } : null;
        }
        repoCalls.push(`POST ${uri} ${variables.name}`);
        return [200, { data: { repository } }];
      });
    const repos: Record<string, { private: boolean; head: string }> = {
      'platform-infra': { private: false, head: BASE },
      'orders-app': { private: false, head: ORDERS },
      'billing-app': { private: true, head: BILLING },
    };
    for (const [name, r] of Object.entries(repos)) {
      nock(API)
        .persist()
        .get(`/repos/acme/${name}`)
        .reply(() => {
          repoCalls.push(`GET repo ${name}`);
          return [200, { name, full_name: `acme/${name}`, default_branch: 'main', private: r.private }];
        });
      nock(API)
        .persist()
        .get(`/repos/acme/${name}/branches/main`)
        .reply(() => {
          repoCalls.push(`GET branch ${name}`);
          return [200, { name: 'main', commit: { sha: r.head } }];
        });
    }
    for (const gh of others.values()) if (gh !== fake) gh.serve();
    fake.start();
    const indexer = directIndexer(index, new BlobCache());
    // Indexing failures are logged and the next repository goes on: the test keeps them to assert there are none.
    probot = await testProbot({
      deps: { index, indexer: (o, i, t, log) => indexer(o, i, t, { info: log.info.bind(log), warn: (obj) => warnings.push(obj) }) },
    });
  }, 60_000);

  afterAll(async () => {
    resetNock();
    await index?.close();
    await pg?.stop();
  });

  it('installing the App indexes the default branch of each repository it is given', async () => {
    await deliver(probot, 'installation.created', {
      action: 'created',
      installation: { id: INSTALLATION, account: { login: 'acme' } },
      repositories: [
        { id: 1, name: 'platform-infra', full_name: 'acme/platform-infra', private: false },
        { id: 2, name: 'orders-app', full_name: 'acme/orders-app', private: false },
        { id: 3, name: 'billing-app', full_name: 'acme/billing-app', private: true },
      ],
      sender: { login: 'octocat', type: 'User' },
    });
    expect(warnings).toEqual([]);
    expect(repoCalls.filter((c) => c.startsWith('GET branch'))).toEqual(['GET branch platform-infra', 'GET branch orders-app', 'GET branch billing-app']);
    const report = await orgReport((await index.db()).pool);
    expect(report.repositories.map((r) => [r.repository, r.commit, r.private])).toEqual([
      ['acme/billing-app', BILLING, true],
      ['acme/orders-app', ORDERS, false],
      ['acme/platform-infra', BASE, false],
    ]);
    expect(report.keys[0].repositories.map((r) => [r.repository, r.declares, r.consumers])).toEqual([
      ['acme/platform-infra', true, 1],
      ['acme/orders-app', false, 2],
      ['acme/billing-app', false, 1],
    ]);
  });

  it('a push to the default branch indexes that commit; other branches are left alone', async () => {
    const push = (ref: string, after: string) => ({
      ref,
      after,
      before: '0'.repeat(40),
      deleted: false,
      installation: { id: INSTALLATION },
      repository: { id: 2, name: 'orders-app', full_name: 'acme/orders-app', private: false, default_branch: 'main', owner: { login: 'acme', name: 'acme' } },
      sender: { login: 'octocat', type: 'User' },
    });
    const next = fakeSha('orders-main-2');
    others.get('orders-app')!.commit(next, readFolder('fixtures/index/orders-app'));
    await deliver(probot, 'push', push('refs/heads/feature', fakeSha('feature')), 'push-feature');
    const db = (await index.db()).pool;
    const commits = async () =>
      (
        await db.query("select s.commit from snapshots s join repositories r on r.id = s.repository_id where r.full_name = 'acme/orders-app' order by s.id")
      ).rows.map((r) => r.commit);
    expect(await commits()).toEqual([ORDERS]);
    await deliver(probot, 'push', push('refs/heads/main', next), 'push-main');
    expect(await commits()).toEqual([ORDERS, next]);
    const current = await db.query("select s.commit from repositories r join snapshots s on s.id = r.current_snapshot where r.full_name = 'acme/orders-app'");
    expect(current.rows[0].commit).toBe(next);
  });

  it('a pull request that removes the key reports the consumers in the other repositories', async () => {
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    const done = fake.bodies('PATCH', `/check-runs/${CHECK_RUN_ID}`).at(-1) as Loose;
    expect(done.status).toBe('completed');
    const summary: string = done.output.summary;
    expect(summary).toContain('### Other repositories');
    expect(summary).toContain('`alias/shared-data-prod` is also used by 3 resources in 2 other repositories:');
    expect(summary).toMatch(
      /- \*\*acme\/orders-app\*\* @ [0-9a-f]{7}, matched by alias alias\/shared-data-prod in 111122223333 eu-west-1: `aws_sqs_queue\.orders`/,
    );
    expect(summary).toContain('**acme/billing-app**');
    const kms501 = (done.output.annotations as Loose[]).find((a) => a.title?.includes('KMS501'));
    expect(kms501?.message).toContain(
      'but 3 resources in 2 other repositories still do: acme/orders-app (aws_sqs_queue.orders and aws_dynamodb_table.orders) and acme/billing-app (aws_sns_topic.invoices)',
    );
  });
});
