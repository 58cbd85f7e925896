/**
 * Replies to `/kms` slash commands (pure markdown). PR content is hostile: names and messages are
 * quoted with mentions defused and HTML comment openers escaped (`safe`). Every reply fits
 * GitHub's 65,536-character comment limit: long replies fold their sections into `<details>`,
 * and what still does not fit is cut at whole lines with a notice.
 */
import type { AccessEntry, KeyAccess } from '../access/types.js';
import type { KeyDiff } from '../diff/types.js';
import type { Consumer, Key } from '../inventory/types.js';
import type { ExternalRepository } from '../model/external.js';
import type { Classified, Location } from '../model/types.js';
import type { ChangeAnalysis } from '../pipeline.js';
import type { PrIgnore } from '../rules/suppressions.js';
import type { Finding, Rule } from '../rules/types.js';
import type { SplitPlan } from '../split/types.js';
import { at, blastPhrase, groupConsumers, keyFacts, resourceAddress, rotationPhrase } from './describe.js';
import { radiusChange } from './diff-describe.js';
import { externalMarkdown, externalPhrase } from './external.js';
import { ruleDocUrl } from './links.js';
import { COMMENT_LIMIT, fitComment, safe } from './pr-comment.js';

/** Replies longer than this fold their sections into `<details>`. */
export const FOLD_ABOVE = 20_000;

export interface ReplyContext {
  repoUrl: string;
  headSha: string;
  baseSha: string;
}

export interface Section {
  title: string;
  body: string;
  /** Folded into `<details>` even when the reply is short. */
  folded?: boolean;
}

const cell = (s: string) => safe(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${cell(s).replace(/`/g, "'")}\``;
const fence = (text: string) => '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function link(ctx: ReplyContext, l: Location | undefined): string {
  if (!l) return '—';
  const anchor = `#L${l.startLine}${l.endLine !== l.startLine ? `-L${l.endLine}` : ''}`;
  const path = l.file.split('/').map(encodeURIComponent).join('/');
  return `[${cell(at(l))}](${ctx.repoUrl}/blob/${ctx.headSha}/${path}${anchor})`;
}

/** A heading line, then sections; folded into `<details>` when long, cut to the limit when still too long. */
export function assembleReply(heading: string, sections: readonly Section[], limit = COMMENT_LIMIT): string {
  const render = (fold: boolean) =>
    [
      heading,
      '',
      ...sections.map((s) =>
        fold || s.folded ? `<details><summary>${s.title}</summary>\n\n${s.body.trimEnd()}\n\n</details>\n` : `#### ${s.title}\n\n${s.body.trimEnd()}\n`,
      ),
    ]
      .join('\n')
      .trimEnd();
  const plain = render(false);
  if (plain.length <= FOLD_ABOVE) return plain;
  return fitComment(render(true), limit, 'ask for one key at a time, or run `kms-review scan` locally for everything');
}

// Help, errors --------------------------------------------------------------------------------

export const COMMAND_EXAMPLES: [string, string, string][] = [
  ['/kms help', 'this list', '/kms help'],
  ['/kms explain [<rule> | <fingerprint> | <key>]', 'a rule, a finding of this PR (no argument in a finding’s thread), or a key’s card', '/kms explain KMS103'],
  ['/kms inventory [--all]', 'the keys of the changed units (`--all`: the whole repository)', '/kms inventory --all'],
  ['/kms blast-radius <key>', 'what breaks if the key is disabled or deleted, base vs head', '/kms blast-radius alias/platform-prod'],
  ['/kms split <key>', 'the split plan, generated code, patch and migration plan', '/kms split alias/platform-prod'],
  [
    '/kms ignore <rule> [<key or resource>] reason="…" [expires=YYYY-MM-DD]',
    'suppress a finding for this PR (write access)',
    '/kms ignore KMS301 alias/platform-dev reason="dev key, rotated by the HSM team" expires=2027-01-31',
  ],
  ['/kms unignore <rule> [<key or resource>]', 'remove a PR ignore (write access)', '/kms unignore KMS301 alias/platform-dev'],
  ['/kms rerun', 'review the current head again (write access)', '/kms rerun'],
];

export function helpReply(): string {
  return [
    '**kms-review** · slash commands',
    '',
    'Write a command at the start of a line in a pull request comment (several lines, several commands; not inside code blocks).',
    '',
    '| command | what it does | example |',
    '|---|---|---|',
    ...COMMAND_EXAMPLES.map(([usage, what, example]) => `| \`${usage.replace(/\|/g, '\\|')}\` | ${what} | \`${example}\` |`),
  ].join('\n');
}

export function unknownVerbReply(verb: string, suggestions: readonly string[]): string {
  const mean = suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`/kms ${s}\``).join(' or ')}?` : '';
  return [
    `😕 **kms-review** does not know the command ${code(`/kms ${verb}`)}.${mean}`,
    '',
    `Commands: ${COMMAND_EXAMPLES.map(([usage]) => `\`${usage.split(' ').slice(0, 2).join(' ')}\``).join(' · ')} — \`/kms help\` shows them with examples.`,
  ].join('\n');
}

