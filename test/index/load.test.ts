/**
 * The key index at organisation scale (issue 16: 1,000 repositories × 50 keys), against a real
 * PostgreSQL: indexing time per repository (full analysis + store), the review's cross-repository
 * lookup (p99 ≤ 50 ms), dashboard pages over HTTP (p99 ≤ 300 ms), and one repository re-indexed
 * after a push (≤ 10 s). A load run, not part of the suite: `npm run load:index` (skipped otherwise,
 * with one line). Bounded: the sizes below, loopback only.
 *
 *   KMS_REVIEW_INDEX_LOAD=1 KMS_REVIEW_INDEX_REPOS=1000 npx vitest run test/index/load.test.ts
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { dashboardHandler } from '../../src/dashboard/handler.js';
import { createSession } from '../../src/dashboard/sessions.js';
import { externalUses } from '../../src/index/lookup.js';
import { createKeyIndex, type KeyIndex } from '../../src/index/reader.js';
import { storeSnapshot } from '../../src/index/store.js';
import { type Analysis, analyse } from '../../src/pipeline.js';
import type { FileSet } from '../../src/sources/fileset.js';
import { hasPostgres, startPostgres, type TestPostgres } from './support/postgres.js';

const LOAD = process.env.KMS_REVIEW_INDEX_LOAD === '1';
const REPOS = Math.min(2000, Number(process.env.KMS_REVIEW_INDEX_REPOS) || 1000);
const KEYS = 50;
/** Other repositories whose keys each repository uses (by alias ARN), five keys of each. */
const USES = 4;
const ENVS = ['prod', 'staging', 'dev'];

if (!LOAD) console.warn('key index load run skipped: set KMS_REVIEW_INDEX_LOAD=1 (npm run load:index)');

/** Repository `i`: 50 keys each with an alias and a queue, and queues on other repositories' keys. */
function repositoryHcl(i: number): string {
  const env = ENVS[i % ENVS.length];
  const parts: string[] = [];
  for (let j = 0; j < KEYS; j++) {
    parts.push(`resource "aws_kms_key" "k${j}" {
  description         = "key ${j} of repository ${i}"
  enable_key_rotation = true
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }] })
  tags = { Environment = "${env}", Workload = "app${i}", DataClass = "internal" }
}
resource "aws_kms_alias" "k${j}" {
  name          = "alias/r${i}-k${j}"
  target_key_id = aws_kms_key.k${j}.key_id
}
resource "aws_sqs_queue" "q${j}" {
  name              = "q${j}"
  kms_master_key_id = aws_kms_key.k${j}.arn
  tags              = { Environment = "${env}", Workload = "app${i}" }
}`);
  }
  for (let d = 1; d <= USES; d++) {
    const other = (i + d * 7) % REPOS;
    for (let j = 0; j < 5; j++)
      parts.push(`resource "aws_sns_topic" "t${d}_${j}" {
  name              = "t${d}-${j}"
  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/r${other}-k${(i + j) % KEYS}"
  tags              = { Environment = "${env}", Workload = "app${i}" }
}`);
  }
  return `${parts.join('\n')}\n`;
}

