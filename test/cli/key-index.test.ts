/** `kms-review index` and `kms-review org-report` against a real PostgreSQL (skipped with one line without one). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryOfRemote } from '../../src/cli/key-index.js';
import { hasPostgres, startPostgres, type TestPostgres } from '../index/support/postgres.js';
import { runCli as run } from '../support/cli.js';

const FIXTURES = 'fixtures/index';

describe('repositoryOfRemote', () => {
  it('reads owner/name from ssh and https remotes, and nothing from other text', () => {
    expect(repositoryOfRemote('git@github.com:acme/platform-keys.git')).toBe('acme/platform-keys');
    expect(repositoryOfRemote('https://github.example.com/acme/orders-app')).toBe('acme/orders-app');
    expect(repositoryOfRemote('https://github.com/acme/orders-app.git/')).toBe('acme/orders-app');
    expect(repositoryOfRemote('not a url')).toBeUndefined();
    expect(repositoryOfRemote(undefined)).toBeUndefined();
  });
});

describe('index and org-report without a database', () => {
  it('index asks for a database URL and a commit, with the usage', async () => {
    const noDb = await run(['index', `${FIXTURES}/orders-app`]);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('--database-url (or DATABASE_URL) is required');
    expect(noDb.stderr).toContain('kms-review org-report --database-url');
    const noFolder = await run(['index', '--database-url', 'postgres://127.0.0.1:1/x']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('index takes one folder');
  });

  it('a database that does not answer is an error, not a crash', async () => {
    const { code, stderr } = await run(['org-report', '--database-url', 'postgres://nobody@127.0.0.1:1/none']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ECONNREFUSED|connect/);
  });
});

describe.runIf(hasPostgres())('index and org-report (PostgreSQL)', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => pg?.stop());

  it('indexes three repositories and reports the shared key with its three repositories', async () => {
    const index = (name: string, extra: string[] = []) =>
      run(['index', `${FIXTURES}/${name}`, '--database-url', pg.url, '--repository', `acme/${name}`, '--commit', `${name}-1`, ...extra]);
    const platform = await index('platform-keys');
    expect(platform.stderr).toBe('');
    expect(platform.code).toBe(0);
    expect(platform.stdout).toMatch(/^indexed acme\/platform-keys at platform-key: 1 files, 1 keys, 1 consumers, \d+ findings, 0 unresolved \(\d+ ms\)\n$/);
    expect((await index('orders-app')).code).toBe(0);
    expect((await index('billing-app', ['--private'])).code).toBe(0);
    // Indexing a commit again replaces it.
    expect((await index('orders-app')).code).toBe(0);

    const text = await run(['org-report'], { DATABASE_URL: pg.url });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Key index: 3 repositories, 1 key, 1 used by more than one repository');
    expect(text.stdout).toContain('alias alias/shared-data-prod in 111122223333 eu-west-1\n  4 resources in 3 repositories\n');
    expect(text.stdout).toContain('  acme/platform-keys @ platfor: declares it (main.tf:2) · 1 resource · prod · platform · confidential · s3');
    expect(text.stdout).toContain('  acme/orders-app @ orders-: 2 resources · prod · orders · confidential · dynamodb, sqs');
    expect(text.stdout).toContain('  acme/billing-app (private) @ billing: 1 resource · staging · billing · internal · sns');

    const json = await run(['org-report', '--database-url', pg.url, '--format', 'json']);
    const report = JSON.parse(json.stdout) as {
      version: number;
      repositories: unknown[];
      keys: { repositories: { repository: string; consumers: number }[] }[];
    };
    expect(report.version).toBe(1);
    expect(report.repositories).toHaveLength(3);
    expect(report.keys[0].repositories.map((r) => [r.repository, r.consumers])).toEqual([
      ['acme/platform-keys', 1],
      ['acme/orders-app', 2],
      ['acme/billing-app', 1],
    ]);

    const markdown = await run(['org-report', '--database-url', pg.url, '--format', 'markdown', '--search', 'SHARED-DATA']);
    expect(markdown.stdout).toContain('### alias alias/shared-data-prod in 111122223333 eu-west-1');
    expect(markdown.stdout).toContain('| acme/billing-app (private) |  | 1 | staging | billing | internal | sns |');
    const none = await run(['org-report', '--database-url', pg.url, '--search', 'alias/nothing-like-it']);
    expect(none.stdout).toBe('Key index: 3 repositories, 0 keys, 0 used by more than one repository\n');
  });
});
