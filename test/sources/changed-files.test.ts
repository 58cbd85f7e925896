import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiCallCounter } from '../../src/sources/api-calls.js';
import { changedPathsOf, compareTrees, listChangedFiles } from '../../src/sources/changed-files.js';
import { FakeGithub } from '../github/support/fake-github.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function serve(count: number) {
  const github = new FakeGithub();
  github.pullFiles = Array.from({ length: count }, (_, i) => ({ filename: `f/${String(i).padStart(4, '0')}.tf`, status: 'modified' }));
  github.serve();
  const octokit = new Octokit({ auth: 'test-token' });
  const calls = createApiCallCounter();
  calls.attach(octokit);
  return { github, octokit, calls };
}

const page = (n: number) => `GET /repos/acme/infra/pulls/3/files?per_page=100&page=${n}`;

describe('listChangedFiles', () => {
  it('follows the pagination: 250 files in exactly 3 calls', async () => {
    const { github, octokit, calls } = serve(250);
    const listed = await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', pull_number: 3 });
    expect(listed.complete).toBe(true);
    expect(listed.files).toHaveLength(250);
    expect(listed.files[249]).toEqual({ path: 'f/0249.tf', status: 'modified' });
    expect(github.lines()).toEqual([page(1), page(2), page(3)]);
    expect(calls.snapshot()).toEqual({ total: 3, byRoute: { 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': 3 } });
  });

  it('asks no trailing empty page when the count is a multiple of 100', async () => {
    const { github, octokit } = serve(200);
    await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', pull_number: 3 });
    expect(github.lines()).toEqual([page(1), page(2)]);
  });

  it('says the list is incomplete at the API cap of 3,000 files', async () => {
    const { github, octokit, calls } = serve(3400);
    const listed = await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', pull_number: 3 });
    expect(listed.complete).toBe(false);
    expect(listed.files).toHaveLength(3000);
    expect(github.lines()).toEqual(Array.from({ length: 30 }, (_, i) => page(i + 1)));
    expect(calls.total).toBe(30);
  });

  it('makes no call when the payload already says 3,000 files or more', async () => {
    const { github, octokit } = serve(0);
    const listed = await listChangedFiles(octokit, { owner: 'acme', repo: 'infra', pull_number: 3 }, { changedFilesHint: 3000 });
    expect(listed).toMatchObject({ complete: false, files: [] });
    expect(github.log).toEqual([]);
  });

  it('keeps both names of a rename', async () => {
    const github = new FakeGithub();
    github.pullFiles = [
      { filename: 'new/kms.tf', status: 'renamed', previous_filename: 'old/kms.tf' },
      { filename: 'a.tf', status: 'added' },
    ];
    github.serve();
    const listed = await listChangedFiles(new Octokit({ auth: 'x' }), { owner: 'acme', repo: 'infra', pull_number: 3 });
    expect(changedPathsOf(listed.files)).toEqual(['a.tf', 'new/kms.tf', 'old/kms.tf']);
  });
});

describe('compareTrees', () => {
  it('finds added, removed and modified paths by blob sha and kind', () => {
    const base = [
      { path: 'same.tf', sha: 'a' },
      { path: 'edited.tf', sha: 'b' },
      { path: 'gone.tf', sha: 'c' },
      { path: 'link.tf', sha: 'd', kind: 'file' },
    ];
    const head = [
      { path: 'same.tf', sha: 'a' },
      { path: 'edited.tf', sha: 'b2' },
      { path: 'link.tf', sha: 'd', kind: 'symlink' },
      { path: 'added.tf', sha: 'e' },
    ];
    expect(compareTrees(base, head)).toEqual([
      { path: 'added.tf', status: 'added' },
      { path: 'edited.tf', status: 'modified' },
      { path: 'gone.tf', status: 'removed' },
      { path: 'link.tf', status: 'modified' },
    ]);
  });
});
