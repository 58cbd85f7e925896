/**
 * Pull request comment markdown (pure): the sticky summary comment, one review comment per new
 * finding (with a ```suggestion block when the fix can be applied from the diff view), and the
 * review body that lists what could not be posted on a line. The GitHub door adds nothing but
 * the hidden markers it finds them by again.
 *
 * PR content is hostile: resource names, tag values and messages are quoted with `@mentions`
 * defused (no pings from the bot), HTML comments opened in content escaped (no forged markers),
 * and table cells kept on one line.
 */
import type { KeyDiff } from '../diff/types.js';
import type { Key } from '../inventory/types.js';
import type { Location } from '../model/types.js';
import type { ChangeAnalysis } from '../pipeline.js';
import { RULES } from '../rules/registry.js';
import type { Finding, Rule } from '../rules/types.js';
import { at, resourceAddress } from './describe.js';
import { gainedPhrase, radiusChange, shownKeys, verdict } from './diff-describe.js';
import { ruleDocUrl } from './links.js';

/** GitHub's limit for an issue or review comment body. */
export const COMMENT_LIMIT = 65_536;
export const SUMMARY_MARKER = '<!-- kms-review:summary -->';
export const CHECK_RUN_NAME = 'KMS key strategy';
/** Evidence is shown as JSON up to this many characters per comment. */
const EVIDENCE_LIMIT = 4_000;

export const findingMarker = (fingerprint: string): string => `<!-- kms-review:finding ${fingerprint} -->`;
export const fixedMarker = (fingerprint: string): string => `<!-- kms-review:fixed ${fingerprint} -->`;
export const reviewMarker = (headSha: string): string => `<!-- kms-review:review ${headSha} -->`;
export const listedMarker = (fingerprints: readonly string[]): string => `<!-- kms-review:listed ${fingerprints.join(' ')} -->`;

export interface PrCommentContext {
  /** `html_url` of the repository (github.com or GitHub Enterprise Server). */
  repoUrl: string;
  baseSha: string;
  headSha: string;
  rules?: readonly Rule[];
}

// Escaping ---------------------------------------------------------------------------------------