export function errorReply(line: string, message: string): string {
  return `😕 **kms-review** could not run ${code(line.slice(0, 200))}: ${message}`;
}

export function permissionReply(user: string, verb: string, permission: string): string {
  return `😕 @${user.replace(/[^\w-]/g, '')}, \`/kms ${verb}\` needs write, maintain or admin permission on this repository (yours: ${code(permission)}).`;
}

export function notReviewableReply(line: string, why: string): string {
  return `😕 **kms-review** could not answer ${code(line.slice(0, 200))}: ${why}`;
}

// Explain a rule ------------------------------------------------------------------------------

/** `## Heading` → body, of a rule document. */
export function docSections(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  let title = '';
  let body: string[] = [];
  let inFence = false;
  for (const line of doc.split('\n')) {
    if (/^(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    if (!inFence && line.startsWith('## ')) {
      out.set(title, body.join('\n').trim());
      title = line.slice(3).trim();
      body = [];
    } else body.push(line);
  }
  out.set(title, body.join('\n').trim());
  return out;
}

export function explainRuleReply(rule: Rule, doc: string | undefined): string {
  const heading = `**kms-review** · ${rule.id} ${rule.name} — ${rule.defaultSeverity} by default · principle: ${rule.principle}`;
  const body = doc ? doc.replace(/^# .*\n+/, '').trim() : `${rule.rationale}\n\n[Documentation](${ruleDocUrl(rule.id)})`;
  const sections = [...docSections(body)].filter(([title]) => title !== '');
  const intro = docSections(body).get('') ?? '';
  return assembleReply(`${heading}\n\n${intro}\n\n<sub>[${rule.id} documentation](${ruleDocUrl(rule.id)})</sub>`.trim(), [
    ...sections.map(([title, text]) => ({ title, body: text })),
  ]);
}

// Explain a finding ----------------------------------------------------------------------------

export type Language = 'terraform' | 'cloudformation';

export function languageOf(file: string | undefined, key?: Key): Language {
  if (file && /\.(ya?ml|json|template)$/i.test(file)) return 'cloudformation';
  if (file && /\.(tf|tfvars|hcl)$/i.test(file)) return 'terraform';
  return key?.source === 'cloudformation' ? 'cloudformation' : 'terraform';
}

/** The "How to fix" text of a rule doc with only the code blocks of `language` (and their lead-in lines). */
export function fixInLanguage(fixText: string, language: Language): string {
  const wanted = language === 'terraform' ? ['hcl', 'terraform', 'tf'] : ['yaml', 'yml', 'json'];
  const blocks: { text: string; lang?: string }[] = [];
  let current: string[] = [];
  let fenceLang: string | undefined;
  for (const line of fixText.split('\n')) {
    const m = /^(`{3,}|~{3,})(\w*)/.exec(line);
    if (fenceLang === undefined && m) {
      if (current.length) blocks.push({ text: current.join('\n') });
      current = [line];
      fenceLang = m[2] || 'text';
    } else if (fenceLang !== undefined && m && !m[2]) {
      current.push(line);
      blocks.push({ text: current.join('\n'), lang: fenceLang });
      current = [];
      fenceLang = undefined;
    } else if (fenceLang === undefined && line.trim() === '') {
      if (current.length) blocks.push({ text: current.join('\n') });
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push({ text: current.join('\n'), ...(fenceLang ? { lang: fenceLang } : {}) });
  const keep = blocks.map((b) => b.lang === undefined || b.lang === 'text' || wanted.includes(b.lang));
  // A lead-in ("CloudFormation (…):") before a dropped block goes with it.
  blocks.forEach((b, i) => {
    if (b.lang === undefined && b.text.trimEnd().endsWith(':') && blocks[i + 1]?.lang !== undefined && !keep[i + 1]) keep[i] = false;
  });
  return blocks
    .filter((_, i) => keep[i])
    .map((b) => b.text)
    .join('\n\n');
}

function classifiedPhrase(c: Classified): string {
  return c ? `${safe(c.value)} (${safe(c.detail || c.from)})` : '?';
}

function consumerRows(all: readonly Consumer[], ctx: ReplyContext, limit = 60): string[] {
  const consumers = uniqueConsumers(all);
  const rows = ['| environment | workload | data class | service | resource | key reference |', '|---|---|---|---|---|---|'];
  for (const c of consumers.slice(0, limit)) {
    rows.push(
      `| ${cell(classifiedPhrase(c.environment))} | ${cell(classifiedPhrase(c.workload))} | ${cell(classifiedPhrase(c.dataClass))} | ${cell(c.service)} | ${code(resourceAddress(c.resource))} | ${link(ctx, c.location)} |`,
    );
  }
  if (consumers.length > limit) rows.push(`| … | | | | +${consumers.length - limit} more | |`);
  return rows;
}

function distinct(consumers: readonly Consumer[], dim: 'environment' | 'workload' | 'dataClass'): string {
  const values = [...new Set(consumers.map((c) => c[dim]?.value ?? '?'))].sort();
  return values.length ? values.map((v) => safe(v)).join(', ') : '—';
}

function accessLines(k: KeyDiff | undefined): string[] {
  const added = (k?.access ?? []).filter((a) => a.change === 'added');
  if (added.length === 0) return ['No principal gains access to this key in this pull request.'];
  return added.map(
    (a) =>
      `- ${code(a.principal)} gains **${a.group}** via ${cell(a.via)}${a.restrictedBy?.length ? ` (narrowed by ${a.restrictedBy.map(code).join(', ')})` : ' (unconditioned)'}`,
  );
}

export interface FindingExplanation {
  finding: Finding;
  rule?: Rule;
  /** The rule's document (bundled), for "why it matters" and "how to fix". */
  doc?: string;
  /** Where the finding stands in this PR. */
  status: 'new' | 'pre-existing' | 'fixed';
  change: ChangeAnalysis;
}

export function explainFindingReply(input: FindingExplanation, ctx: ReplyContext): string {
  const { finding: f, rule, change } = input;
  const side = input.status === 'fixed' ? change.base : change.head;
  const key = f.key ? side.inventory.keys.find((k) => k.id === f.key) : undefined;
  const keyDiff = f.key ? change.diff.keys.find((k) => k.key === f.key || k.baseKey === f.key) : undefined;
  const docs = input.doc ? docSections(input.doc) : new Map<string, string>();
  const language = languageOf(f.location?.file, key);
  const status =
    input.status === 'new' ? 'new in this pull request' : input.status === 'fixed' ? 'fixed by this pull request' : 'already there before this pull request';
  const heading = [
    `**kms-review** · ${f.severity} · [${f.rule}](${ruleDocUrl(f.rule)}) ${rule?.name ?? ''} — ${status}${f.suppressed ? ` · suppressed (${f.suppressed.by}: ${cell(f.suppressed.reason)})` : ''}`,
    '',
    `> ${safe(f.message).replace(/\n/g, '\n> ')}`,
    '',
    `Key ${f.key ? code(key?.aliases[0] ?? resourceAddress(f.key)) : '—'} · at ${link(ctx, f.location)} · fingerprint \`${f.fingerprint}\``,
  ].join('\n');
  const sections: Section[] = [];
  if (rule) sections.push({ title: 'Principle', body: `**${rule.principle}** — ${safe(rule.rationale)}` });
  const evidence: string[] = [];
  const subjects = key ? key.consumers.filter((c) => f.subjects.includes(c.resource)) : [];
  const shown = subjects.length ? subjects : (key?.consumers ?? []);
  if (key) {
    evidence.push(
      `Key ${code(key.aliases[0] ?? resourceAddress(key.id))}: ${safe(blastPhrase(key))}.`,
      '',
      `Environments: ${distinct(key.consumers, 'environment')} · workloads: ${distinct(key.consumers, 'workload')} · data classes: ${distinct(key.consumers, 'dataClass')}`,
      '',
    );
    if (shown.length)
      evidence.push(
        `${subjects.length ? 'Consumers named by the finding' : 'Consumers of the key'} (with where each classification came from):`,
        '',
        ...consumerRows(shown, ctx),
        '',
      );
  } else if (f.subjects.length) {
    evidence.push(`Resources: ${f.subjects.map((s) => code(resourceAddress(s))).join(', ')}`, '');
  }
  evidence.push('**Who gains access in this pull request**', '', ...accessLines(keyDiff), '');
  if (Object.keys(f.evidence).length) {
    const json = safe(JSON.stringify(f.evidence, null, 2)).slice(0, 6_000);
    const fj = fence(json);
    evidence.push('<details><summary>Raw evidence</summary>', '', `${fj}json`, json, fj, '', '</details>');
  }
  sections.push({ title: 'Evidence in this pull request', body: evidence.join('\n') });
  const why = docs.get('Why it matters');
  if (why) sections.push({ title: 'Why it matters', body: why });
  const fix: string[] = [];
  if (f.fix) {
    const replacement = safe(f.fix.replacement.replace(/\n$/, ''));
    const ff = fence(replacement);
    fix.push(`${safe(f.fix.description)} — ${link(ctx, f.fix.location)}:`, '', `${ff}${language === 'terraform' ? 'hcl' : 'yaml'}`, replacement, ff, '');
  }
  const howTo = docs.get('How to fix');
  if (howTo) fix.push(fixInLanguage(howTo, language));
  const suppress = language === 'terraform' ? '#' : f.location?.file.endsWith('.json') ? undefined : '#';
  fix.push(
    '',
    `If it is acceptable here: \`/kms ignore ${f.rule}${f.key ? ` ${key?.aliases[0] ?? resourceAddress(f.key)}` : ''} reason="…"\`${suppress ? `, or in the code \`${suppress} kms-review:ignore ${f.rule} reason="…"\`` : ''}.`,
  );
  sections.push({ title: `How to fix (${language === 'terraform' ? 'Terraform' : 'CloudFormation'})`, body: fix.join('\n') });
  return assembleReply(heading, sections);
}

// A key's card ---------------------------------------------------------------------------------

function principalsOf(entries: readonly AccessEntry[], group: 'admin' | 'usage'): string {
  const ids = [...new Set(entries.filter((e) => e.groups.includes(group)).map((e) => e.principal.id))];
  return ids.length ? ids.map((id) => code(id)).join(', ') : '—';
}

/** One entry per resource (a resource may reference the key from several attributes), the first reference kept. */
export function uniqueConsumers(consumers: readonly Consumer[]): Consumer[] {
  const seen = new Set<string>();
  return consumers.filter((c) => {
    if (seen.has(c.resource)) return false;
    seen.add(c.resource);
    return true;
  });
}

function policySummary(key: Key, access: KeyAccess | undefined): string[] {
  const lines: string[] = [];
  if (!key.policy) lines.push('- Policy: the default key policy (the account root, i.e. IAM policies of the account, may do everything).');
  else
    lines.push(
      `- Policy: ${key.policy.from === 'inline' ? 'inline' : `from ${code(key.policy.from)}`}, ${plural(key.policy.document.statements.length, 'statement')} (${cell(at(key.policy.location))})`,
    );
  if (access) {
    lines.push(`- Administer: ${principalsOf(access.entries, 'admin')}`);
    lines.push(`- Use (encrypt/decrypt): ${principalsOf(access.entries, 'usage')}`);
    if (access.delegatesToIam !== false) lines.push(`- Delegates to IAM policies of the account: ${access.delegatesToIam === true ? 'yes' : 'unknown'}`);
    if (access.denies.length) lines.push(`- Explicit denies: ${access.denies.length}`);
    for (const u of access.unknowns.slice(0, 5)) lines.push(`- Not evaluated: ${cell(u)}`);
  }
  if (key.grants.length) lines.push(`- Grants: ${key.grants.length}`);
  return lines;
}

/** What the account said about the key (live view, when configured): the line the code cannot give. */
function liveFacts(key: Key): string[] {
  const live = key.live;
  if (!live) return [];
  const rotation = live.rotation
    ? `rotation ${live.rotation.enabled ? `on${live.rotation.periodDays ? ` (${live.rotation.periodDays} d)` : ''}` : 'off'}`
    : undefined;
  const deletion = key.pendingDeletion ? `**pending deletion**${key.pendingDeletion.date ? ` on ${key.pendingDeletion.date.slice(0, 10)}` : ''}` : undefined;
  const parts = [`state ${cell(live.state)}`, rotation, live.grants !== undefined ? plural(live.grants, 'grant') : undefined, deletion].filter(Boolean);
  return [`- In account ${live.account} (${live.region}), read live: ${parts.join(' · ')}`];
}

export function keyCard(key: Key, access: KeyAccess | undefined, ctx: ReplyContext): Section[] {
  const aliases = key.aliases.length ? key.aliases.map(code).join(', ') : '—';
  const facts = [
    `- Address: ${code(key.id)}${key.location ? ` (${link(ctx, key.location)})` : ''}`,
    `- Aliases: ${aliases}`,
    `- Lifecycle: ${rotationPhrase(key)} · ${cell(keyFacts(key).find((f) => f.startsWith('deletion window')) ?? 'deletion window —')}`,
    `- Classified: environment ${cell(classifiedPhrase(key.environment))} · workload ${cell(classifiedPhrase(key.workload))} · data class ${cell(classifiedPhrase(key.dataClass))} · owner ${cell(classifiedPhrase(key.owner))}`,
    `- Blast radius: ${safe(blastPhrase(key))}`,
    ...liveFacts(key),
  ];
  const grouped = groupConsumers(uniqueConsumers(key.consumers)).map(
    ([group, members]) =>
      `- **${cell(group)}** (${members.length}): ${members.map((c) => `${code(resourceAddress(c.resource))} (${c.service}, ${link(ctx, c.location)})`).join(', ')}`,
  );
  return [
    { title: 'Key', body: facts.join('\n') },
    { title: 'Policy and access', body: policySummary(key, access).join('\n') },
    {
      title: `Consumers (${uniqueConsumers(key.consumers).length}) by environment / workload / data class`,
      body: grouped.length ? grouped.join('\n') : 'No consumers in this repository.',
    },
  ];
}

export function explainKeyReply(key: Key, access: KeyAccess | undefined, ctx: ReplyContext, findings: readonly Finding[]): string {
  const heading = `**kms-review** · key ${code(key.aliases[0] ?? resourceAddress(key.id))} at ${ctx.headSha.slice(0, 7)}`;
  const open = findings.filter((f) => f.key === key.id);
  const sections = keyCard(key, access, ctx);
  if (open.length)
    sections.push({
      title: `Findings on this key (${open.length})`,
      body: open
        .map(
          (f) =>
            `- ${f.severity} [${f.rule}](${ruleDocUrl(f.rule)}) ${cell(f.message)}${f.suppressed ? ` — suppressed (${f.suppressed.by})` : ''} · \`/kms explain ${f.fingerprint}\``,
        )
        .join('\n'),
    });
  return assembleReply(heading, sections);
}

// Inventory -------------------------------------------------------------------------------------

export function inventoryReply(keys: readonly Key[], scope: { all: boolean; units: number }, ctx: ReplyContext): string {
  const heading = `**kms-review** · key inventory at ${ctx.headSha.slice(0, 7)} — ${scope.all ? 'whole repository' : `the ${plural(scope.units, 'analysis unit')} this pull request affects`}: ${plural(keys.length, 'key')}${scope.all ? '' : ' (`/kms inventory --all` for the whole repository)'}`;
  if (keys.length === 0) return `${heading}\n\nNo KMS key is declared or referenced there.`;
  const rows = keys.map((k) => {
    const b = k.blastRadius;
    return `| ${code(k.aliases[0] ?? resourceAddress(k.id))} | ${code(k.id)} | ${b.consumers} | ${distinct(k.consumers, 'environment')} | ${distinct(k.consumers, 'workload')} | ${distinct(k.consumers, 'dataClass')} | ${rotationPhrase(k)} | ${cell(keyFacts(k).find((f) => f.startsWith('deletion window')) ?? (k.manager === 'aws' ? 'AWS managed' : '—'))} |`;
  });
  const table = ['| key | address | consumers | environments | workloads | data classes | rotation | deletion |', '|---|---|---|---|---|---|---|---|', ...rows];
  const sections: Section[] = [{ title: `Keys (${keys.length})`, body: table.join('\n') }];
  for (const k of keys.filter((x) => x.consumers.length > 0)) {
    sections.push({
      title: `${cell(k.aliases[0] ?? resourceAddress(k.id))} — ${plural(uniqueConsumers(k.consumers).length, 'consumer')}`,
      body: consumerRows(k.consumers, ctx, 200).join('\n'),
      folded: true,
    });
  }
  return assembleReply(heading, sections);
}

// Blast radius ----------------------------------------------------------------------------------

function breakage(key: Key | undefined, ctx: ReplyContext): string {
  if (!key) return 'The key does not exist on this side.';
  if (key.consumers.length === 0) return 'Nothing in this repository uses it.';
  const byEnv = new Map<string, Consumer[]>();
  for (const c of uniqueConsumers(key.consumers)) {
    const env = c.environment?.value ?? '? (unknown environment)';
    byEnv.set(env, [...(byEnv.get(env) ?? []), c]);
  }
  const out: string[] = [];
  for (const [env, members] of [...byEnv].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`- **${cell(env)}**`);
    const byWorkload = new Map<string, Consumer[]>();
    for (const c of members) byWorkload.set(c.workload?.value ?? '?', [...(byWorkload.get(c.workload?.value ?? '?') ?? []), c]);
    for (const [workload, cs] of [...byWorkload].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(
        `  - workload ${cell(workload)}: ${cs.map((c) => `${code(resourceAddress(c.resource))} (${c.service}${c.dataClass ? `, ${safe(c.dataClass.value)}` : ''}, ${link(ctx, c.location)})`).join(', ')}`,
      );
    }
  }
  return out.join('\n');
}

