/**
 * The GitHub Action: the same pipeline as the CLI and the App, on the workflow's checkout. The
 * head is the work tree, the base the pull request's base commit read from git objects. Writes
 * the SARIF file, the job summary (the check run's markdown), the step outputs, and — with a token
 * that can write — the check run, review comments and sticky comment; otherwise (fork pull
 * requests, no token, no pull request) workflow annotations carry the new findings.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CONFIG_PATH, type LoadedConfig, parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { ReviewOutcome, ReviewTarget } from '../github/publisher.js';
import { type AnalyseOptions, type Analysis, analyse, analyseChange, type ChangeAnalysis } from '../pipeline.js';
import { annotationLevel, type Conclusion, conclusionFor, configErrorOutput, reviewOutput } from '../report/check-run.js';
import { diffJson } from '../report/diff-json.js';
import { diffMarkdown } from '../report/diff-markdown.js';
import { diffText } from '../report/diff-text.js';
import { findingsMarkdown } from '../report/findings-markdown.js';
import { findingsText } from '../report/findings-text.js';
import { analysisJson } from '../report/json.js';
import { inventoryMarkdown } from '../report/markdown.js';
import { sarifLog } from '../report/sarif.js';
import { scopeJson, scopeLine, scopeLines } from '../report/scope.js';
import { plainStyle } from '../report/style.js';
import { inventoryText } from '../report/text.js';
import { RULES } from '../rules/registry.js';
import { atLeast } from '../rules/run.js';
import { type Finding, SEVERITIES, type Severity } from '../rules/types.js';
import type { FileSet } from '../sources/fileset.js';
import { changedPaths, gitFileSet, gitRepoRoot, resolveCommit } from '../sources/git.js';
import { safeRelativePath } from '../sources/paths.js';
import { type ChangeScope, narrowForReview } from '../sources/scope.js';
import { planSplits } from '../split/index.js';
import type { SplitPlan } from '../split/types.js';
import { type RunContext, readRunContext } from './event.js';
import { actionLiveHook } from './live.js';
import { ActionPublishers } from './publish.js';
import { Runner, type Streams } from './runner.js';
import { baseSide, planSides, workTreeSide } from './sources.js';

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;
const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export interface ActionInputs {
  path: string;
  base: string;
  config: string;
  failOn: Severity | 'never' | undefined;
  format: Format;
  sarifFile: string;
  planJson: string;
  comment: 'update' | 'off';
  token: string;
  /** Recorded KMS responses replayed instead of reading the account (tests and demos). */
  liveRecorded: string;
  /** Role assumed with the job's OIDC token for the live view (turns it on). */
  awsRole: string;
  /** Region of the STS endpoint for `awsRole`. */
  awsRegion: string;
  /** Analyse every unit, not only those the change affects. */
  all: boolean;
}

class InputError extends Error {}

export function readInputs(runner: Runner): ActionInputs {
  const failOn = runner.input('fail-on');
  if (failOn !== '' && failOn !== 'never' && !SEVERITIES.includes(failOn as Severity)) {
    throw new InputError(`fail-on must be one of ${SEVERITIES.join(', ')} or never (got "${failOn}")`);
  }
  const format = runner.input('format') || 'text';
  if (!FORMATS.includes(format as Format)) throw new InputError(`format must be ${FORMATS.join(', ')} (got "${format}")`);
  const comment = runner.input('comment') || 'update';
  if (comment !== 'update' && comment !== 'off') throw new InputError(`comment must be update or off (got "${comment}")`);
  const all = runner.input('all') || 'false';
  if (all !== 'true' && all !== 'false') throw new InputError(`all must be true or false (got "${all}")`);
  return {
    path: runner.input('path') || '.',
    base: runner.input('base'),
    config: runner.input('config'),
    failOn: failOn === '' ? undefined : (failOn as Severity | 'never'),
    format: format as Format,
    sarifFile: runner.input('sarif-file') || 'kms-review.sarif',
    planJson: runner.input('plan-json'),
    comment,
    token: runner.input('github-token'),
    liveRecorded: runner.input('live-recorded'),
    awsRole: runner.input('aws-role'),
    awsRegion: runner.input('aws-region'),
    all: all === 'true',
  };
}

export interface ActionOptions {
  /** The version in SARIF and the User-Agent. */
  version: string;
  /** `YYYY-MM-DD` for expiring ignores (tests). */
  today?: string;
}

