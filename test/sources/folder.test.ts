import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderFileSet } from '../../src/sources/folder.js';

let base: string;
let root: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'kms-folder-')));
  root = join(base, 'repo');
  await put('envs/prod/main.tf', 'resource "aws_kms_key" "a" {}\n');
  await put('envs/prod/.terraform/modules/x/main.tf', 'ignored');
  await put('node_modules/pkg/index.json', '{}');
  await put('stacks/app.yaml', 'Resources: {}\n');
  await put('.github/kms-review.yml', 'failOn: high\n');
  await writeFile(join(base, 'secret.txt'), 'outside');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('folderFileSet', () => {
  it('lists files sorted, with relative / paths and sizes, skipping excluded folders', async () => {
    const files = await folderFileSet(root, { exclude: ['**/node_modules/**', '**/.terraform/**'] }).list();
    expect(files).toEqual([
      { path: '.github/kms-review.yml', size: 13, kind: 'file' },
      { path: 'envs/prod/main.tf', size: 30, kind: 'file' },
      { path: 'stacks/app.yaml', size: 14, kind: 'file' },
    ]);
  });

  it('lists everything without excludes', async () => {
    const paths = (await folderFileSet(root).list()).map((file) => file.path);
    expect(paths).toEqual([
      '.github/kms-review.yml',
      'envs/prod/.terraform/modules/x/main.tf',
      'envs/prod/main.tf',
      'node_modules/pkg/index.json',
      'stacks/app.yaml',
    ]);
  });

  it('reads a symlink to a file inside the tree as that file, and lists escaping, dangling and directory links as symlinks', async () => {
    await symlink('../../stacks/app.yaml', join(root, 'envs/prod/linked.yaml'));
    await symlink('../secret.txt', join(root, 'escape.tf'));
    await symlink(join(base, 'secret.txt'), join(root, 'absolute-escape.tf'));
    await symlink('nowhere.tf', join(root, 'dangling.tf'));
    await symlink('envs', join(root, 'envs-link'));
    const fileSet = folderFileSet(root, { exclude: ['**/node_modules/**', '**/.terraform/**', '.github/**'] });
    const files = await fileSet.list();
    expect(files.map(({ path, kind, size }) => (kind === 'symlink' ? { path, kind } : { path, kind, size }))).toEqual([
      { path: 'absolute-escape.tf', kind: 'symlink' },
      { path: 'dangling.tf', kind: 'symlink' },
      { path: 'envs-link', kind: 'symlink' },
      { path: 'envs/prod/linked.yaml', kind: 'file', size: 14 },
      { path: 'envs/prod/main.tf', kind: 'file', size: 30 },
      { path: 'escape.tf', kind: 'symlink' },
      { path: 'stacks/app.yaml', kind: 'file', size: 14 },
    ]);
    expect((await fileSet.read('envs/prod/linked.yaml')).toString()).toBe('Resources: {}\n');
    await expect(fileSet.read('escape.tf')).rejects.toThrow(/resolves outside/);
  });

  it('reads files and refuses paths that leave the root', async () => {
    const fileSet = folderFileSet(root);
    expect((await fileSet.read('envs/prod/main.tf')).toString()).toBe('resource "aws_kms_key" "a" {}\n');
    expect((await fileSet.read('envs/./prod/../prod/main.tf')).toString()).toBe('resource "aws_kms_key" "a" {}\n');
    await expect(fileSet.read('../secret.txt')).rejects.toThrow('refusing path "../secret.txt": it leaves the scanned tree');
    await expect(fileSet.read('envs/../../secret.txt')).rejects.toThrow(/leaves the scanned tree/);
    await expect(fileSet.read(join(base, 'secret.txt'))).rejects.toThrow(/not a relative path/);
    await expect(fileSet.read('envs/missing.tf')).rejects.toThrow(/ENOENT/);
  });

  it('reads many files at once, each failure an Error for that path only', async () => {
    await symlink('../secret.txt', join(root, 'escape.tf'));
    const read = await folderFileSet(root).readMany?.(['envs/prod/main.tf', 'escape.tf', '../secret.txt', 'missing.tf', 'stacks/app.yaml']);
    const summary = Object.fromEntries([...(read ?? [])].map(([path, content]) => [path, content instanceof Error ? content.message : content.toString()]));
    expect(summary).toEqual({
      'envs/prod/main.tf': 'resource "aws_kms_key" "a" {}\n',
      'escape.tf': expect.stringMatching(/^refusing "escape.tf": it resolves outside /),
      '../secret.txt': 'refusing path "../secret.txt": it leaves the scanned tree',
      'missing.tf': expect.stringMatching(/ENOENT/),
      'stacks/app.yaml': 'Resources: {}\n',
    });
  });

  it('fails clearly when the root does not exist', async () => {
    await expect(folderFileSet(join(base, 'absent')).list()).rejects.toThrow(/ENOENT/);
  });
});