/**
 * `elsewhere`: what the organisation's key index says other repositories do with the key (absent
 * without an index; `unavailable` when it could not be read).
 */
export function blastRadiusReply(
  base: Key | undefined,
  head: Key | undefined,
  ctx: ReplyContext,
  elsewhere?: { repositories: readonly ExternalRepository[]; indexed: number; unavailable?: string },
): string {
  const key = head ?? base;
  const label = key ? (key.aliases[0] ?? resourceAddress(key.id)) : '?';
  // Only with the key index does the line say where it counted.
  const others = elsewhere ? ` in this repository${elsewhere.repositories.length > 0 ? ` — and ${externalPhrase(elsewhere.repositories)}` : ''}` : '';
  const heading = [
    `**kms-review** · blast radius of ${code(label)} — what breaks if it is disabled or scheduled for deletion`,
    '',
    `Base ${ctx.baseSha.slice(0, 7)} → head ${ctx.headSha.slice(0, 7)}: ${cell(radiusChange(base?.blastRadius ?? null, head?.blastRadius ?? null))}${others}`,
  ].join('\n');
  const sections: Section[] = [{ title: `Head (${ctx.headSha.slice(0, 7)}), by environment and workload`, body: breakage(head, ctx) }];
  if (elsewhere) {
    const body = elsewhere.unavailable
      ? `The organisation's key index could not be read (${cell(elsewhere.unavailable)}): other repositories' uses are not counted.`
      : elsewhere.repositories.length === 0
        ? `None of the ${elsewhere.indexed} other indexed repositories uses it.`
        : externalMarkdown(elsewhere.repositories, ctx.repoUrl).join('\n');
    sections.push({ title: 'Other repositories', body, folded: elsewhere.repositories.length > 10 });
  }
  const added = head ? uniqueConsumers(head.consumers).filter((c) => !base?.consumers.some((b) => b.resource === c.resource)) : [];
  const removed = base ? uniqueConsumers(base.consumers).filter((c) => !head?.consumers.some((h) => h.resource === c.resource)) : [];
  sections.push({
    title: 'Changed by this pull request',
    body:
      added.length + removed.length === 0
        ? 'The same consumers depend on the key before and after this pull request.'
        : [
            ...added.map((c) => `- now depends on it: ${code(resourceAddress(c.resource))} (${c.service}, ${link(ctx, c.location)})`),
            ...removed.map((c) => `- no longer depends on it: ${code(resourceAddress(c.resource))} (${c.service})`),
          ].join('\n'),
  });
  const lines = head?.blastRadius.breaksIfDisabled ?? [];
  if (lines.length) sections.push({ title: 'What stops working', body: lines.map((l) => `- ${cell(l)}`).join('\n'), folded: lines.length > 10 });
  sections.push({ title: `Base (${ctx.baseSha.slice(0, 7)})`, body: breakage(base, ctx), folded: true });
  return assembleReply(heading, sections);
}

