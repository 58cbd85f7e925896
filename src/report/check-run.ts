/**
 * The check run "KMS key strategy" as data: title, summary and text (markdown, each within GitHub's
 * 65,535-character limit, truncated honestly), annotations for new findings, the "Propose split"
 * button, and the conclusion. Pure: the GitHub door sends what this returns.
 */

import type { ConfigError } from '../config/load.js';
import type { Config, Severity } from '../config/schema.js';
import type { KeyDiff } from '../diff/types.js';
import type { Key } from '../inventory/types.js';
import type { Location } from '../model/types.js';
import type { ChangeAnalysis } from '../pipeline.js';
import { RULES } from '../rules/registry.js';
import { atLeast } from '../rules/run.js';
import type { Finding, Rule } from '../rules/types.js';
import type { ChangeScope } from '../sources/scope.js';
import type { SplitPlan } from '../split/types.js';
import { at, resourceAddress, rotationPhrase } from './describe.js';
import { attributePhrase, consumerPhrase, shownKeys, verdict } from './diff-describe.js';
import { externalSection } from './external.js';
import { ruleDocUrl } from './links.js';
import { scopeLines } from './scope.js';

export const CHECK_NAME = 'KMS key strategy';
/** GitHub's limit for `output.summary` and `output.text`. */
export const OUTPUT_LIMIT = 65_535;
/** GitHub accepts at most 50 annotations per create / update call. */
export const ANNOTATIONS_PER_CALL = 50;
export const PROPOSE_SPLIT = 'propose-split';
/** Consumers drawn per key in the Mermaid graph; the rest are one "+N more" node. */
const GRAPH_CONSUMERS_PER_KEY = 25;

export type Conclusion = 'success' | 'neutral' | 'failure' | 'action_required' | 'cancelled';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunOutput {
  conclusion: Conclusion;
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
  actions: CheckAction[];
}

/** Where the reviewed code lives, for links (`html_url` of the repository: github.com or GHE). */
export interface CheckRunContext {
  repoUrl: string;
  baseSha: string;
  headSha: string;
  rules?: readonly Rule[];
  /** What was analysed (the Action): said under the verdict. */
  scope?: ChangeScope;
}

// ---------------------------------------------------------------------------------------------
// Outcomes other than a review.

export function skippedOutput(reason: string): CheckRunOutput {
  return {
    conclusion: 'success',
    title: reason,
    summary: `**${reason}**: no Terraform, CloudFormation or policy file that can affect a KMS key changed.`,
    annotations: [],
    actions: [],
  };
}

export function configErrorOutput(errors: readonly (ConfigError & { file?: string })[], file: string): CheckRunOutput {
  const lines = errors.map((e) => `| \`${e.file ?? file}\` | ${e.line} | \`${e.path || '(document)'}\` | ${cell(e.message)} |`);
  return {
    conclusion: 'action_required',
    title: `Invalid configuration: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${file}`,
    summary: truncateLines(
      [
        `**The configuration \`${file}\` is invalid**, so this pull request was not reviewed. Fix it on the default branch and re-run this check.`,
        '',
        '| file | line | path | problem |',
        '|---|---|---|---|',
        ...lines,
      ],
      'the full list of errors is printed by `kms-review scan --config <file>`',
    ),
    annotations: [],
    actions: [],
  };
}

export function supersededOutput(newerSha: string): CheckRunOutput {
  return {
    conclusion: 'cancelled',
    title: `Superseded by ${newerSha.slice(0, 7)}`,
    summary: `This run was superseded by ${newerSha}: the pull request's head moved while it ran; the newer commit gets its own run.`,
    annotations: [],
    actions: [],
  };
}

export function errorOutput(error: unknown): CheckRunOutput {
  const { what, detail } = describeError(error);
  return {
    conclusion: 'failure',
    title: `Review could not finish: ${what}`,
    summary: [
      `**The review could not finish**: ${what}.`,
      '',
      detail,
      '',
      'Nothing was concluded about this pull request. Re-run this check (“Re-run”) once GitHub is reachable again.',
    ].join('\n'),
    annotations: [],
    actions: [],
  };
}

