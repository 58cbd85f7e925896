import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/model/source.js';
import { decodeText, formatBytes } from '../../src/sources/decode.js';
import type { FileEntry, FileSet } from '../../src/sources/fileset.js';
import { folderFileSet } from '../../src/sources/folder.js';
import { isCandidatePath, loadSourceFiles } from '../../src/sources/load.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kms-load-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Records every path read, to prove a file was judged from its listing alone. */
function recordingReads(fileSet: FileSet): { fileSet: FileSet; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fileSet: {
      ...fileSet,
      read: (path) => {
        reads.push(path);
        return fileSet.read(path);
      },
      readMany: (paths) => {
        reads.push(...paths);
        return fileSet.readMany?.(paths) ?? Promise.reject(new Error('no readMany'));
      },
    },
  };
}

const at = (file: string) => ({ file, startLine: 1, endLine: 1 });

describe('loadSourceFiles', () => {
  it('decodes text files and reports each unreadable one as a located KMS000', async () => {
    await writeFile(join(dir, 'main.tf'), 'resource "aws_kms_key" "a" {}\n');
    await writeFile(join(dir, 'huge.tf'), '');
    await truncate(join(dir, 'huge.tf'), 50 * 1024 * 1024);
    await writeFile(join(dir, 'image.tf'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await writeFile(join(dir, 'latin1.tf'), Buffer.from('key = "caf\xe9"\n', 'latin1'));
    await writeFile(join(dir, 'bom.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Resources: {}\n')]));
    await writeFile(join(dir, 'README.md'), '# not wanted\n');
    await symlink('/etc/hostname', join(dir, 'outside.tf'));
    const { fileSet, reads } = recordingReads(folderFileSet(dir));

    const loaded = await loadSourceFiles(fileSet, { limits: DEFAULT_LIMITS, wanted: isCandidatePath });

    expect(loaded.files).toEqual([
      { path: 'bom.yaml', text: 'Resources: {}\n', size: 17 },
      { path: 'main.tf', text: 'resource "aws_kms_key" "a" {}\n', size: 30 },
    ]);
    expect(loaded.problems).toEqual([
      { rule: 'KMS000', message: 'skipped: 50 MB is over the 4 MB limit (limits.maxFileBytes)', location: at('huge.tf') },
      { rule: 'KMS000', message: 'skipped: binary file (NUL byte at offset 4)', location: at('image.tf') },
      { rule: 'KMS000', message: 'skipped: not valid UTF-8 (first bad byte at offset 10)', location: at('latin1.tf') },
      {
        rule: 'KMS000',
        message: 'skipped: symlink that does not lead to a file inside the scanned tree',
        location: at('outside.tf'),
      },
    ]);
    expect(reads.sort()).toEqual(['bom.yaml', 'image.tf', 'latin1.tf', 'main.tf']);
  });

  it('reads through readMany in batches of 100, never calling read, and keeps per-file errors', async () => {
    const entries: FileEntry[] = Array.from({ length: 250 }, (_, i) => ({ path: `f${String(i).padStart(3, '0')}.tf`, size: 4, kind: 'file' }));
    entries.push({ path: 'vendor', size: 0, kind: 'submodule', sha: 'abc' });
    entries.push({ path: 'large.tf', size: 5000, kind: 'file' });
    const batches: string[][] = [];
    const fileSet: FileSet = {
      label: 'fake',
      list: async () => entries,
      read: async () => {
        throw new Error('read must not be called when readMany exists');
      },
      readMany: async (paths) => {
        batches.push(paths);
        return new Map(paths.map((path) => [path, path === 'f007.tf' ? new Error('blob gone') : Buffer.from(`# ${path}`)]));
      },
    };
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 4096 };

    const loaded = await loadSourceFiles(fileSet, { limits, wanted: () => true });

    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(loaded.files.length).toBe(249);
    expect(loaded.files[0]).toEqual({ path: 'f000.tf', text: '# f000.tf', size: 9 });
    expect(loaded.problems).toEqual([
      { rule: 'KMS000', message: 'skipped: could not be read (blob gone)', location: at('f007.tf') },
      { rule: 'KMS000', message: 'skipped: git submodule (its files are in another repository)', location: at('vendor') },
      { rule: 'KMS000', message: 'skipped: 4.9 KB is over the 4 KB limit (limits.maxFileBytes)', location: at('large.tf') },
    ]);
  });

  it('catches a file that grew past the limit after it was listed', async () => {
    const fileSet: FileSet = {
      label: 'growing',
      list: async () => [{ path: 'grown.tf', size: 10, kind: 'file' }],
      read: async () => Buffer.alloc(2048, 0x61),
    };
    const loaded = await loadSourceFiles(fileSet, { limits: { ...DEFAULT_LIMITS, maxFileBytes: 1024 }, wanted: () => true });
    expect(loaded).toEqual({
      files: [],
      problems: [{ rule: 'KMS000', message: 'skipped: 2 KB is over the 1 KB limit (limits.maxFileBytes)', location: at('grown.tf') }],
    });
  });
});

describe('decodeText', () => {
  it('finds the first bad byte even after a genuine U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb', 'utf8'), Buffer.from([0xc3, 0x28])]);
    expect(decodeText(bytes)).toEqual({ error: 'not valid UTF-8 (first bad byte at offset 5)' });
  });

  it('looks for NUL bytes only in the first 8 KB', () => {
    const late = Buffer.concat([Buffer.alloc(8192, 0x20), Buffer.from([0])]);
    expect(decodeText(late)).toEqual({ text: `${' '.repeat(8192)}\0` });
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [4 * 1024 * 1024, '4 MB'],
    [52_428_800 + 104_858, '50.1 MB'],
  ])('%i → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('isCandidatePath', () => {
  it.each([
    ['envs/prod/main.tf', true],
    ['main.tf.json', true],
    ['prod.tfvars', true],
    ['x.tfvars.json', true],
    ['live/terragrunt.hcl', true],
    ['policies/key.json', true],
    ['stacks/app.yaml', true],
    ['stacks/app.yml', true],
    ['sam/app.template', true],
    ['templates/policy.tpl', true],
    ['templates/policy.tftpl', true],
    ['README.md', false],
    ['main.tf.bak', false],
    ['terraform.tfstate', false],
    ['Makefile', false],
  ])('%s → %s', (path, expected) => {
    expect(isCandidatePath(path)).toBe(expected);
  });
});