// Split -----------------------------------------------------------------------------------------

const langOfPath = (path: string) =>
  path.endsWith('.tf') ? 'hcl' : path.endsWith('.json') ? 'json' : path.endsWith('.yaml') || path.endsWith('.yml') ? 'yaml' : '';

export function splitReply(plan: SplitPlan, ctx: ReplyContext, label: string): string {
  if (plan.reason !== undefined || plan.newKeys.length < 2) {
    const unknown = plan.unknown.map(
      (u) => `- ${u.dimension} unknown for ${u.consumers.map((c) => code(resourceAddress(c))).join(', ')}: ${cell(u.howToTell)}`,
    );
    return [`**kms-review** · no split for ${code(label)}: ${safe(plan.reason ?? 'nothing to separate')}`, ...(unknown.length ? ['', ...unknown] : [])].join(
      '\n',
    );
  }
  const heading = `**kms-review** · split ${code(label)} into ${plan.newKeys.length} keys (by ${plan.dimensions.join(', ')}) at ${ctx.headSha.slice(0, 7)}`;
  const keys = plan.newKeys.map((k) => {
    const group = [k.group.environment, k.group.workload, k.group.dataClass].filter(Boolean).join(' / ');
    return `- ${code(k.alias)} for ${cell(group)}: ${k.group.consumers.map((c) => code(resourceAddress(c))).join(', ')}`;
  });
  const code_ = Object.entries(plan.files).map(([path, content]) => {
    const f = fence(content);
    return `\`${path}\`\n\n${f}${langOfPath(path)}\n${content}\n${f}`;
  });
  const migration = plan.migration.flatMap((m) => [
    `- ${code(resourceAddress(m.resource))} (${m.service}) — ${m.kind === 'replacement' ? '**replacement**: the resource is re-created, move its data' : m.kind}`,
    ...m.steps.map((s) => `  - ${cell(s)}`),
  ]);
  const patchFence = fence(plan.patch);
  return assembleReply(heading, [
    { title: 'Plan', body: [...keys, ...(plan.notes ?? []).map((n) => `- note: ${cell(n)}`)].join('\n') },
    { title: 'Migration plan', body: migration.join('\n') || '—' },
    { title: `Generated code (${Object.keys(plan.files).length} files)`, body: code_.join('\n\n'), folded: true },
    { title: 'Patch (`git apply`)', body: `${patchFence}diff\n${plan.patch}\n${patchFence}`, folded: true },
  ]);
}