/** Runs the action; resolves to the process exit code (0 ok, 1 new findings at or above fail-on, 2 error). */
export async function runAction(env: Record<string, string | undefined>, streams: Streams, options: ActionOptions): Promise<number> {
  const runner = new Runner(env, streams);
  let publishers: ActionPublishers | undefined;
  try {
    const inputs = readInputs(runner);
    const context = readRunContext(env);
    const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
    const dir = resolve(workspace, inputs.path);
    if (!existsSync(dir)) throw new InputError(`path ${inputs.path} does not exist in ${workspace}`);
    const pr = context.pullRequest;
    const baseRef = inputs.base || pr?.baseSha || '';
    const root = baseRef || !inputs.planJson ? await repoRootOr(dir, workspace, baseRef !== '') : workspace;
    const prefix = relative(realpathSync(root), realpathSync(dir)).split('\\').join('/');
    if (prefix.startsWith('..')) throw new InputError(`path ${inputs.path} is outside the repository ${root}`);

    publishers = publishersFor(inputs, context, runner, options);
    await publishers?.begin();

    const loaded = await loadActionConfig(inputs.config, root, baseRef, runner);
    const config = loaded.config;
    const failOn = inputs.failOn ?? config.failOn;
    if (loaded.errors.length > 0) {
      for (const e of loaded.errors)
        runner.annotate({
          level: 'error',
          file: loaded.file,
          line: e.line,
          title: 'kms-review configuration',
          message: `${e.path ? `${e.path}: ` : ''}${e.message}`,
        });
      const output = configErrorOutput(loaded.errors, loaded.file);
      runner.summary(`## ${output.title}\n\n${output.summary}\n`);
      await publishers?.publish({ kind: 'config-error', errors: loaded.errors, file: loaded.file });
      setOutputs(runner, { newFindings: 0, findings: 0, sarifFile: '', conclusion: 'action_required' });
      return EXIT.error;
    }

    // The live view (config `live.enabled` or the `aws-role` input): one hook for both sides, read once.
    const live = await actionLiveHook(config.live, inputs, env, workspace, runner);
    const analyseOptions: AnalyseOptions = { ...(options.today ? { today: options.today } : {}), ...(live ? { live } : {}) };
    const sides = await sidesFor(inputs, root, prefix, baseRef, config, runner);
    const sarifPath = resolve(workspace, inputs.sarifFile);
    let result: Reported;
    if (sides.base) {
      let change: ChangeAnalysis;
      let scope: ChangeScope | undefined;
      try {
        // A plan file is one file per side: nothing to narrow.
        // The head is the work tree: git says which files differ from the base (nothing re-read).
        const differs = inputs.planJson || inputs.all ? undefined : new Set(await changedPaths(root, baseRef, undefined, prefix || undefined));
        const narrowed = inputs.planJson
          ? undefined
          : await narrowForReview(sides.base, sides.head, config, { all: inputs.all, ...(differs ? { differs } : {}) });
        scope = narrowed?.scope;
        if (scope) runner.info(`kms-review: ${scopeLine(scope)}`);
        change = await analyseChange(narrowed?.base ?? sides.base, narrowed?.head ?? sides.head, loaded, analyseOptions);
      } finally {
        await Promise.all([sides.base.close?.(), sides.head.close?.()]);
      }
      const baseSha = await resolveCommit(root, baseRef).catch(() => baseRef);
      result = reportChange(change, { ...config, failOn }, splitsOf(change.head, config, runner), {
        runner,
        inputs,
        context,
        baseSha,
        headSha: pr?.headSha ?? env.GITHUB_SHA ?? 'HEAD',
        options,
        sarifPath,
        ...(scope ? { scope } : {}),
      });
      if (publishers) {
        const notes = scope ? scopeLines(scope) : [];
        const outcome: ReviewOutcome = { kind: 'reviewed', change, config: { ...config, failOn }, splits: result.splits, notes };
        const failed = await publishers.publish(outcome);
        if (failed.length > 0) runner.info(`kms-review: ${failed.join(', ')} not published; the job summary and the SARIF file have everything`);
      }
    } else {
      let analysis: Analysis;
      try {
        analysis = await analyse(sides.head, loaded, analyseOptions);
      } finally {
        await sides.head.close?.();
      }
      result = reportScan(analysis, failOn, { runner, inputs, options, sarifPath, label: inputs.path });
    }
    if (!publishers?.checkRun) annotate(runner, result.newFindings);
    setOutputs(runner, {
      newFindings: result.newFindings.length,
      findings: result.findings,
      sarifFile: relative(workspace, sarifPath).split('\\').join('/') || sarifPath,
      conclusion: result.conclusion,
    });
    runner.info(`kms-review: ${result.newFindings.length} new finding(s), ${result.findings} at head; conclusion ${result.conclusion} (fail-on: ${failOn})`);
    return result.conclusion === 'failure' ? EXIT.findings : EXIT.ok;
  } catch (error) {
    const message = error instanceof InputError ? error.message : `the review could not finish: ${(error as Error).message ?? String(error)}`;
    runner.error(`kms-review: ${message}`);
    await publishers?.publish({ kind: 'error', error }).catch(() => undefined);
    return EXIT.error;
  }
}