function memory(text: string): FileSet {
  const bytes = Buffer.from(text);
  return { label: 'memory', list: async () => [{ path: 'main.tf', size: bytes.length, kind: 'file' }], read: async () => bytes };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

describe.runIf(LOAD && hasPostgres())(`key index load: ${REPOS} repositories × ${KEYS} keys`, () => {
  let pg: TestPostgres;
  let index: KeyIndex;
  const analyses = new Map<number, Analysis>();
  const report: string[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    index = createKeyIndex(pg.url, { max: 8 });
    await index.db();
  }, 60_000);

  afterAll(async () => {
    console.log(`\n${report.join('\n')}\n`);
    await index?.close();
    await pg?.stop();
  });

  const store = async (i: number, a: Analysis, commit: string) =>
    storeSnapshot((await index.db()).pool, {
      repository: { fullName: `acme/repo-${i}`, private: i % 10 === 0 },
      commit,
      inventory: a.inventory,
      access: a.access,
      findings: a.findings,
      files: a.stats.files,
    });

  it('indexes every repository (analysis + store)', async () => {
    const analyseMs: number[] = [];
    const storeMs: number[] = [];
    const started = performance.now();
    for (let i = 0; i < REPOS; i++) {
      const t0 = performance.now();
      const a = await analyse(memory(repositoryHcl(i)), parseConfig(''), { today: '2026-11-22' });
      const t1 = performance.now();
      await store(i, a, `c${i}`);
      storeMs.push(performance.now() - t1);
      analyseMs.push(t1 - t0);
      // Kept for the lookups: a sample is enough.
      if (i % 10 === 0) analyses.set(i, a);
    }
    const total = (performance.now() - started) / 1000;
    const counts = (
      await (
        await index.db()
      ).pool.query(
        'select (select count(*) from keys)::int as keys, (select count(*) from consumers)::int as consumers, (select count(*) from key_matches)::int as matches',
      )
    ).rows[0];
    report.push(
      `indexed ${REPOS} repositories in ${total.toFixed(1)} s: ${counts.keys} keys, ${counts.consumers} consumers, ${counts.matches} matches`,
      `  analysis per repository p50 ${ms(percentile(analyseMs, 50))}, p99 ${ms(percentile(analyseMs, 99))}; store p50 ${ms(percentile(storeMs, 50))}, p99 ${ms(percentile(storeMs, 99))}`,
    );
    expect(counts.keys).toBeGreaterThanOrEqual(REPOS * KEYS);
  }, 1_800_000);

  it('review lookups of other repositories’ consumers: p99 ≤ 50 ms', async () => {
    const pool = (await index.db()).pool;
    const samples = [...analyses.entries()];
    const times: number[] = [];
    let consumers = 0;
    for (let n = 0; n < 500; n++) {
      const [i, a] = samples[n % samples.length];
      const t0 = performance.now();
      const uses = await externalUses(pool, `acme/repo-${i}`, a.inventory);
      times.push(performance.now() - t0);
      consumers += Object.values(uses.keys).reduce((s, list) => s + list.reduce((c, r) => c + r.consumers.length, 0), 0);
    }
    report.push(
      `review lookup (${KEYS + USES * 5} keys per repository): p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} over 500 lookups (${consumers} consumers found)`,
    );
    expect(consumers).toBeGreaterThan(0);
    expect(percentile(times, 99)).toBeLessThanOrEqual(50);
  }, 300_000);

  it('dashboard pages over HTTP: p99 ≤ 300 ms', async () => {
    const pool = (await index.db()).pool;
    const all = Array.from({ length: REPOS }, (_, i) => `acme/repo-${i}`);
    const member = await createSession(pool, 'mona', all, 3600);
    const few = await createSession(pool, 'hubot', all.slice(0, 20), 3600);
    const handler = dashboardHandler({
      settings: { clientId: 'x', clientSecret: 'y', webUrl: 'http://127.0.0.1:1', apiUrl: 'http://127.0.0.1:1/api/v3', sessionSeconds: 3600 },
      index,
    });
    const server: Server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // The first page after indexing groups every key of the organisation (then shared by every viewer until the next index).
      const t0 = performance.now();
      await (await fetch(`${base}/dashboard`, { headers: { cookie: `kms_review_session=${member.id}` } })).text();
      report.push(`dashboard first page after indexing (groups all keys, cached until the next index): ${ms(performance.now() - t0)}`);
      for (const [label, session, path] of [
        ['keys, member of all', member.id, '/dashboard'],
        ['search by alias ARN', member.id, '/dashboard?q=arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Aalias%2Fr5-k7'],
        ['sharing graph', member.id, '/dashboard/graph'],
        ['findings trend', member.id, '/dashboard/trend'],
        ['keys, 20 repositories', few.id, '/dashboard'],
      ] as const) {
        const times: number[] = [];
        for (let n = 0; n < 40; n++) {
          const t0 = performance.now();
          const response = await fetch(`${base}${path}`, { headers: { cookie: `kms_review_session=${session}` } });
          await response.text();
          times.push(performance.now() - t0);
          expect(response.status).toBe(200);
        }
        report.push(`dashboard ${label}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} (40 requests)`);
        expect(percentile(times, 99), label).toBeLessThanOrEqual(300);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 300_000);

  it('one repository re-indexed after a push: ≤ 10 s', async () => {
    const t0 = performance.now();
    const a = await analyse(memory(repositoryHcl(3)), parseConfig(''), { today: '2026-11-22' });
    await store(3, a, 'pushed');
    const took = performance.now() - t0;
    report.push(`re-index of one repository after a push (analysis + store, files read from memory): ${ms(took)}`);
    expect(took).toBeLessThanOrEqual(10_000);
  }, 60_000);
});
