/** Which paths differ between two sides, and how little is read to tell. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FileEntry, FileSet } from '../../src/sources/fileset.js';
import { memoryFileSet } from '../../src/sources/memory.js';
import { changedBetween, narrowToChange } from '../../src/sources/scope.js';

const blob = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex');

/** A memory side whose listing carries git blob shas (like a commit), counting what is read. */
function commitSide(files: Record<string, string>, reads: string[], shas: Record<string, string> = {}): FileSet {
  const inner = memoryFileSet(files);
  return {
    label: 'commit',
    list: async () => (await inner.list()).map((e: FileEntry) => ({ ...e, sha: shas[e.path] ?? blob(files[e.path]) })),
    read: async (path) => {
      reads.push(path);
      return inner.read(path);
    },
  };
}

function countingSide(files: Record<string, string>, reads: string[], fail: string[] = []): FileSet {
  const inner = memoryFileSet(files);
  return {
    label: 'folder',
    list: () => inner.list(),
    read: async (path) => {
      reads.push(path);
      if (fail.includes(path)) throw new Error('EACCES');
      return inner.read(path);
    },
  };
}

const lists = async (a: FileSet, b: FileSet) => [await a.list(), await b.list()] as const;

describe('changedBetween', () => {
  it('two commits: by sha alone, nothing read', async () => {
    const reads: string[] = [];
    const base = commitSide({ 'a.tf': 'a', 'b.tf': 'b', 'gone.tf': 'g' }, reads);
    const head = commitSide({ 'a.tf': 'a', 'b.tf': 'B', 'new.tf': 'n' }, reads);
    expect(await changedBetween(base, head, ...(await lists(base, head)))).toEqual(['b.tf', 'gone.tf', 'new.tf']);
    expect(reads).toEqual([]);
  });

  it('a commit and a folder: the folder file hashed like git, and only where the sizes agree', async () => {
    const reads: string[] = [];
    const base = commitSide({ 'same.tf': 'x = 1', 'edited.tf': 'x = 1', 'longer.tf': 'x = 1' }, []);
    const head = countingSide({ 'same.tf': 'x = 1', 'edited.tf': 'x = 2', 'longer.tf': 'x = 10' }, reads);
    expect(await changedBetween(base, head, ...(await lists(base, head)))).toEqual(['edited.tf', 'longer.tf']);
    expect(reads.sort()).toEqual(['edited.tf', 'same.tf']);
  });

  it("a commit and the work tree with git's list of differing paths: nothing read, listed-once paths still count", async () => {
    const reads: string[] = [];
    const base = commitSide({ 'same.tf': 'x = 1', 'edited.tf': 'x = 1', 'gone.tf': 'g' }, []);
    const head = countingSide({ 'same.tf': 'x = 1', 'edited.tf': 'x = 2', 'new.tf': 'n' }, reads);
    const differs = new Set(['edited.tf', 'gone.tf']);
    expect(await changedBetween(base, head, ...(await lists(base, head)), differs)).toEqual(['edited.tf', 'gone.tf', 'new.tf']);
    expect(reads).toEqual([]);
  });

  it('two folders: same size compared byte by byte; an unreadable file counts as changed', async () => {
    const base = countingSide({ 'a.tf': 'abc', 'b.tf': 'abc', 'locked.tf': 'abc' }, []);
    const head = countingSide({ 'a.tf': 'abc', 'b.tf': 'abd', 'locked.tf': 'abc' }, [], ['locked.tf']);
    expect(await changedBetween(base, head, ...(await lists(base, head)))).toEqual(['b.tf', 'locked.tf']);
  });
});

describe('narrowToChange', () => {
  it('lists only the affected files on both sides; reads still reach the source', async () => {
    const base = memoryFileSet({ 'a/main.tf': 'x', 'b/main.tf': 'y', 'c.yaml': 'Resources: {}' });
    const head = memoryFileSet({ 'a/main.tf': 'z', 'b/main.tf': 'y', 'c.yaml': 'Resources: {}' });
    const { base: b, head: h, scope } = await narrowToChange(base, head, { wanted: () => true });
    expect((await b.list()).map((e) => e.path)).toEqual(['a/main.tf']);
    expect((await h.list()).map((e) => e.path)).toEqual(['a/main.tf']);
    expect((await h.read('a/main.tf')).toString()).toBe('z');
    expect(scope).toEqual({ mode: 'affected', changed: ['a/main.tf'], units: ['terraform:a'], totalUnits: 3, files: 1, totalFiles: 3, notes: [] });
  });

  it('a changed config reviews every unit', async () => {
    const base = memoryFileSet({ '.github/kms-review.yml': 'a: 1', 'a/main.tf': 'x', 'c.yaml': 'R: 1' });
    const head = memoryFileSet({ '.github/kms-review.yml': 'a: 2', 'a/main.tf': 'x', 'c.yaml': 'R: 1' });
    const { scope } = await narrowToChange(base, head, { wanted: () => true });
    expect(scope.units).toEqual(['file:.github/kms-review.yml', 'file:c.yaml', 'terraform:a']);
    expect(scope.files).toBe(3);
  });
});