/** The repository root; without git (no base to read) the workspace will do. */
async function repoRootOr(dir: string, workspace: string, needGit: boolean): Promise<string> {
  try {
    return await gitRepoRoot(dir);
  } catch (error) {
    if (needGit) throw error;
    return workspace;
  }
}

/**
 * Publishing needs a pull request, a token, and a head in this repository: a fork's pull request
 * runs with a read-only token, so everything stays in the job (summary, SARIF, annotations).
 */
function publishersFor(inputs: ActionInputs, context: RunContext, runner: Runner, options: ActionOptions): ActionPublishers | undefined {
  const pr = context.pullRequest;
  if (!pr) {
    runner.info(`kms-review: no pull request in this ${context.eventName || 'run'}: results go to the job summary, the SARIF file and workflow annotations`);
    return undefined;
  }
  if (pr.fork) {
    runner.info(
      `kms-review: pull request #${pr.number} comes from the fork ${pr.headRepo}: the workflow's token is read-only there, so no check run or comments are posted; results go to the job summary, the SARIF file and workflow annotations`,
    );
    return undefined;
  }
  if (!inputs.token) {
    runner.info('kms-review: no github-token: no check run or comments are posted; results go to the job summary, the SARIF file and workflow annotations');
    return undefined;
  }
  const target: ReviewTarget = {
    owner: context.repository.owner,
    repo: context.repository.repo,
    repoUrl: context.repository.repoUrl,
    pullNumber: pr.number,
    baseSha: pr.baseSha,
    headSha: pr.headSha,
    fork: false,
  };
  return new ActionPublishers({
    token: inputs.token,
    apiUrl: context.repository.apiUrl,
    target,
    comment: inputs.comment,
    ...(pr.updatedAt ? { runAt: pr.updatedAt } : {}),
    userAgent: `kms-review-action/${options.version}`,
    log: (m) => runner.warning(m),
  });
}

/**
 * The configuration: `config` (default `.github/kms-review.yml`, repository-relative) read from the
 * base commit, like the App reads it from the default branch, so a pull request cannot relax its
 * own review; the work tree's copy only when there is no base, or when a named file is not in it
 * (a file an earlier step wrote).
 */
async function loadActionConfig(input: string, root: string, baseRef: string, runner: Runner): Promise<LoadedConfig & { file: string }> {
  const path = input ? (isAbsolute(input) ? relative(root, input) : input) : CONFIG_PATH;
  const safe = safeRelativePath(path);
  if (baseRef) {
    const base = await gitFileSet(root, baseRef);
    try {
      if ((await base.list()).some((e) => e.path === safe && e.kind === 'file')) {
        runner.info(`kms-review: configuration ${safe} from the base commit`);
        return { ...parseConfig((await base.read(safe)).toString('utf8')), file: safe };
      }
    } finally {
      await base.close?.();
    }
    if (!input) return { ...parseConfig(''), file: safe };
  }
  const file = resolve(root, safe);
  if (!existsSync(file)) {
    if (input) return { ...parseConfig(''), errors: [{ path: '', message: 'config file not found', line: 1 }], file: safe };
    return { ...parseConfig(''), file: safe };
  }
  return { ...parseConfig(readFileSync(file, 'utf8')), file: safe };
}

async function sidesFor(
  inputs: ActionInputs,
  root: string,
  prefix: string,
  baseRef: string,
  config: Config,
  runner: Runner,
): Promise<{ base?: FileSet; head: FileSet }> {
  if (inputs.planJson) {
    const file = resolve(root, inputs.planJson);
    const shown = relative(root, file).split('\\').join('/');
    const path = shown.startsWith('..') ? file.split(/[\\/]/).pop()! : shown;
    runner.info(`kms-review: reviewing the plan ${path} (before → after) instead of parsing the code`);
    const sides = planSides(path, readFileSync(file, 'utf8'));
    return baseRef ? sides : { head: sides.head };
  }
  const head = workTreeSide(resolve(root, prefix || '.'), prefix, config.exclude);
  if (!baseRef) return { head };
  return { base: await baseSide(root, baseRef, prefix, config.exclude, (m) => runner.info(m)), head };
}

function splitsOf(head: Analysis, config: Config, runner: Runner): SplitPlan[] {
  try {
    return planSplits(head, config);
  } catch (error) {
    runner.info(`kms-review: no split proposals: ${(error as Error).message}`);
    return [];
  }
}

interface Reported {
  newFindings: Finding[];
  findings: number;
  conclusion: Conclusion;
  splits: SplitPlan[];
}

