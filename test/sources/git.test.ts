import * as childProcess from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/model/source.js';
import { CatFileBatch } from '../../src/sources/catfile.js';
import { changedPaths, gitFileSet, gitRepoRoot } from '../../src/sources/git.js';
import { loadSourceFiles } from '../../src/sources/load.js';

// Wrapped (not replaced) so the tests can count the cat-file children that reads start.
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  return { ...actual, spawn: vi.fn(actual.spawn) };
});

let repo: string;
let first: string;
let second: string;

function gitRaw(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
}

function git(...args: string[]): string {
  return gitRaw(...args).trim();
}

async function put(path: string, text: string): Promise<void> {
  await mkdir(join(repo, path, '..'), { recursive: true });
  await writeFile(join(repo, path), text);
}

/** Far bigger than a pipe chunk, so one blob arrives in many pieces. */
const bigText = `${'{"a": 1}\n'.repeat(150_000)}`;
const manyPaths = Array.from({ length: 200 }, (_, i) => `infra/many/file-${String(i).padStart(3, '0')}.tf`);

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'kms-git-'));
  git('init', '-q', '-b', 'main');
  await put('infra/main.tf', 'version = 1\n');
  await put('infra/modules/x/a.tf', 'module file\n');
  await put('common/versions.tf', 'terraform {}\n');
  await put('stacks/app.yaml', 'Resources: {}\n');
  await put('we\nird.tf', 'newline in name\n');
  for (const [i, path] of manyPaths.entries()) await put(path, `n = ${i}\n`);
  await put('infra/big.json', bigText);
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  first = git('rev-parse', 'HEAD');
  git('tag', 'v1');

  await put('infra/main.tf', 'version = 2\n');
  await symlink('../common/versions.tf', join(repo, 'infra/versions.tf'));
  await symlink('modules/x/a.tf', join(repo, 'infra/shared.tf'));
  await symlink('shared.tf', join(repo, 'infra/chain.tf'));
  await symlink('../../../etc/passwd', join(repo, 'infra/escape.tf'));
  git('rm', '-q', 'stacks/app.yaml');
  git('add', '-A');
  git('update-index', '--add', '--cacheinfo', `160000,${first},infra/vendor`);
  git('commit', '-q', '-m', 'second');
  second = git('rev-parse', 'HEAD');

  // An uncommitted edit: reads at a ref must not see it, and must not disturb it.
  await put('infra/main.tf', 'version = 3, uncommitted\n');
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

beforeEach(() => {
  vi.mocked(childProcess.spawn).mockClear();
});

function catFileSpawns(): number {
  return vi.mocked(childProcess.spawn).mock.calls.filter(([, args]) => args?.includes('cat-file')).length;
}

