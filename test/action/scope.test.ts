/**
 * The Action on a pull request analyses only the units the change affects, like the App and the
 * CLI (`narrowForReview`), and says so in the log, the job summary and the JSON report; `all: true`
 * reviews every unit. In process (src/action/main.ts), so the count of files loaded can be read.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/main.js';
import { capture } from '../support/cli.js';

describe('the Action: only the affected units', () => {
  let dir: string;
  let workspace: string;
  let env: Record<string, string>;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: workspace, encoding: 'utf8' }).trim();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kms-review-action-scope-'));
    workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    cpSync('fixtures/scope/monorepo', workspace, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    const main = join(workspace, 'roots/b/main.tf');
    writeFileSync(main, readFileSync(main, 'utf8').replace('enable_key_rotation = false', 'enable_key_rotation = true'));
    git('commit', '-q', '-am', 'rotate b');
    const event = { pull_request: { number: 7, base: { sha: baseSha }, head: { sha: git('rev-parse', 'HEAD') } }, repository: { full_name: 'acme/infra' } };
    writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
    env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/infra',
      INPUT_FORMAT: 'json',
      'INPUT_SARIF-FILE': join(dir, 'out.sarif'),
    };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(extra: Record<string, string> = {}) {
    const summary = join(dir, `summary-${Object.keys(extra).join('-') || 'default'}`);
    writeFileSync(summary, '');
    const out = capture();
    const err = capture();
    const code = await runAction({ ...env, GITHUB_STEP_SUMMARY: summary, ...extra }, { stdout: out.stream, stderr: err.stream }, { version: '0.0.0-test' });
    const log = out.text();
    const report = JSON.parse(log.slice(log.indexOf('{\n'), log.lastIndexOf('}') + 1));
    return { code, log, report, summary: readFileSync(summary, 'utf8') };
  }

  it('loads the changed root alone on both sides and says so in the log and the job summary', async () => {
    const { code, log, report, summary } = await run();
    expect(code).toBe(0);
    expect(report.scope).toMatchObject({ mode: 'affected', units: ['terraform:roots/b'], totalUnits: 5, filesRead: { base: 2, head: 2 } });
    expect(report.findings.fixed.map((f: { rule: string }) => f.rule)).toEqual(['KMS301']);
    const line = 'scope: 1 of 5 units affected by the change (terraform:roots/b) · 2 of 7 files read · --all reviews every unit';
    expect(log).toContain(`kms-review: ${line}\n`);
    expect(summary).toContain(line);
  });

  it('all: true reviews every unit; another value is an input error', async () => {
    const { report } = await run({ INPUT_ALL: 'true' });
    expect(report.scope).toMatchObject({ mode: 'all', filesRead: { base: 7, head: 7 } });
    expect(report.findings.fixed.map((f: { rule: string }) => f.rule)).toEqual(['KMS301']);
    const out = capture();
    expect(await runAction({ ...env, INPUT_ALL: 'yes' }, { stdout: out.stream, stderr: out.stream }, { version: '0' })).toBe(2);
    expect(out.text()).toContain('all must be true or false (got "yes")');
  });
});