function describeError(error: unknown): { what: string; detail: string } {
  const e = error as { status?: number; message?: string; request?: { method?: string; url?: string } } | undefined;
  if (e && typeof e.status === 'number') {
    const route =
      e.request?.method && e.request.url ? `${e.request.method} ${new URL(e.request.url, 'https://api.github.com').pathname}` : 'a GitHub API request';
    const kind = e.status >= 500 ? 'GitHub API unavailable' : e.status === 403 || e.status === 429 ? 'GitHub API rate limit' : 'GitHub API error';
    return { what: `${kind} (HTTP ${e.status})`, detail: `${route} kept failing with HTTP ${e.status} after retries with backoff.` };
  }
  // Never echo arbitrary error text (it may quote request headers); the name and first line are enough.
  const first = (e?.message ?? String(error)).split('\n')[0].slice(0, 300);
  return { what: 'internal error', detail: `\`${first.replace(/`/g, "'")}\`` };
}

// ---------------------------------------------------------------------------------------------
// A review.

export function conclusionFor(newFindings: readonly Finding[], failOn: Config['failOn']): Conclusion {
  const active = newFindings.filter((f) => !f.suppressed);
  if (active.some((f) => atLeast(f.severity, failOn))) return 'failure';
  return active.length > 0 ? 'neutral' : 'success';
}

export function annotationLevel(severity: Severity): Annotation['annotation_level'] {
  return severity === 'critical' || severity === 'high' ? 'failure' : severity === 'medium' ? 'warning' : 'notice';
}

/** True when a split plan proposes something (at least two new keys). */
export const actionableSplit = (p: SplitPlan): boolean => p.reason === undefined && p.newKeys.length >= 2;

export function reviewOutput(change: ChangeAnalysis, config: Config, splits: readonly SplitPlan[], ctx: CheckRunContext): CheckRunOutput {
  const rules = new Map((ctx.rules ?? RULES).map((r) => [r.id, r]));
  const link = linker(ctx);
  const active = change.findings.new.filter((f) => !f.suppressed);
  const proposals = splits.filter(actionableSplit);
  return {
    conclusion: conclusionFor(change.findings.new, config.failOn),
    title: titleOf(change),
    summary: summaryOf(change, proposals, link, ctx),
    text: textOf(change, proposals, rules, link, ctx),
    annotations: annotationsOf(active, change, rules),
    actions: proposals.length > 0 ? [{ label: 'Propose split', description: 'Post the split plan as a comment', identifier: PROPOSE_SPLIT }] : [],
  };
}

// Title -----------------------------------------------------------------------------------------

const keyLabel = (k: KeyDiff, head?: Key, base?: Key): string => head?.aliases[0] ?? base?.aliases[0] ?? resourceAddress(k.key);

function sides(change: ChangeAnalysis, k: KeyDiff): { base?: Key; head?: Key } {
  const base = change.base.inventory.keys.find((x) => x.id === (k.baseKey ?? k.key));
  const head = change.head.inventory.keys.find((x) => x.id === k.key);
  return { ...(base ? { base } : {}), ...(head ? { head } : {}) };
}

function titleOf(change: ChangeAnalysis): string {
  const active = change.findings.new.filter((f) => !f.suppressed).length;
  const head = active === 0 ? 'No new findings' : `${active} new finding${active === 1 ? '' : 's'}`;
  const keys = shownKeys(change.diff);
  if (keys.length === 0) return `${head} · no key changes`;
  // The headline key: the one that grew most (gained dimensions first), else the first shown.
  const score = (k: KeyDiff) =>
    (k.gained.environments.length + k.gained.dataClasses.length + k.gained.workloads.length) * 1000 +
    ((k.blastRadius.after?.consumers ?? 0) - (k.blastRadius.before?.consumers ?? 0));
  const top = [...keys].sort((a, b) => score(b) - score(a))[0];
  const { base, head: headKey } = sides(change, top);
  const before = top.blastRadius.before?.consumers ?? 0;
  const after = top.blastRadius.after?.consumers ?? 0;
  const consumers =
    top.change === 'added' ? `new key, ${after} consumers` : top.change === 'removed' ? `removed, had ${before} consumers` : `${before} → ${after} consumers`;
  const envs = top.gained.environments.length > 0 && headKey ? `, now ${values(headKey, 'environment').join(' + ')}` : '';
  const more = keys.length > 1 ? ` (+${keys.length - 1} more key${keys.length === 2 ? '' : 's'})` : '';
  const title = `${head} · ${keyLabel(top, headKey, base)}: ${consumers}${envs}${more}`;
  return title.length > 240 ? `${title.slice(0, 239)}…` : title;
}