describe('gitFileSet', () => {
  it('lists and reads an older ref from the object database, leaving the work tree and index alone', async () => {
    const statusBefore = gitRaw('status', '--porcelain');
    const fileSet = await gitFileSet(repo, 'v1');
    const files = await fileSet.list();
    expect(files.length).toBe(206);
    expect(files.slice(0, 2)).toEqual([
      { path: 'common/versions.tf', size: 13, kind: 'file', sha: git('rev-parse', `${first}:common/versions.tf`) },
      { path: 'infra/big.json', size: 1_350_000, kind: 'file', sha: git('rev-parse', `${first}:infra/big.json`) },
    ]);
    expect(files.map((file) => file.path).slice(-2)).toEqual(['stacks/app.yaml', 'we\nird.tf']);
    expect((await fileSet.read('infra/main.tf')).toString()).toBe('version = 1\n');
    expect((await fileSet.read('we\nird.tf')).toString()).toBe('newline in name\n');
    await fileSet.close?.();
    expect(fileSet.label).toBe(`./ at ${first.slice(0, 12)} (v1)`);
    expect(gitRaw('status', '--porcelain')).toBe(statusBefore);
    // The gitlink has no checkout, hence "D".
    expect(statusBefore).toBe(' M infra/main.tf\n D infra/vendor\n');
    expect(await readFile(join(repo, 'infra/main.tf'), 'utf8')).toBe('version = 3, uncommitted\n');
  });

  it('maps symlink and gitlink modes, reading in-tree links as the file they point to', async () => {
    const fileSet = await gitFileSet(repo, second);
    const byPath = new Map((await fileSet.list()).map((file) => [file.path, file]));
    const target = byPath.get('infra/modules/x/a.tf');
    expect(byPath.get('infra/shared.tf')).toEqual({ ...target, path: 'infra/shared.tf' });
    expect(byPath.get('infra/chain.tf')).toEqual({ ...target, path: 'infra/chain.tf' });
    expect(byPath.get('infra/versions.tf')).toMatchObject({ kind: 'file', size: 13 });
    expect(byPath.get('infra/escape.tf')).toMatchObject({ kind: 'symlink', size: 19 });
    expect(byPath.get('infra/vendor')).toEqual({ path: 'infra/vendor', size: 0, kind: 'submodule', sha: first });
    expect(byPath.has('stacks/app.yaml')).toBe(false);
    expect((await fileSet.read('infra/main.tf')).toString()).toBe('version = 2\n');
    expect((await fileSet.read('infra/chain.tf')).toString()).toBe('module file\n');
    await expect(fileSet.read('infra/vendor')).rejects.toThrow('"infra/vendor" is a submodule, not a file');
    await expect(fileSet.read('infra/escape.tf')).rejects.toThrow('"infra/escape.tf" is a symlink, not a file');
    await expect(fileSet.read('stacks/app.yaml')).rejects.toThrow(`no file "stacks/app.yaml" at ${second}`);
    await fileSet.close?.();
  });

  it('limits to pathPrefix with paths relative to it, and applies excludes to those paths', async () => {
    const fileSet = await gitFileSet(repo, 'main', { pathPrefix: 'infra/', exclude: ['many/**'] });
    const files = await fileSet.list();
    expect(files.map(({ path, kind }) => `${path} ${kind}`)).toEqual([
      'big.json file',
      'chain.tf file',
      'escape.tf symlink',
      'main.tf file',
      'modules/x/a.tf file',
      'shared.tf file',
      'vendor submodule',
      // Its target, common/versions.tf, is outside the scanned folder.
      'versions.tf symlink',
    ]);
    expect((await fileSet.read('shared.tf')).toString()).toBe('module file\n');
    expect(fileSet.label).toBe(`infra/ at ${second.slice(0, 12)} (main)`);
    await fileSet.close?.();
  });

  it('reads 200 files with readMany through one cat-file child, and reports unknown paths per path', async () => {
    const fileSet = await gitFileSet(repo, 'v1');
    const contents = await fileSet.readMany?.([...manyPaths, 'infra/absent.tf']);
    expect(contents?.size).toBe(201);
    expect(manyPaths.every((path, i) => contents?.get(path)?.toString() === `n = ${i}\n`)).toBe(true);
    expect(contents?.get('infra/absent.tf')).toEqual(new Error('no file "infra/absent.tf" at v1'));
    expect((await fileSet.read('infra/modules/x/a.tf')).toString()).toBe('module file\n');
    const mixed = await fileSet.readMany?.(['infra/big.json', 'infra/main.tf']);
    expect(mixed?.get('infra/big.json')?.toString()).toBe(bigText);
    expect(mixed?.get('infra/main.tf')?.toString()).toBe('version = 1\n');
    expect(catFileSpawns()).toBe(1);
    await fileSet.close?.();
    await expect(fileSet.read('infra/main.tf')).rejects.toThrow('git file set is closed');
  });

  it('rejects a missing ref with its name, and refs that look like options before running git', async () => {
    await expect(gitFileSet(repo, 'no-such-branch')).rejects.toThrow(`git ref "no-such-branch" does not name a commit in ${repo}`);
    await expect(gitFileSet(repo, '--output=/tmp/x')).rejects.toThrow('invalid git ref "--output=/tmp/x"');
    await expect(gitFileSet(repo, '')).rejects.toThrow('invalid git ref ""');
    await expect(gitFileSet(repo, 'main', { pathPrefix: '../outside' })).rejects.toThrow(/leaves the scanned tree/);
  });
});