// Ignore, unignore, rerun ------------------------------------------------------------------------

/** Key-like targets go to `key:`, others to `resource:` in the permanent config. */
export function configEquivalent(ignore: Pick<PrIgnore, 'rule' | 'target' | 'reason' | 'expires'>, targetIsKey: boolean): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    'ignores:',
    `  - rule: ${ignore.rule}`,
    ...(ignore.target ? [`    ${targetIsKey ? 'key' : 'resource'}: ${q(ignore.target)}`] : []),
    `    reason: ${q(ignore.reason)}`,
    ...(ignore.expires ? [`    expires: ${ignore.expires}`] : []),
  ].join('\n');
}

export function ignoreReply(ignore: PrIgnore, options: { replaced: boolean; targetIsKey: boolean; matches?: number }): string {
  const target = ignore.target ? ` on ${code(ignore.target)}` : ' (every finding of the rule)';
  const yaml = safe(configEquivalent(ignore, options.targetIsKey));
  return [
    `🔕 **kms-review** · ${ignore.rule}${target} is ignored in this pull request${ignore.expires ? ` until ${ignore.expires}` : ''} (${options.replaced ? 'updated' : 'recorded'} by @${ignore.author.replace(/[^\w-]/g, '')} on ${ignore.date}).`,
    '',
    `Reason: ${cell(ignore.reason)}`,
    '',
    options.matches === 0
      ? `⚠️ It matches no finding at this head: check the rule id and the key or resource name (\`/kms inventory\` lists the keys). It is kept for later pushes; \`/kms unignore ${ignore.rule}${ignore.target ? ` ${ignore.target}` : ''}\` removes it.`
      : `Every later review of this pull request honours it and lists it under “Suppressed findings” in the check run${options.matches !== undefined ? ` (${plural(options.matches, 'finding')} at this head)` : ''}. \`/kms rerun\` applies it now; \`/kms unignore ${ignore.rule}${ignore.target ? ` ${ignore.target}` : ''}\` removes it.`,
    '',
    'To make it permanent, add to `.github/kms-review.yml` on the default branch:',
    '',
    '```yaml',
    yaml,
    '```',
    '',
    `or put \`# kms-review:ignore ${ignore.rule} reason="${cell(ignore.reason).replace(/"/g, "'")}"\` on the line of the finding (or the line above it).`,
  ].join('\n');
}

