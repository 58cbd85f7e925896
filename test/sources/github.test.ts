import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { DEFAULT_LIMITS } from '../../src/model/source.js';
import { analyse, analyseChange } from '../../src/pipeline.js';
import { createApiCallCounter } from '../../src/sources/api-calls.js';
import { BlobCache } from '../../src/sources/blob-cache.js';
import { blobQuery, githubFileSet, pullRequestSources } from '../../src/sources/github.js';
import { isCandidatePath, loadSourceFiles } from '../../src/sources/load.js';
import { FakeGithub, fakeSha, gitBlobSha, readFolder } from '../github/support/fake-github.js';
import { analyseChangeFolders, analyseFolder } from '../harness.js';

const SCENARIO = 'fixtures/scenarios/env-wide-shared-key';
const BASE = fakeSha('base commit');
const HEAD = fakeSha('head commit');
const MAX = DEFAULT_LIMITS.maxFileBytes;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function client() {
  return new Octokit({ auth: 'test-token' });
}

function setup(files: Record<string, Parameters<FakeGithub['commit']>[1][string]>, options: { truncated?: boolean } = {}) {
  const github = new FakeGithub();
  github.commit(HEAD, files, options);
  github.serve();
  return { github, octokit: client(), calls: createApiCallCounter(), cache: new BlobCache() };
}

const treePath = (sha: string, recursive = true) => `/repos/acme/infra/git/trees/${sha}${recursive ? '?recursive=true' : ''}`;