interface ReportContext {
  runner: Runner;
  inputs: ActionInputs;
  context: RunContext;
  baseSha: string;
  headSha: string;
  options: ActionOptions;
  sarifPath: string;
  scope?: ChangeScope;
}

/**
 * SARIF gets every finding at head (state and change findings): code scanning compares with the
 * base branch's analysis itself. The summary is the check run's; the log gets `format`.
 */
function reportChange(change: ChangeAnalysis, config: Config, splits: SplitPlan[], ctx: ReportContext): Reported {
  const { runner, inputs } = ctx;
  const atHead = [...change.changeFindings, ...change.head.findings];
  writeSarif(ctx.sarifPath, atHead, ctx.options.version);
  const output = reviewOutput(change, config, splits, {
    repoUrl: ctx.context.repository.repoUrl,
    baseSha: ctx.baseSha,
    headSha: ctx.headSha,
    ...(ctx.scope ? { scope: ctx.scope } : {}),
  });
  runner.summary(`## KMS key strategy: ${output.title}\n\n${output.summary}\n`);
  const label = `${inputs.planJson || inputs.path} ${ctx.baseSha.slice(0, 12)} → ${ctx.headSha.slice(0, 12)}`;
  const render: Record<Format, () => string> = {
    text: () => diffText(change.diff, change.findings, change.head.inventory, plainStyle, label, ctx.scope),
    markdown: () => diffMarkdown(change.diff, change.findings, change.head.inventory, label, ctx.scope),
    json: () => {
      const scope = ctx.scope ? scopeJson(ctx.scope, { base: change.base.stats, head: change.head.stats }) : undefined;
      return `${JSON.stringify(diffJson(change.base.inventory, change.head.inventory, change.diff, change.findings, splits, scope), null, 2)}\n`;
    },
    sarif: () => readFileSync(ctx.sarifPath, 'utf8'),
  };
  runner.writeUntrusted(render[inputs.format]());
  const active = (fs: readonly Finding[]) => fs.filter((f) => !f.suppressed);
  return {
    newFindings: active(change.findings.new),
    findings: active(atHead).length,
    conclusion: conclusionFor(change.findings.new, config.failOn),
    splits,
  };
}

/** No base (a push, a scheduled run): the head alone; every finding counts as new. */
function reportScan(analysis: Analysis, failOn: Severity | 'never', ctx: Omit<ReportContext, 'context' | 'baseSha' | 'headSha'> & { label: string }): Reported {
  const { runner, inputs } = ctx;
  writeSarif(ctx.sarifPath, analysis.findings, ctx.options.version);
  runner.summary(`## KMS key strategy\n\n${inventoryMarkdown(analysis.inventory, ctx.label)}\n${findingsMarkdown(analysis.findings)}`);
  const render: Record<Format, () => string> = {
    text: () => {
      const style = plainStyle;
      return `${inventoryText(analysis.inventory, style, ctx.label)}\n${findingsText(analysis.findings, style)}`;
    },
    markdown: () => `${inventoryMarkdown(analysis.inventory, ctx.label)}\n${findingsMarkdown(analysis.findings)}`,
    json: () => `${JSON.stringify(analysisJson(analysis.inventory, analysis.findings), null, 2)}\n`,
    sarif: () => readFileSync(ctx.sarifPath, 'utf8'),
  };
  runner.writeUntrusted(render[inputs.format]());
  const active = analysis.findings.filter((f) => !f.suppressed);
  const conclusion: Conclusion = active.some((f) => atLeast(f.severity, failOn)) ? 'failure' : active.length > 0 ? 'neutral' : 'success';
  return { newFindings: active, findings: active.length, conclusion, splits: [] };
}

function writeSarif(path: string, findings: readonly Finding[], version: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(sarifLog(findings, RULES, version), null, 2)}\n`);
}

const LEVEL = { failure: 'error', warning: 'warning', notice: 'notice' } as const;

/** New findings as workflow annotations (when there is no check run to carry them). */
function annotate(runner: Runner, findings: readonly Finding[]): void {
  for (const f of findings) {
    runner.annotate({
      level: LEVEL[annotationLevel(f.severity)],
      message: f.message,
      title: `${f.rule} (${f.severity})`,
      ...(f.location ? { file: f.location.file, line: f.location.startLine, endLine: f.location.endLine } : {}),
    });
  }
}

function setOutputs(runner: Runner, o: { newFindings: number; findings: number; sarifFile: string; conclusion: Conclusion }): void {
  runner.setOutput('new-findings', o.newFindings);
  runner.setOutput('findings', o.findings);
  runner.setOutput('sarif-file', o.sarifFile);
  runner.setOutput('conclusion', o.conclusion);
}