/** Defuses `@user` / `@org/team` mentions and HTML comment openers in quoted content. */
export function safe(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, '@\u200b').replace(/<!--/g, '&lt;!--');
}
const cell = (s: string) => safe(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${cell(s).replace(/`/g, "'")}\``;
/** A fence longer than any backtick run in `text`. */
const fence = (text: string) => '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));

const ruleName = (id: string, rules: readonly Rule[] = RULES) => rules.find((r) => r.id === id)?.name;

function blobLink(ctx: Pick<PrCommentContext, 'repoUrl' | 'headSha'>, l: Location | undefined): string {
  if (!l) return '—';
  const anchor = `#L${l.startLine}${l.endLine !== l.startLine ? `-L${l.endLine}` : ''}`;
  const path = l.file.split('/').map(encodeURIComponent).join('/');
  return `[${cell(at(l))}](${ctx.repoUrl}/blob/${ctx.headSha}/${path}${anchor})`;
}

function langOf(file: string): string {
  if (file.endsWith('.tf') || file.endsWith('.tfvars') || file.endsWith('.hcl')) return 'hcl';
  if (file.endsWith('.json')) return 'json';
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return 'yaml';
  return '';
}

// Sticky summary ---------------------------------------------------------------------------------

function keyLabel(change: ChangeAnalysis, k: KeyDiff): string {
  const find = (keys: readonly Key[], id: string) => keys.find((x) => x.id === id);
  const key = find(change.head.inventory.keys, k.key) ?? find(change.base.inventory.keys, k.baseKey ?? k.key);
  const address = resourceAddress(k.key);
  const alias = key?.aliases.find((a) => a !== k.key);
  return alias ? `${code(alias)} (${code(address)})` : code(address);
}

/** `policy 1 · consumers +2 −0 · access +1`: what kind of change, counted. */
function changeCounts(k: KeyDiff): string {
  const plus = (n: number, m: number) => `+${n} −${m}`;
  const parts = [
    k.attributes.length ? `attributes ${k.attributes.length}` : '',
    k.consumers.length
      ? `consumers ${plus(k.consumers.filter((c) => c.change === 'added' || (c.change === 'moved' && c.toKey === k.key)).length, k.consumers.filter((c) => c.change === 'removed' || (c.change === 'moved' && c.toKey !== k.key)).length)}`
      : '',
    k.access.length ? `access ${plus(k.access.filter((a) => a.change === 'added').length, k.access.filter((a) => a.change === 'removed').length)}` : '',
    k.aliases.added.length + k.aliases.removed.length ? `aliases ${plus(k.aliases.added.length, k.aliases.removed.length)}` : '',
  ].filter(Boolean);
  return `${k.change}${parts.length ? `: ${parts.join(' · ')}` : ''}`;
}

/**
 * The sticky summary: verdict, changed keys with their blast radius before → after, the new
 * findings, the fixed and pre-existing counts, links to the rule pages. No markers (the door adds them).
 */
export function summaryComment(change: ChangeAnalysis, ctx: PrCommentContext): string {
  const active = change.findings.new.filter((f) => !f.suppressed);
  const suppressed = [...change.findings.new, ...change.findings.unchanged].filter((f) => f.suppressed).length;
  const out = [
    `### 🔑 ${CHECK_RUN_NAME} · ${active.length === 0 ? 'no new findings' : `${active.length} new finding${active.length === 1 ? '' : 's'}`}`,
    '',
    `**${verdict(change.diff, change.findings)}**`,
    '',
  ];
  const keys = shownKeys(change.diff);
  if (keys.length > 0) {
    out.push('#### Changed keys', '', '| key | change | blast radius before → after | newly reached |', '|---|---|---|---|');
    for (const k of keys) {
      out.push(
        `| ${keyLabel(change, k)} | ${changeCounts(k)} | ${cell(radiusChange(k.blastRadius.before, k.blastRadius.after))} | ${cell(gainedPhrase(k) ?? '—')} |`,
      );
    }
    out.push('');
  }
  if (active.length > 0) {
    out.push(`#### New findings (${active.length})`, '', '| severity | rule | key | finding | where |', '|---|---|---|---|---|');
    for (const f of active) {
      const name = ruleName(f.rule, ctx.rules);
      out.push(
        `| ${f.severity} | [${f.rule}](${ruleDocUrl(f.rule)})${name ? ` ${name}` : ''} | ${f.key ? code(resourceAddress(f.key)) : '—'} | ${cell(f.message)} | ${blobLink(ctx, f.location)} |`,
      );
    }
    out.push('');
  }
  const fixed = change.findings.fixed.filter((f) => !f.suppressed).length;
  const preexisting = change.findings.unchanged.filter((f) => !f.suppressed).length;
  out.push(`Fixed: ${fixed} · pre-existing (not posted on lines): ${preexisting}${suppressed ? ` · suppressed: ${suppressed}` : ''}`, '');
  out.push(
    `<sub>Reviewed ${ctx.baseSha.slice(0, 7)} → ${ctx.headSha.slice(0, 7)}. The check run “${CHECK_RUN_NAME}” has the inventory diff, the dependency graph and suggested splits.</sub>`,
  );
  return out.join('\n');
}

/** What the sticky comment becomes when the pull request has no new finding any more: one line. */
export function cleanSummary(headSha: string): string {
  return `✅ ${CHECK_RUN_NAME}: no new findings at ${headSha.slice(0, 7)}.`;
}

// Review comments --------------------------------------------------------------------------------

export interface FindingCommentOptions {
  /** Render the fix as a ```suggestion block (the comment sits exactly on the fix's lines). */
  suggestion: boolean;
  rules?: readonly Rule[];
  /** The comment sits on the file's nearest diff line, not on the finding's own lines (filters `file` / `nofilter`). */
  outsideDiff?: boolean;
}

function evidenceBlock(evidence: Record<string, unknown>): string[] {
  if (Object.keys(evidence).length === 0) return [];
  let json = JSON.stringify(evidence, null, 2);
  if (json.length > EVIDENCE_LIMIT)
    json = `${json.slice(0, EVIDENCE_LIMIT)}\n… (${(json.length - EVIDENCE_LIMIT).toLocaleString('en-US')} more characters in the check run)`;
  json = safe(json);
  const f = fence(json);
  return ['<details><summary>Evidence</summary>', '', `${f}json`, json, f, '', '</details>', ''];
}

/** One review comment: marker, rule id and name, message, evidence, the fix (suggestion or snippet), the rule's page. */
export function findingComment(finding: Finding, options: FindingCommentOptions): string {
  const name = ruleName(finding.rule, options.rules);
  const out = [
    findingMarker(finding.fingerprint),
    `**${finding.severity} · [${finding.rule}](${ruleDocUrl(finding.rule)})${name ? ` ${name}` : ''}**${finding.key ? ` · key ${code(resourceAddress(finding.key))}` : ''}`,
    '',
    ...(options.outsideDiff && finding.location ? [`_At ${code(at(finding.location))}, outside the lines of this diff._`, ''] : []),
    safe(finding.message),
    '',
    ...evidenceBlock(finding.evidence),
  ];
  const fix = finding.fix;
  if (fix) {
    const replacement = fix.replacement.replace(/\n$/, '');
    if (options.suggestion) {
      const f = fence(replacement);
      out.push(`**Suggested fix:** ${safe(fix.description)}`, '', `${f}suggestion`, replacement, f, '');
    } else {
      const shown = safe(replacement);
      const f = fence(shown);
      out.push(
        `**Suggested fix** for ${code(at(fix.location))} (not a one-click suggestion: those lines are not all in this diff): ${safe(fix.description)}`,
        '',
        `${f}${langOf(fix.location.file)}`,
        shown,
        f,
        '',
      );
    }
  }
  out.push(`<sub>[${finding.rule} documentation](${ruleDocUrl(finding.rule)}) · fingerprint \`${finding.fingerprint}\`</sub>`);
  return out.join('\n');
}

/** Why a new finding is in the review body rather than on a line. */
export type NotInlineReason = 'outside-diff' | 'over-limit' | 'no-location';

const REASONS: Record<NotInlineReason, string> = {
  'outside-diff': 'not on a line this filter comments on',
  'over-limit': 'over the inline comment limit',
  'no-location': 'no file location',
};

export interface ReviewBodyInput {
  headSha: string;
  repoUrl: string;
  inline: number;
  listed: readonly { finding: Finding; reason: NotInlineReason }[];
  maxComments: number;
  rules?: readonly Rule[];
}

/**
 * The review body: marker of the head it reviews, the fingerprints it lists (so a re-run does
 * not list them again), and a table of the findings that are not inline comments. Truncated
 * honestly (whole rows) to the comment limit; only the rows shown are recorded as listed.
 */
export function reviewBody(input: ReviewBodyInput): string {
  const total = input.inline + input.listed.length;
  const head = `**kms-review** · ${total} new finding${total === 1 ? '' : 's'} at ${input.headSha.slice(0, 7)}: ${input.inline} on the changed lines${input.listed.length ? `, ${input.listed.length} listed below` : ''}.`;
  const rows = input.listed.map(({ finding: f, reason }) => {
    const name = ruleName(f.rule, input.rules);
    const where = blobLink({ repoUrl: input.repoUrl, headSha: input.headSha }, f.location);
    const why = reason === 'over-limit' ? `over the limit of ${input.maxComments} inline comments` : REASONS[reason];
    return `| ${f.severity} | [${f.rule}](${ruleDocUrl(f.rule)})${name ? ` ${name}` : ''} | ${cell(f.message)} | ${where} | ${why} |`;
  });
  const table = rows.length ? ['', '| severity | rule | finding | where | why not inline |', '|---|---|---|---|---|'] : [];
  const render = (shown: number) => {
    const fps = input.listed.slice(0, shown).map((l) => l.finding.fingerprint);
    const cut =
      shown < rows.length
        ? ['', `> **Truncated** to GitHub's comment limit: ${shown} of ${rows.length} rows shown; every finding is in the check run “${CHECK_RUN_NAME}”.`]
        : [];
    return [reviewMarker(input.headSha), ...(fps.length ? [listedMarker(fps)] : []), head, ...table, ...rows.slice(0, shown), ...cut].join('\n');
  };
  let body = render(rows.length);
  if (body.length <= COMMENT_LIMIT) return body;
  // Each row costs its line and its fingerprint in the marker; keep the longest prefix that fits.
  let used = render(0).length + 200; // the truncation notice
  let shown = 0;
  for (const [i, row] of rows.entries()) {
    const cost = row.length + 1 + input.listed[i].finding.fingerprint.length + 1;
    if (used + cost > COMMENT_LIMIT) break;
    used += cost;
    shown++;
  }
  body = render(shown);
  return body;
}

// Truncation -------------------------------------------------------------------------------------

/**
 * Fits a comment to `limit` characters: whole lines are kept, an open code fence is closed, and a
 * notice says how much was left out and where the rest is. Unchanged when it fits.
 */
export function fitComment(body: string, limit = COMMENT_LIMIT, pointer = `the check run “${CHECK_RUN_NAME}” has the full report`): string {
  if (body.length <= limit) return body;
  const notice = (omitted: number) =>
    `\n\n> **Truncated** to GitHub's ${limit.toLocaleString('en-US')}-character comment limit: ${omitted.toLocaleString('en-US')} characters left out; ${pointer}.`;
  const budget = limit - notice(body.length).length - 8;
  const lines = body.split('\n');
  const kept: string[] = [];
  let used = 0;
  let open: string | undefined;
  for (const l of lines) {
    const closing = open ? `\n${open}`.length : 0;
    if (used + l.length + 1 + closing > budget) break;
    kept.push(l);
    used += l.length + 1;
    const m = /^\s*(`{3,}|~{3,})/.exec(l);
    if (m) open = open === undefined ? m[1] : m[1].startsWith(open) ? undefined : open;
  }
  if (open) kept.push(open);
  const text = kept.join('\n');
  return text + notice(body.length - used);
}
