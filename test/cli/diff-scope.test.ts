/**
 * `kms-review diff` analyses only the units a change affects (the App's dependency closure), says
 * so, and never reports the findings of units it did not read as fixed. Counted in files loaded
 * (the pipeline's stats), not in time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli.js';

const MONOREPO = 'fixtures/scope/monorepo';
type JsonFinding = { rule: string; location?: { file: string } };
const files = (list: JsonFinding[]) => [...new Set(list.map((f) => f.location?.file ?? '(none)'))].sort();

describe('kms-review diff: only the affected units', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' }).toString();

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'kms-review-scope-'));
    cpSync(MONOREPO, repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    // One file of one root: rotation turned on.
    const main = join(repo, 'roots/a/main.tf');
    writeFileSync(main, execFileSync('cat', [main]).toString().replace('enable_key_rotation = false', 'enable_key_rotation = true'));
    git('commit', '-q', '-am', 'rotate a');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('a one-file change loads only its unit on both sides and reports nothing of the others as fixed', async () => {
    const { code, stdout, stderr } = await run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', repo, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.scope).toEqual({
      mode: 'affected',
      units: ['terraform:roots/a'],
      totalUnits: 5,
      changed: ['roots/a/main.tf'],
      files: 2,
      totalFiles: 7,
      filesRead: { base: 2, head: 2 },
      notes: [],
    });
    expect(json.findings.fixed.map((f: JsonFinding) => f.rule)).toEqual(['KMS301']);
    expect(files(json.findings.fixed)).toEqual(['roots/a/main.tf']);
    // Pre-existing findings are those of the unit read, not of the rest of the repository.
    expect(files(json.findings.unchanged)).toEqual(['roots/a/main.tf']);
    expect(json.head.keys.map((k: { id: string }) => k.id)).toEqual(['roots/a:aws_kms_key.data']);
  });

  it('--all loads every unit: the same change, the same fixed finding, every pre-existing one', async () => {
    const { code, stdout } = await run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', repo, '--format', 'json', '--all']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.scope).toMatchObject({ mode: 'all', totalUnits: 5, files: 7, totalFiles: 7, filesRead: { base: 7, head: 7 } });
    expect(json.scope.units).toHaveLength(5);
    expect(json.findings.fixed.map((f: JsonFinding) => f.rule)).toEqual(['KMS301']);
    expect(files(json.findings.unchanged)).toEqual(['modules/shared/main.tf', 'roots/a/main.tf', 'roots/b/main.tf', 'stacks/app.yaml']);
  });

  it('says the scope in text and markdown: which units, of how many, and how to review all', async () => {
    const text = await run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', repo]);
    expect(text.stdout.split('\n')[2]).toBe('scope: 1 of 5 units affected by the change (terraform:roots/a) · 2 of 7 files read · --all reviews every unit');
    const markdown = await run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', repo, '--format', 'markdown']);
    expect(markdown.stdout).toContain('\nscope: 1 of 5 units affected by the change (terraform:roots/a) · 2 of 7 files read · --all reviews every unit\n');
    const all = await run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', repo, '--all']);
    expect(all.stdout.split('\n')[2]).toBe('scope: all 5 units (--all) · 7 files');
  });

  it('a changed module brings the roots that call it; the work tree is compared with the commit by content', async () => {
    const module = join(repo, 'modules/shared/main.tf');
    const before = execFileSync('cat', [module]).toString();
    // Same length, other bytes: only hashing the file can tell.
    writeFileSync(module, before.replace('name              = "jobs"', 'name              = "jabs"'));
    try {
      const { stdout } = await run(['diff', '--base', 'HEAD', repo, '--format', 'json']);
      const scope = JSON.parse(stdout).scope;
      expect(scope.changed).toEqual(['modules/shared/main.tf']);
      expect(scope.units).toEqual(['terraform:modules/shared', 'terraform:roots/c']);
      expect(scope.filesRead).toEqual({ base: 2, head: 2 });
    } finally {
      writeFileSync(module, before);
    }
  });

  it('a change of nothing the engine reads analyses no unit', async () => {
    writeFileSync(join(repo, 'README.md'), '# still not infrastructure, but longer\n');
    try {
      const { code, stdout } = await run(['diff', '--base', 'HEAD', repo, '--format', 'json']);
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.scope).toMatchObject({ units: [], changed: [], files: 0, filesRead: { base: 0, head: 0 } });
      expect(json.findings).toEqual({ new: [], fixed: [], unchanged: [] });
      expect((await run(['diff', '--base', 'HEAD', repo])).stdout.split('\n')[2]).toBe(
        'scope: no unit of 5 affected by the change · 0 of 7 files read · --all reviews every unit',
      );
    } finally {
      git('checkout', '-q', '--', 'README.md');
    }
  });

  it('two folders: compared by content, the changed file of a changed root', async () => {
    const after = mkdtempSync(join(tmpdir(), 'kms-review-scope-after-'));
    try {
      cpSync(MONOREPO, after, { recursive: true });
      const template = join(after, 'stacks/app.yaml');
      writeFileSync(template, execFileSync('cat', [template]).toString().replace('EnableKeyRotation: false', 'EnableKeyRotation: true '));
      const { stdout } = await run(['diff', MONOREPO, after, '--format', 'json']);
      const json = JSON.parse(stdout);
      expect(json.scope).toMatchObject({ changed: ['stacks/app.yaml'], units: ['file:stacks/app.yaml'], filesRead: { base: 1, head: 1 } });
      expect(json.findings.fixed.map((f: JsonFinding) => f.rule)).toEqual(['KMS301']);
    } finally {
      rmSync(after, { recursive: true, force: true });
    }
  });
});
