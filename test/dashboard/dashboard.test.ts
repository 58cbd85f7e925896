/**
 * The dashboard in headless Chromium (Debian's `chromium`, driven by playwright-core), served by
 * the App's own server (`startServer`, as `node lib/server.js` runs it) over a real PostgreSQL
 * holding three indexed repositories: a member signs in with GitHub OAuth and sees the shared key
 * with its three repositories; a member who cannot read the private repository does not see it
 * anywhere; someone outside the installing organisation is turned away. Screenshots are written
 * to test-results/dashboard/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { openIndexDb } from '../../src/index/db.js';
import { storeSnapshot } from '../../src/index/store.js';
import { analyse } from '../../src/pipeline.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { folderFileSet } from '../../src/sources/folder.js';
import { hasPostgres, startPostgres, type TestPostgres } from '../index/support/postgres.js';
import { privateKey } from '../server/support/process.js';
import { OAuthGithub } from './support/oauth-github.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '../../test-results/dashboard');

function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn('dashboard browser tests skipped: no /usr/bin/chromium (apt-get install chromium; .ci/run installs it)');
  return false;
}

const REPOS = [
  { name: 'acme/platform-keys', dir: 'fixtures/index/platform-keys', private: false },
  { name: 'acme/orders-app', dir: 'fixtures/index/orders-app', private: false },
  { name: 'acme/billing-app', dir: 'fixtures/index/billing-app', private: true },
];

describe.runIf(hasPostgres() && hasChromium())('dashboard in headless Chromium', () => {
  let pg: TestPostgres;
  let github: OAuthGithub;
  let server: RunningServer;
  let profile: string;
  let browser: BrowserContext;
  let base: string;

  beforeAll(async () => {
    pg = await startPostgres();
    const db = await openIndexDb(pg.url, { max: 2 });
    for (const [i, r] of REPOS.entries()) {
      const a = await analyse(folderFileSet(r.dir), parseConfig(''), { today: '2026-11-22' });
      const input = { inventory: a.inventory, access: a.access, findings: a.findings, files: a.stats.files };
      // Two snapshots each, for the trend.
      await storeSnapshot(db.pool, { repository: { fullName: r.name, private: r.private }, commit: `old${i}`, ...input, findings: a.findings.slice(1) });
      await storeSnapshot(db.pool, { repository: { fullName: r.name, private: r.private }, commit: `new${i}`, ...input });
    }
    await db.close();
    github = await new OAuthGithub().start();
    github.users.set('mona', { login: 'mona', installations: { 77: REPOS.map((r) => r.name) } });
    github.users.set('hubot', { login: 'hubot', installations: { 77: ['acme/platform-keys', 'acme/orders-app'] } });
    github.users.set('stranger', { login: 'stranger', installations: {} });
    server = await startServer({
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: 'secret',
      LOG_LEVEL: 'fatal',
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      DATABASE_URL: pg.url,
      GITHUB_CLIENT_ID: 'dashboard-client',
      GITHUB_CLIENT_SECRET: 'dashboard-secret',
    });
    base = `http://127.0.0.1:${server.port}`;
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'kms-review-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await github?.stop();
    await pg?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function signIn(login: string) {
    await browser.clearCookies();
    github.atKeyboard = login;
    const page = await browser.newPage();
    const response = await page.goto(`${base}/dashboard`);
    return { page, response };
  }

  it('a member signs in with GitHub and sees the shared key with its three repositories', async () => {
    const { page } = await signIn('mona');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(github.requests).toContain('GET /login/oauth/authorize');
    await expect(page.title()).resolves.toBe('Keys · kms-review');
    await expect(page.getByText('Signed in as mona')).toBeTruthy();
    const caption = page.locator('caption', { hasText: 'alias alias/shared-data-prod in 111122223333 eu-west-1' });
    expect(await caption.textContent()).toContain('4 resources in 3 repositories');
    const table = page.locator('table', { has: caption });
    const rows = await table.locator('tbody th[scope=row]').allTextContents();
    expect(rows).toEqual(['acme/platform-keys', 'acme/orders-app', 'acme/billing-app private']);
    expect(await page.locator('h2').first().textContent()).toBe('111122223333 · eu-west-1');
    await page.screenshot({ path: join(SHOTS, 'keys-member.png'), fullPage: true });

    await page.getByLabel('Search by key ARN, alias or id').fill('arn:aws:kms:eu-west-1:111122223333:alias/shared-data-prod');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=arn/);
    expect(await page.locator('caption').count()).toBe(1);
    await page.getByLabel('Search by key ARN, alias or id').fill('alias/nothing');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=alias/);
    expect(await page.getByText('No key found.').count()).toBe(1);

    await page.getByRole('link', { name: 'Sharing graph' }).click();
    expect(await page.locator('svg[role=img] title').textContent()).toBe('Repositories and the keys they share');
    expect(await page.locator('svg text').allTextContents()).toEqual(['acme/billing-app', 'acme/orders-app', 'acme/platform-keys', 'alias/shared-data-prod']);
    await page.screenshot({ path: join(SHOTS, 'graph-member.png'), fullPage: true });

    await page.getByRole('link', { name: 'Findings trend' }).click();
    const trendRows = await page.locator('table').nth(1).locator('tbody tr').count();
    expect(trendRows).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'trend-member.png'), fullPage: true });
    await page.close();
  });

  it('a member who cannot read the private repository does not see it anywhere', async () => {
    const { page } = await signIn('hubot');
    const caption = page.locator('caption', { hasText: 'alias/shared-data-prod' });
    expect(await caption.textContent()).toContain('3 resources in 2 repositories');
    const html = await page.content();
    expect(html).not.toContain('billing');
    await page.screenshot({ path: join(SHOTS, 'keys-without-private.png'), fullPage: true });
    await page.goto(`${base}/dashboard/graph`);
    expect(await page.content()).not.toContain('billing');
    await page.goto(`${base}/dashboard/trend`);
    expect(await page.content()).not.toContain('billing');
    await page.close();
  });

  it('someone outside the installing organisation is turned away, and no page opens without signing in', async () => {
    const { page, response } = await signIn('stranger');
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Not a member');
    await page.screenshot({ path: join(SHOTS, 'not-a-member.png') });
    const direct = await fetch(`${base}/dashboard/trend`, { redirect: 'manual' });
    expect(direct.status).toBe(302);
    expect(direct.headers.get('location')).toBe('/dashboard/login');
    const forged = await fetch(`${base}/dashboard/callback?code=code-mona&state=guessed`, { redirect: 'manual' });
    expect(forged.status).toBe(400);
    await page.close();
  });

  it('signing out ends the session: its cookie opens nothing any more', async () => {
    const { page } = await signIn('mona');
    const before = (await browser.cookies()).find((c) => c.name === 'kms_review_session');
    expect(before).toBeDefined();
    expect(before?.httpOnly).toBe(true);
    const withCookie = (id: string) => fetch(`${base}/dashboard`, { redirect: 'manual', headers: { cookie: `kms_review_session=${id}` } });
    expect((await withCookie(before!.value)).status).toBe(200);
    // The fake GitHub would sign the browser in again at once after sign-out: nobody is at the keyboard.
    github.atKeyboard = 'nobody';
    await page.getByRole('link', { name: 'Sign out' }).click();
    const gone = await withCookie(before!.value);
    expect(gone.status).toBe(302);
    expect(gone.headers.get('location')).toBe('/dashboard/login');
    await page.close();
  });
});