export function unignoreReply(rule: string, target: string | undefined, removed: number, remaining: number): string {
  if (removed === 0)
    return `😕 **kms-review** · no pull-request ignore of ${rule}${target ? ` on ${code(target)}` : ''} to remove (${plural(remaining, 'ignore')} active). Config and inline suppressions are changed in the code.`;
  return `🔔 **kms-review** · removed ${plural(removed, 'ignore')} of ${rule}${target ? ` on ${code(target)}` : ''}; ${plural(remaining, 'ignore')} remain. The next review reports those findings again (\`/kms rerun\` for now).`;
}

export function rerunReply(headSha: string, conclusion: string): string {
  return `🔁 **kms-review** · reviewed ${headSha.slice(0, 7)} again: ${conclusion}. See the check run “KMS key strategy”.`;
}

export function keyNotFoundReply(ref: string, candidates: readonly Key[], known: readonly Key[]): string {
  if (candidates.length > 1)
    return `😕 **kms-review** · ${code(ref)} matches ${candidates.length} keys: ${candidates.map((k) => code(k.aliases[0] ?? k.id)).join(', ')}. Use one of those names.`;
  const names = known.slice(0, 15).map((k) => code(k.aliases[0] ?? resourceAddress(k.id)));
  return `😕 **kms-review** · no key, rule or finding ${code(ref)} at this head.${names.length ? ` Keys: ${names.join(', ')}${known.length > 15 ? ', …' : ''}.` : ''}`;
}