// Summary ---------------------------------------------------------------------------------------

type Link = (l: Location | undefined) => string;

function linker(ctx: CheckRunContext): Link {
  return (l) => {
    if (!l) return '—';
    const anchor = `#L${l.startLine}${l.endLine !== l.startLine ? `-L${l.endLine}` : ''}`;
    const path = l.file.split('/').map(encodeURIComponent).join('/');
    return `[${cell(at(l))}](${ctx.repoUrl}/blob/${ctx.headSha}/${path}${anchor})`;
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${cell(s).replace(/`/g, "'")}\``;

function values(key: Key | undefined, dim: 'environment' | 'workload' | 'dataClass'): string[] {
  if (!key) return [];
  return [...new Set(key.consumers.map((c) => c[dim]?.value).filter((v): v is string => typeof v === 'string'))].sort();
}

function beforeAfter(before: string[], after: string[], gained: string[]): string {
  const show = (vs: string[]) => (vs.length ? vs.map((v) => (gained.includes(v) ? `**${v}**` : v)).join(' + ') : '—');
  return before.join() === after.join() ? show(after) : `${before.length ? before.join(' + ') : '—'} → ${show(after)}`;
}

function inventoryTable(change: ChangeAnalysis): string[] {
  const keys = shownKeys(change.diff);
  if (keys.length === 0) return [];
  const rows = keys.map((k) => {
    const { base, head } = sides(change, k);
    const rotation = [base && rotationPhrase(base), head && rotationPhrase(head)];
    const rot = rotation[0] && rotation[1] && rotation[0] !== rotation[1] ? `${rotation[0]} → **${rotation[1]}**` : (rotation[1] ?? rotation[0] ?? '—');
    const decrypt = [
      ...new Set(
        k.access
          .filter((a) => a.change === 'added' && a.group === 'usage')
          .map((a) => `${code(a.principal)}${a.restrictedBy?.length ? '' : ' (unconditioned)'}`),
      ),
    ];
    const kind = `${k.change}${k.baseKey ? ` (renamed from ${code(resourceAddress(k.baseKey))})` : ''}`;
    return `| ${code(keyLabel(k, head, base))} | ${kind} | ${k.blastRadius.before?.consumers ?? 0} → ${k.blastRadius.after?.consumers ?? 0} | ${beforeAfter(values(base, 'environment'), values(head, 'environment'), k.gained.environments)} | ${beforeAfter(values(base, 'workload'), values(head, 'workload'), k.gained.workloads)} | ${beforeAfter(values(base, 'dataClass'), values(head, 'dataClass'), k.gained.dataClasses)} | ${rot} | ${decrypt.join(', ') || '—'} |`;
  });
  return [
    '### Key inventory: before → after',
    '',
    '| key | change | consumers | environments | workloads | data classes | rotation | new decrypt access |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

/** A Mermaid `graph LR` of the changed keys and their consumers; added edges thick, removed ones dotted. */
export function mermaidGraph(change: ChangeAnalysis): string[] {
  const keys = shownKeys(change.diff);
  if (keys.length === 0) return [];
  const label = (s: string) => `"${s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"`;
  const ids = new Map<string, string>();
  const id = (prefix: string, name: string) => {
    const k = `${prefix}:${name}`;
    if (!ids.has(k)) ids.set(k, `${prefix}${ids.size}`);
    return ids.get(k) as string;
  };
  const lines = ['```mermaid', 'graph LR'];
  const consumersDeclared = new Set<string>();
  const consumerNode = (resource: string, service?: string) => {
    const node = id('c', resource);
    if (!consumersDeclared.has(node)) {
      consumersDeclared.add(node);
      lines.push(`  ${node}[${label(`${resourceAddress(resource)}${service ? ` (${service})` : ''}`)}]`);
    }
    return node;
  };
  for (const k of keys) {
    const { base, head } = sides(change, k);
    const keyNode = id('k', k.key);
    lines.push(`  ${keyNode}{{${label(`${keyLabel(k, head, base)} · ${k.change}`)}}}`);
    const added = k.consumers.filter((c) => c.change === 'added' || (c.change === 'moved' && c.toKey === k.key));
    const removed = k.consumers.filter((c) => c.change === 'removed' || (c.change === 'moved' && c.toKey !== k.key));
    const addedIds = new Set(added.map((c) => c.resource));
    for (const c of added) lines.push(`  ${consumerNode(c.resource, c.service)} ==>|${c.change === 'moved' ? 'moved in' : 'added'}| ${keyNode}`);
    for (const c of removed) lines.push(`  ${consumerNode(c.resource, c.service)} -.->|${c.change === 'moved' ? 'moved out' : 'removed'}| ${keyNode}`);
    const kept = [...new Set((head?.consumers ?? []).map((c) => c.resource))].filter((r) => !addedIds.has(r));
    for (const r of kept.slice(0, GRAPH_CONSUMERS_PER_KEY)) {
      const service = head?.consumers.find((c) => c.resource === r)?.service;
      lines.push(`  ${consumerNode(r, service)} --> ${keyNode}`);
    }
    if (kept.length > GRAPH_CONSUMERS_PER_KEY)
      lines.push(`  ${id('m', k.key)}[${label(`+${kept.length - GRAPH_CONSUMERS_PER_KEY} more unchanged`)}] --> ${keyNode}`);
  }
  lines.push('```', '', '_Thick arrows: references this pull request adds; dotted: references it removes._', '');
  return ['### What depends on the changed keys', '', ...lines];
}

function findingRow(f: Finding, link: Link, label: (key: string) => string): string {
  return `| ${f.severity} | [${f.rule}](${ruleDocUrl(f.rule)}) | ${f.key ? code(label(f.key)) : '—'} | ${cell(f.message)} | ${link(f.location)} |`;
}

function splitDetails(p: SplitPlan, link: Link, isNew: (path: string) => boolean = () => true): string {
  const lang = (path: string) =>
    path.endsWith('.tf') ? 'hcl' : path.endsWith('.json') ? 'json' : path.endsWith('.yaml') || path.endsWith('.yml') ? 'yaml' : '';
  const out = [`<details><summary>Split ${code(p.key)} into ${p.newKeys.length} keys (by ${p.dimensions.join(', ')})</summary>`, ''];
  for (const k of p.newKeys) {
    const group = [k.group.environment, k.group.workload, k.group.dataClass].filter(Boolean).join(' / ');
    out.push(`- ${code(k.alias)} for ${group}: ${k.group.consumers.map((c) => code(resourceAddress(c))).join(', ')}`);
  }
  out.push('', '**Code**', '');
  for (const [path, content] of Object.entries(p.files).filter(([path]) => isNew(path)))
    out.push(`\`${path}\``, '', `\`\`\`\`${lang(path)}`, content, '````', '');
  out.push('**Migration plan**', '');
  for (const m of p.migration) {
    out.push(
      `- ${code(resourceAddress(m.resource))} (${m.service}) — ${m.kind === 'replacement' ? '**replacement**: the resource is re-created, move its data' : m.kind}`,
    );
    for (const s of m.steps) out.push(`  - ${s.replace(/\n/g, ' ')}`);
  }
  for (const n of p.notes ?? []) out.push(`- note: ${n}`);
  if (p.edits.length > 0) {
    out.push('', '**Consumer edits**', '');
    for (const e of p.edits) out.push(`- ${link(e.location)}: ${code(e.before)} → ${code(e.after)}`);
  }
  out.push('', '</details>', '');
  return out.join('\n');
}

/** One block = one unit that is kept or dropped whole when the summary must be truncated. */
interface Block {
  text: string;
  finding?: boolean;
}

function summaryOf(change: ChangeAnalysis, proposals: readonly SplitPlan[], link: Link, ctx: CheckRunContext): string {
  const active = change.findings.new.filter((f) => !f.suppressed);
  const suppressed = [...change.findings.new, ...change.findings.unchanged].filter((f) => f.suppressed);
  const preexisting = change.findings.unchanged.filter((f) => !f.suppressed).length;
  const blocks: Block[] = [{ text: `**${verdict(change.diff, change.findings)}**\n` }];
  const scope = scopeLines(ctx.scope);
  if (scope.length) blocks.push({ text: `${scope.map(cell).join('<br>')}\n` });
  const table = inventoryTable(change);
  if (table.length) blocks.push({ text: table.join('\n') });
  const elsewhere = externalSection(
    shownKeys(change.diff).map((k) => {
      const { base, head } = sides(change, k);
      return { id: k.key, label: keyLabel(k, head, base) };
    }),
    { ...(change.head.external ? { head: change.head.external } : {}), ...(change.base.external ? { base: change.base.external } : {}) },
    ctx.repoUrl,
  );
  if (elsewhere.length) blocks.push({ text: elsewhere.join('\n') });
  const graph = mermaidGraph(change);
  if (graph.length) blocks.push({ text: graph.join('\n') });
  if (active.length > 0) {
    blocks.push({ text: `### New findings (${active.length})\n\n| severity | rule | key | evidence | where |\n|---|---|---|---|---|` });
    const aliases = new Map([...change.base.inventory.keys, ...change.head.inventory.keys].map((k) => [k.id, k.aliases[0] ?? k.id]));
    for (const f of active) blocks.push({ text: findingRow(f, link, (key) => aliases.get(key) ?? key), finding: true });
    blocks.push({ text: '' });
  }
  blocks.push({ text: `Fixed: ${change.findings.fixed.filter((f) => !f.suppressed).length} · pre-existing (not posted on lines): ${preexisting}\n` });
  if (proposals.length > 0) {
    blocks.push({
      text: `### Suggested split${proposals.length === 1 ? '' : 's'}\n\nPress **Propose split** above to get the plan as a pull request comment.\n`,
    });
    for (const p of proposals) blocks.push({ text: splitDetails(p, link, (path) => change.head.sourceLines(path) === undefined) });
  }
  if (suppressed.length > 0) {
    const items = suppressed.map(
      (f) =>
        `- ${f.rule} ${f.key ? code(resourceAddress(f.key)) : ''} — ${f.suppressed?.by}${f.suppressed?.author ? ` by ${f.suppressed.author}` : ''}: ${cell(f.suppressed?.reason ?? '')}${f.suppressed?.expires ? ` (until ${f.suppressed.expires})` : ''}`,
    );
    blocks.push({ text: [`<details><summary>Suppressed findings (${suppressed.length})</summary>`, '', ...items, '', '</details>', ''].join('\n') });
  }
  return fitBlocks(blocks, active.length, `run \`kms-review diff --base ${ctx.baseSha.slice(0, 12)} --head ${ctx.headSha.slice(0, 12)}\` for everything`);
}

/** Keeps whole blocks while they fit, then says what was left out and where to read it. */
function fitBlocks(blocks: Block[], findings: number, fallback: string): string {
  const whole = blocks.map((b) => b.text).join('\n');
  if (whole.length <= OUTPUT_LIMIT) return whole;
  const notice = (shown: number, dropped: number) =>
    `\n> **Truncated** to GitHub's ${OUTPUT_LIMIT.toLocaleString('en-US')}-character limit: ${shown} of ${findings} new findings` +
    `${dropped > 0 ? ` and ${dropped} of the other sections` : ''} are shown. Every new finding with a line in the head is an annotation on that line; ${fallback}.\n`;
  const budget = OUTPUT_LIMIT - notice(findings, blocks.length).length;
  const kept: string[] = [];
  let used = 0;
  let shown = 0;
  let dropped = 0;
  for (const b of blocks) {
    if (used + b.text.length + 1 <= budget) {
      kept.push(b.text);
      used += b.text.length + 1;
      if (b.finding) shown++;
    } else if (!b.finding) dropped++;
  }
  return `${kept.join('\n')}\n${notice(shown, dropped)}`;
}

/** Plain truncation by lines for simple outputs. */
function truncateLines(lines: string[], fallback: string): string {
  const whole = lines.join('\n');
  if (whole.length <= OUTPUT_LIMIT) return whole;
  const notice = `\n\n> **Truncated** to GitHub's ${OUTPUT_LIMIT.toLocaleString('en-US')}-character limit; ${fallback}.`;
  const kept: string[] = [];
  let used = 0;
  for (const l of lines) {
    if (used + l.length + 1 > OUTPUT_LIMIT - notice.length) break;
    kept.push(l);
    used += l.length + 1;
  }
  return kept.join('\n') + notice;
}

// Text ------------------------------------------------------------------------------------------

function textOf(change: ChangeAnalysis, proposals: readonly SplitPlan[], rules: Map<string, Rule>, link: Link, ctx: CheckRunContext): string {
  const lines: string[] = [];
  const section = (title: string, findings: readonly Finding[]) => {
    lines.push(`## ${title} (${findings.length})`, '');
    for (const f of findings) {
      lines.push(
        `- **${f.severity}** [${f.rule}](${ruleDocUrl(f.rule)}) ${rules.get(f.rule)?.name ?? ''} — ${link(f.location)}${f.suppressed ? ` — suppressed (${f.suppressed.by}: ${cell(f.suppressed.reason)})` : ''}`,
      );
      lines.push(`  ${f.message.replace(/\n/g, ' ')}`);
      if (f.fix) lines.push(`  Fix: ${f.fix.description}`);
    }
    lines.push('');
  };
  section('New findings', change.findings.new);
  for (const k of shownKeys(change.diff)) {
    const { base, head } = sides(change, k);
    lines.push(`## ${k.change} key ${code(keyLabel(k, head, base))}`, '');
    for (const a of k.attributes) {
      const { what, where } = attributePhrase(a);
      lines.push(`- ${what} (${link(where)})`);
    }
    for (const c of k.consumers) lines.push(`- ${consumerPhrase(c, k.key)} (${link(c.location)})`);
    for (const a of k.access) lines.push(`- access ${a.change}: ${code(a.principal)} ${a.group} via ${cell(a.via)} (${link(a.location)})`);
    lines.push('');
  }
  section('Fixed findings', change.findings.fixed);
  section('Pre-existing findings', change.findings.unchanged);
  for (const p of proposals) lines.push(`## Split patch for ${code(p.key)}`, '', '````diff', p.patch, '````', '');
  return truncateLines(lines, `run \`kms-review diff --base ${ctx.baseSha.slice(0, 12)} --head ${ctx.headSha.slice(0, 12)}\` for the full list`);
}

// Annotations -----------------------------------------------------------------------------------

function annotationsOf(active: readonly Finding[], change: ChangeAnalysis, rules: Map<string, Rule>): Annotation[] {
  return active
    .filter((f) => f.location && change.head.sourceLines(f.location.file) !== undefined)
    .map((f) => {
      const l = f.location as Location;
      const message = `${f.message}${f.fix ? `\n\nFix: ${f.fix.description}` : ''}\n\nDocs: ${ruleDocUrl(f.rule)}`;
      return {
        path: l.file,
        start_line: l.startLine,
        end_line: Math.max(l.startLine, l.endLine),
        annotation_level: annotationLevel(f.severity),
        title: `${f.rule} ${rules.get(f.rule)?.name ?? ''}`.trim(),
        message: message.slice(0, 60_000),
        ...(f.fix ? { raw_details: f.fix.replacement.slice(0, 60_000) } : {}),
      };
    });
}

/** The split plan as a pull request comment (posted by the "Propose split" button). */
export function splitComment(plans: readonly SplitPlan[], headSha: string, requester: string, repoUrl: string): string {
  const link = linker({ repoUrl, baseSha: headSha, headSha });
  const body = [
    `<!-- kms-review:split ${headSha} -->`,
    `### Proposed key split (requested by @${requester}, at ${headSha.slice(0, 7)})`,
    '',
    ...plans.filter(actionableSplit).map((p) => splitDetails(p, link).replace('<details><summary>', '<details open><summary>')),
    ...plans
      .filter(actionableSplit)
      .map((p) => `<details><summary>Patch for ${code(p.key)} (\`git apply\`)</summary>\n\n\`\`\`\`diff\n${p.patch}\n\`\`\`\`\n\n</details>\n`),
  ].join('\n');
  const limit = 65_536;
  return body.length <= limit
    ? body
    : `${body.slice(0, limit - 200)}\n\n> **Truncated** to GitHub's comment limit: run \`kms-review diff\` with \`--format json\` for the full plan.`;
}