describe('CatFileBatch', () => {
  it('answers each name in order: blobs as bytes, missing objects and non-blobs as errors', async () => {
    const batch = new CatFileBatch(repo);
    const missing = '0'.repeat(40);
    const answers = await Promise.all(
      batch.fetch([git('rev-parse', `${first}:infra/main.tf`), missing, `${first}^{tree}`, 'two\nlines', git('rev-parse', `${second}:infra/main.tf`)]),
    );
    expect(answers).toEqual([
      Buffer.from('version = 1\n'),
      new Error(`git has no object ${missing} missing`),
      new Error('not a file: git object is a tree'),
      new Error('object name "two\nlines" has a line break'),
      Buffer.from('version = 2\n'),
    ]);
    await batch.close();
    const [afterClose] = await Promise.all(batch.fetch([missing]));
    expect(afterClose).toEqual(new Error('git cat-file exited (code 0)'));
  });
});

describe('loadSourceFiles over a git ref', () => {
  it('decodes in-tree files and reports links and submodules as problems', async () => {
    const fileSet = await gitFileSet(repo, 'main', { pathPrefix: 'infra', exclude: ['many/**'] });
    const loaded = await loadSourceFiles(fileSet, { limits: DEFAULT_LIMITS, wanted: () => true });
    await fileSet.close?.();
    expect(loaded.files.map(({ path, text }) => `${path}: ${text.slice(0, 12)}`)).toEqual([
      'big.json: {"a": 1}\n{"a',
      'chain.tf: module file\n',
      'main.tf: version = 2\n',
      'modules/x/a.tf: module file\n',
      'shared.tf: module file\n',
    ]);
    expect(loaded.problems.map((problem) => `${problem.location.file}: ${problem.message}`)).toEqual([
      'escape.tf: skipped: symlink that does not lead to a file inside the scanned tree',
      'vendor: skipped: git submodule (its files are in another repository)',
      'versions.tf: skipped: symlink that does not lead to a file inside the scanned tree',
    ]);
  });
});

describe('gitRepoRoot and changedPaths', () => {
  it('finds the top of the work tree from a subfolder', async () => {
    expect(await gitRepoRoot(join(repo, 'infra/modules'))).toBe(git('rev-parse', '--show-toplevel'));
    await expect(gitRepoRoot(tmpdir())).rejects.toThrow(`${tmpdir()} is not inside a git work tree`);
  });

  it('lists the paths that differ between two refs', async () => {
    expect(await changedPaths(repo, 'v1', 'main')).toEqual([
      'infra/chain.tf',
      'infra/escape.tf',
      'infra/main.tf',
      'infra/shared.tf',
      'infra/vendor',
      'infra/versions.tf',
      'stacks/app.yaml',
    ]);
    expect(await changedPaths(repo, 'main', 'main')).toEqual([]);
    await expect(changedPaths(repo, 'v1', '-p')).rejects.toThrow('invalid git ref "-p"');
  });

  it('against the work tree, limited to a folder: edits not yet committed, repository-relative paths', async () => {
    const file = join(repo, 'infra/main.tf');
    const before = await readFile(file, 'utf8');
    try {
      await writeFile(file, `${before}\n# edited\n`);
      // The submodule is not checked out: git lists it as differing (it is never read either way).
      expect(await changedPaths(repo, 'main')).toEqual(['infra/main.tf', 'infra/vendor']);
      expect(await changedPaths(repo, 'main', undefined, 'infra')).toEqual(['infra/main.tf', 'infra/vendor']);
      expect(await changedPaths(repo, 'main', undefined, 'stacks')).toEqual([]);
      expect(await changedPaths(repo, 'v1', undefined, 'stacks')).toEqual(['stacks/app.yaml']);
    } finally {
      await writeFile(file, before);
    }
  });
});