describe('githubFileSet', () => {
  it('lists with one recursive tree call and reads the wanted blobs in one GraphQL query', async () => {
    const { github, octokit, calls, cache } = setup({ 'a/main.tf': 'a = 1\n', 'a/readme.md': '# no\n', 'b/x.json': '{}\n' });
    const files = await githubFileSet(octokit, { owner: 'acme', repo: 'infra', commitSha: HEAD }, { cache, calls, maxFileBytes: MAX, wanted: isCandidatePath });
    expect((await files.list()).map((e) => [e.path, e.kind, e.size, e.sha])).toEqual([
      ['a/main.tf', 'file', 6, gitBlobSha('a = 1\n')],
      ['b/x.json', 'file', 3, gitBlobSha('{}\n')],
    ]);
    const read = await files.readMany!(['a/main.tf', 'b/x.json']);
    expect(read.get('a/main.tf')?.toString()).toBe('a = 1\n');
    expect(read.get('b/x.json')?.toString()).toBe('{}\n');
    expect(github.log).toEqual([
      { method: 'GET', path: treePath(HEAD) },
      {
        method: 'POST',
        path: '/graphql',
        body: { query: blobQuery([gitBlobSha('a = 1\n'), gitBlobSha('{}\n')]), variables: { owner: 'acme', name: 'infra' } },
      },
    ]);
    expect(blobQuery(['ab'.repeat(20)])).toBe(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { b0: object(oid: "${'ab'.repeat(20)}") { ... on Blob { byteSize isBinary isTruncated text } } } }`,
    );
    // Read again: from the cache.
    await files.read('a/main.tf');
    expect(calls.snapshot()).toEqual({ total: 2, byRoute: { 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': 1, 'POST /graphql': 1 } });
    expect(files.truncated).toBe(false);
  });

  it('walks a truncated tree level by level, only into the folders it may descend into, and says so', async () => {
    const { github, octokit, calls, cache } = setup(
      { 'infra/prod/main.tf': 'p\n', 'infra/dev/main.tf': 'd\n', 'docs/a/b.json': '{}', 'root.tf': 'r\n' },
      { truncated: true },
    );
    const files = await githubFileSet(
      octokit,
      { owner: 'acme', repo: 'infra', commitSha: HEAD },
      { cache, calls, maxFileBytes: MAX, descend: (dir) => dir === 'infra' || dir.startsWith('infra/') },
    );
    expect((await files.list()).map((e) => e.path)).toEqual(['infra/dev/main.tf', 'infra/prod/main.tf', 'root.tf']);
    expect(files.truncated).toBe(true);
    expect(files.notes[0]).toMatch(/truncated.*walked folder by folder \(4 calls, 1 folders that cannot hold wanted files skipped\)/);
    const root = github.commits.get(HEAD)!.rootTree;
    const infra = github.trees.get(root)!.find((t) => t.path === 'infra')!.sha;
    const [dev, prod] = ['dev', 'prod'].map((name) => github.trees.get(infra)!.find((t) => t.path === name)!.sha);
    expect(github.log.map((l) => l.path)).toEqual([treePath(HEAD), treePath(root, false), treePath(infra, false), treePath(dev, false), treePath(prod, false)]);
    expect(calls.total).toBe(5);
  });

  it('stops a truncated walk at maxTreeCalls and says the listing is incomplete', async () => {
    const { octokit, calls, cache } = setup({ 'a/b/c/d.tf': 'x' }, { truncated: true });
    const files = await githubFileSet(octokit, { owner: 'acme', repo: 'infra', commitSha: HEAD }, { cache, calls, maxFileBytes: MAX, maxTreeCalls: 2 });
    expect(await files.list()).toEqual([]);
    expect(files.notes[1]).toBe('the listing is incomplete: 1 folders not walked (over 2 tree calls)');
    expect(calls.total).toBe(3);
  });

  it('lists binary, submodule, symlink and over-size entries so the loader reports them, reading only what it may', async () => {
    const big = `${'#'.repeat(2000)}\n`;
    const { github, octokit, calls, cache } = setup({
      'bin.tf': Buffer.from([0x61, 0x00, 0x62]),
      'vendor/mod.tf': { submodule: fakeSha('other repo commit') },
      'escape.tf': { symlink: '../../etc/passwd' },
      'link.tf': { symlink: 'real/ok.tf' },
      'real/ok.tf': 'ok = 1\n',
      'big.tf': big,
    });
    const files = await githubFileSet(
      octokit,
      { owner: 'acme', repo: 'infra', commitSha: HEAD },
      { cache, calls, maxFileBytes: 1000, wanted: isCandidatePath },
    );
    expect((await files.list()).map((e) => [e.path, e.kind, e.size])).toEqual([
      ['big.tf', 'file', 2001],
      ['bin.tf', 'file', 3],
      ['escape.tf', 'symlink', 16],
      ['link.tf', 'file', 7],
      ['real/ok.tf', 'file', 7],
      ['vendor/mod.tf', 'submodule', 0],
    ]);
    const loaded = await loadSourceFiles(files, { limits: { ...DEFAULT_LIMITS, maxFileBytes: 1000 }, wanted: () => true });
    expect(loaded.files.map((f) => [f.path, f.text])).toEqual([
      ['link.tf', 'ok = 1\n'],
      ['real/ok.tf', 'ok = 1\n'],
    ]);
    expect(loaded.problems.map((p) => [p.location?.file, p.message])).toEqual([
      ['big.tf', 'skipped: 2 KB is over the 1000 bytes limit (limits.maxFileBytes)'],
      ['bin.tf', 'skipped: could not be read (binary file)'],
      ['escape.tf', 'skipped: symlink that does not lead to a file inside the scanned tree'],
      ['vendor/mod.tf', 'skipped: git submodule (its files are in another repository)'],
    ]);
    // The tree, one query for the two link texts, one for the two readable files (shared blob once) + the binary.
    expect(github.lines()).toEqual([`GET ${treePath(HEAD)}`, 'POST /graphql (2 blobs)', 'POST /graphql (2 blobs)']);
    expect(calls.total).toBe(3);
  });

  it('fetches more than 100 blobs in two GraphQL batches', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 130; i++) files[`m/f${String(i).padStart(3, '0')}.tf`] = `n = ${i}\n`;
    const { github, octokit, calls, cache } = setup(files);
    const set = await githubFileSet(octokit, { owner: 'acme', repo: 'infra', commitSha: HEAD }, { cache, calls, maxFileBytes: MAX });
    const loaded = await loadSourceFiles(set, { limits: DEFAULT_LIMITS, wanted: () => true });
    expect(loaded.files).toHaveLength(130);
    expect(loaded.files[129].text).toBe('n = 129\n');
    expect(github.lines()).toEqual([`GET ${treePath(HEAD)}`, 'POST /graphql (100 blobs)', 'POST /graphql (30 blobs)']);
    expect(calls.snapshot()).toEqual({ total: 3, byRoute: { 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': 1, 'POST /graphql': 2 } });
  });

  it('re-reads with REST what GraphQL cannot give exactly (truncated text, invalid UTF-8)', async () => {
    const latin1 = Buffer.from([0x61, 0x3d, 0xe9, 0x0a]);
    const { github, octokit, calls, cache } = setup({ 'long.tf': 'x'.repeat(50), 'latin.tf': latin1, 'ok.tf': 'ok\n' });
    github.graphqlTextLimit = 20;
    const set = await githubFileSet(octokit, { owner: 'acme', repo: 'infra', commitSha: HEAD }, { cache, calls, maxFileBytes: MAX });
    const read = await set.readMany!(['long.tf', 'latin.tf', 'ok.tf']);
    expect(read.get('long.tf')?.toString()).toBe('x'.repeat(50));
    expect(read.get('latin.tf')).toEqual(latin1);
    const loaded = await loadSourceFiles(set, { limits: DEFAULT_LIMITS, wanted: () => true });
    expect(loaded.problems.map((p) => p.message)).toEqual(['skipped: not valid UTF-8 (first bad byte at offset 2)']);
    expect(github.lines().slice(2).sort()).toEqual(
      [`GET /repos/acme/infra/git/blobs/${gitBlobSha(latin1)}`, `GET /repos/acme/infra/git/blobs/${gitBlobSha('x'.repeat(50))}`].sort(),
    );
    expect(calls.snapshot().byRoute).toEqual({
      'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': 2,
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': 1,
      'POST /graphql': 1,
    });
  });

  it('fetches a blob shared by base and head once, even when both sides read at the same time', async () => {
    const github = new FakeGithub();
    github.commit(BASE, { 'same.tf': 'same\n', 'x.tf': 'old\n' });
    github.commit(HEAD, { 'same.tf': 'same\n', 'x.tf': 'new\n' });
    github.serve();
    const octokit = client();
    const calls = createApiCallCounter();
    const cache = new BlobCache();
    const options = { cache, calls, maxFileBytes: MAX };
    const [base, head] = await Promise.all([
      githubFileSet(octokit, { owner: 'acme', repo: 'infra', commitSha: BASE }, options),
      githubFileSet(octokit, { owner: 'acme', repo: 'infra', commitSha: HEAD }, options),
    ]);
    const [b, h] = await Promise.all([base.readMany!(['same.tf', 'x.tf']), head.readMany!(['same.tf', 'x.tf'])]);
    expect([b.get('x.tf')?.toString(), h.get('x.tf')?.toString(), h.get('same.tf')?.toString()]).toEqual(['old\n', 'new\n', 'same\n']);
    const fetched = github.log
      .filter((l) => l.method === 'POST')
      .flatMap((l) => [...(l.body as { query: string }).query.matchAll(/oid: "(\w+)"/g)].map((m) => m[1]));
    expect(fetched.sort()).toEqual([gitBlobSha('same\n'), gitBlobSha('old\n'), gitBlobSha('new\n')].sort());
    expect(calls.total).toBe(4);
  });

  it('counts every call of a ProbotOctokit (retry and throttling plugins underneath)', async () => {
    const { github, calls, cache } = setup({ 'a.tf': 'a\n' });
    const octokit = new ProbotOctokit({ auth: { token: 'test-token' }, retry: { enabled: false }, throttle: { enabled: false } });
    const set = await githubFileSet(octokit, { owner: 'acme', repo: 'infra', commitSha: HEAD }, { cache, calls, maxFileBytes: MAX });
    await set.read('a.tf');
    calls.attach(octokit);
    expect(calls.total).toBe(2);
    expect(github.log).toHaveLength(2);
  });
});

describe('a typical pull request: fixtures/scenarios/env-wide-shared-key served by the GitHub API', () => {
  const before = readFolder(`${SCENARIO}/before`);
  const after = readFolder(`${SCENARIO}/after`);
  const changedPaths = Object.keys(after)
    .filter((path) => before[path] !== after[path])
    .sort();

  function servePullRequest() {
    const github = new FakeGithub();
    github.commit(BASE, before);
    github.commit(HEAD, after);
    github.pullFiles = changedPaths.map((filename) => ({ filename, status: 'modified' }));
    github.serve();
    return github;
  }

  it('costs 4 API calls: the file list, one tree per side, one GraphQL batch with each distinct blob once', async () => {
    const github = servePullRequest();
    const calls = createApiCallCounter();
    const octokit = client();
    const sources = await pullRequestSources(
      octokit,
      { owner: 'acme', repo: 'infra', pull_number: 7, baseSha: BASE, headSha: HEAD },
      { cache: new BlobCache(), calls, maxFileBytes: MAX },
    );
    expect(changedPaths).toEqual(['envs/dev/main.tf', 'envs/dev/variables.tf', 'envs/prod/billing.tf']);
    if (sources.skipped) throw new Error('not skipped');
    expect(sources.affected.units).toEqual(['terraform:envs/dev', 'terraform:envs/prod']);
    expect(sources.affected.rounds).toBe(1);
    const distinct = new Set([...Object.values(before), ...Object.values(after)].map(gitBlobSha));
    expect(distinct.size).toBe(14);
    const shas = (files: Record<string, string>) =>
      Object.keys(files)
        .sort()
        .map((path) => gitBlobSha(files[path]));
    const expectedBlobs = [
      ...new Set(
        Object.keys(before)
          .sort()
          .flatMap((path) => [gitBlobSha(before[path]), gitBlobSha(after[path])]),
      ),
    ];
    expect(new Set(expectedBlobs)).toEqual(new Set([...shas(before), ...shas(after)]));
    expect(github.log).toEqual([
      { method: 'GET', path: '/repos/acme/infra/pulls/7/files?per_page=100&page=1' },
      { method: 'GET', path: treePath(BASE) },
      { method: 'GET', path: treePath(HEAD) },
      { method: 'POST', path: '/graphql', body: { query: blobQuery(expectedBlobs), variables: { owner: 'acme', name: 'infra' } } },
    ]);
    expect(calls.snapshot()).toEqual({
      total: 4,
      byRoute: { 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': 2, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': 1, 'POST /graphql': 1 },
    });

    // The review itself reads from the warm cache: no further call.
    const change = await analyseChange(sources.base, sources.head, parseConfig(''), { today: '2026-11-22' });
    expect(calls.total).toBe(4);
    const local = await analyseChangeFolders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    expect(change.head.inventory).toEqual(local.head.inventory);
    expect(change.base.inventory).toEqual(local.base.inventory);
    expect(change.findings.new.map((f) => f.fingerprint)).toEqual(local.findings.new.map((f) => f.fingerprint));
  });

  it('analyse(githubFileSet(head)) gives the same inventory as analyseFolder(after)', async () => {
    const github = servePullRequest();
    const calls = createApiCallCounter();
    const head = await githubFileSet(client(), { owner: 'acme', repo: 'infra', commitSha: HEAD }, { cache: new BlobCache(), calls, maxFileBytes: MAX });
    const remote = await analyse(head, parseConfig(''), { today: '2026-11-22' });
    const local = await analyseFolder(`${SCENARIO}/after`);
    expect(remote.inventory).toEqual(local.inventory);
    expect(remote.findings.map((f) => f.fingerprint)).toEqual(local.findings.map((f) => f.fingerprint));
    expect(github.lines()).toEqual([`GET ${treePath(HEAD)}`, 'POST /graphql (11 blobs)']);
    expect(calls.total).toBe(2);
  });

  it('skips a pull request that changes no file the engine reads after one call', async () => {
    const github = new FakeGithub();
    github.pullFiles = [
      { filename: 'README.md', status: 'modified' },
      { filename: 'src/app.py', status: 'added' },
    ];
    github.serve();
    const calls = createApiCallCounter();
    const sources = await pullRequestSources(
      client(),
      { owner: 'acme', repo: 'infra', pull_number: 7, baseSha: BASE, headSha: HEAD },
      { cache: new BlobCache(), calls, maxFileBytes: MAX },
    );
    expect(sources.skipped).toBe(true);
    expect(github.lines()).toEqual(['GET /repos/acme/infra/pulls/7/files?per_page=100&page=1']);
    expect(calls.total).toBe(1);
  });

  it('falls back to the trees diff when the payload says 3,000 files or more', async () => {
    const github = servePullRequest();
    const calls = createApiCallCounter();
    const sources = await pullRequestSources(
      client(),
      { owner: 'acme', repo: 'infra', pull_number: 7, baseSha: BASE, headSha: HEAD, changedFiles: 3500 },
      { cache: new BlobCache(), calls, maxFileBytes: MAX },
    );
    if (sources.skipped) throw new Error('not skipped');
    expect(sources.changed.map((c) => c.path)).toEqual(changedPaths);
    expect(sources.notes[0]).toMatch(/3000 or more files.*comparing the base and head trees/);
    expect(github.lines().map((l) => l.replace(/\(\d+ blobs\)/, '(n blobs)'))).not.toContain('GET /repos/acme/infra/pulls/7/files?per_page=100&page=1');
    expect(calls.total).toBe(3);
  });
});
