/**
 * Terraform code for a split: one `kms-<workload>-<env>.tf` per workload and environment, next
 * to the old key (or in the root of the consumers when they live in another root), written the
 * way `terraform fmt` writes it (aligned `=`), with the literals the root already has variables
 * for written as those variables; and the edit of each consumer's key reference.
 */
import { dirname, posix } from 'node:path';
import { S3_BUCKET_KEY_PATHS, valuesAtPath } from '../catalog/consumers.js';
import type { Key } from '../inventory/types.js';
import { type CodeContext, type Generated, type LineChange, manual, mapStrings, nothingGenerated } from './code.js';
import { type PerEnvironment, type RootKey, sourceTemplates, unevaluatedPolicy } from './environments.js';
import { type GroupPlan, keyWords, slug } from './plan.js';
import type { ConsumerEdit, PolicyStatement } from './types.js';

/** A root deployed once per environment: the environment expression, and the new keys joined across its instances. */
export interface RootPlan extends PerEnvironment {
  keys: RootKey[];
  /** Why the instances cannot share one set of new keys, when they cannot. */
  conflict?: string;
}

export function terraformCode(ctx: CodeContext, key: Key, groups: GroupPlan[], root?: RootPlan): Generated {
  const address = key.id.slice((key.unit ?? '').length + 1);
  const everyConsumer = [...new Set([...key.consumers.map((c) => c.resource), ...groups.flatMap((g) => g.group.consumers)])];
  if (address.startsWith('module.') || key.multiplicity) {
    return nothingGenerated(
      `${key.id} is declared ${address.startsWith('module.') ? `by module ${address.split('.').slice(0, 2).join('.')}` : 'with count/for_each'}: add one module call (or instance) per new key by hand; no code is generated for it.`,
      everyConsumer,
    );
  }
  const perEnvironment = ctx.units.get(key.unit ?? '')?.environment;
  if (key.unit?.includes('#') && perEnvironment && !root) {
    return nothingGenerated(
      `${key.unit} is one root deployed per environment (${perEnvironment.detail}), and no expression names the environment in all of its instances: declare the new keys once in the root with the environment taken from a variable (alias "alias/<workload>-\${var.environment}"); no code is generated for it.`,
      everyConsumer,
    );
  }
  const blocks = root ? rootBlocks(ctx, key, root) : { blocks: groups.map((g) => ({ group: g, all: [g] })) };
  if ('conflict' in blocks) {
    return nothingGenerated(
      `${key.unit} is one root deployed per environment (${perEnvironment?.detail}): ${blocks.conflict}, so the new keys cannot be written once for every environment; no code is generated. Declare them by hand (alias "alias/<workload>-\${${root?.expr}}").`,
      everyConsumer,
    );
  }
  const out = nothingGenerated();
  const byFile = new Map<string, KeyBlock[]>();
  for (const b of blocks.blocks) {
    const g = b.group;
    const dir = g.unit === key.unit && key.location ? dirname(key.location.file) : (ctx.units.get(g.unit)?.path ?? g.unit.split('#')[0]);
    const file = posix.join(dir === '.' ? '' : dir, `kms-${[g.workload, root ? undefined : g.env].filter(Boolean).join('-')}.tf`);
    for (const x of b.all) x.key.file = file;
    byFile.set(file, [...(byFile.get(file) ?? []), b]);
  }
  for (const [file, bs] of byFile) {
    const unit = bs[0].group.unit;
    const vars = variablesOf(ctx, unit);
    const defaults = defaultTagsOf(ctx, unit);
    const first = bs[0].group;
    const lines: string[] = [
      `# ${describe(first, root)}: ${bs.length > 1 ? `one key per ${splitBy(bs.map((b) => b.group))}` : 'its own key'}, split from ${address}${key.aliases[0] ? ` (${root ? aliasExpression(first, key.aliases[0], root.expr) : key.aliases[0]})` : ''}.`,
      '# Proposed by kms-review split. Read the migration plan before pointing consumers at these keys.',
    ];
    for (const b of bs) lines.push('', ...keyBlock(b, key, vars, defaults, root), '', ...aliasBlock(b.group, root));
    const callerIdentity = ctx.resources.some((r) => r.unit === unit && r.address === 'data.aws_caller_identity.current');
    if (!callerIdentity && lines.some((l) => l.includes('data.aws_caller_identity.current'))) lines.splice(2, 0, '', 'data "aws_caller_identity" "current" {}');
    out.files.set(file, `${formatHcl(lines).join('\n')}\n`);
  }
  const sameRoot = new Set(root ? root.instances.map((i) => i.unit.id) : []);
  const edited = new Map<string, string>();
  for (const b of blocks.blocks) {
    for (const c of b.all.flatMap((g) => g.consumers)) {
      const g = b.group;
      const consumerUnit = ctx.unitOf(c.resource);
      const label = c.resource.slice(consumerUnit.length + 1);
      const where = `${c.location.file}:${c.location.startLine}`;
      if (consumerUnit !== g.unit && !(sameRoot.has(consumerUnit) && sameRoot.has(g.unit))) {
        manual(
          out,
          c.resource,
          `${c.resource} (${where}) is in another root than ${g.key.alias}: pass the new key ARN to it (remote state, variable or SSM parameter) by hand.`,
        );
        continue;
      }
      const at = label.startsWith('module.') && label.split('.').length > 2 ? moduleArgument(ctx, consumerUnit, label, c.via) : c.location;
      if (!at) {
        manual(
          out,
          c.resource,
          `${c.resource} gets its key through module ${label.split('.').slice(0, 2).join('.')} (${where}) and no argument of the call names the key: change the module input by hand.`,
        );
        continue;
      }
      const spot = `${at.file}:${at.startLine}`;
      if (edited.has(spot)) {
        if (edited.get(spot) !== g.key.name) {
          manual(
            out,
            c.resource,
            `${label}: the key reference at ${spot} serves consumers of ${edited.get(spot)} and ${g.key.name}; split that reference by hand.`,
          );
        }
        continue;
      }
      edited.set(spot, g.key.name);
      const edit = referenceEdit(ctx, c.resource, c.attribute, at, g.key.name);
      if (edit && c.replacementOnKeyChange && edit.lines && !at.file.endsWith('.json'))
        edit.lines.after[0] += ' # kms-review: REPLACES the resource - migrate first (see the plan)';
      if (edit) out.edits.push(edit);
      else manual(out, c.resource, `Could not rewrite the key reference of ${c.resource} at ${spot}; point it at aws_kms_key.${g.key.name}.arn by hand.`);
      if (edit && /^var\.[\w-]+$/.test(edit.before)) {
        out.notes.push(`${label} no longer reads ${edit.before} (${spot}); remove the variable if nothing else uses it.`);
      }
      const bucketKey = at === c.location ? bucketKeyChange(ctx, c.resource, c.type, c.location) : undefined;
      if (bucketKey) {
        out.changes.push(bucketKey);
        out.notes.push(`Enables the S3 Bucket Key on ${label} (${c.location.file}): with its own key the bucket should not call KMS per object (KMS309).`);
      }
    }
  }
  return out;
}

/** One key resource to write: the group it is written from, and every group (one per environment instance) it serves. */
interface KeyBlock {
  group: GroupPlan;
  all: GroupPlan[];
  /** Per-environment roots: the key's tags and policy written once for every instance. */
  tags?: Record<string, string>;
  policy?: PolicyStatement[];
}

/**
 * The keys of a root deployed per environment, written once: the planned instance's group (else
 * the first instance that has it), tags that are the environment written as the expression, tags
 * that differ per environment written as the old key writes them, the policy as the source writes
 * it. Fails when an instance's policy would read differently.
 */
function rootBlocks(ctx: CodeContext, key: Key, root: RootPlan): { blocks: KeyBlock[] } | { conflict: string } {
  if (root.conflict) return { conflict: root.conflict };
  const lines = (loc: Key['location']) => (loc ? (ctx.sourceLines(loc.file) ?? []).slice(loc.startLine - 1, loc.endLine) : []);
  const templates = sourceTemplates([...lines(key.location), ...lines(key.policy?.location)]);
  const oldTags = tagExpressions(lines(key.location));
  const instance = new Map(root.instances.map((i) => [i.unit.id, i]));
  const blocks: KeyBlock[] = [];
  for (const rk of root.keys) {
    const main = rk.groups.find((x) => x.unit === key.unit) ?? rk.groups[0];
    const policies = rk.groups.map((x) =>
      unevaluatedPolicy(x.group.key.policy ?? [], templates, { expr: root.expr, value: instance.get(x.unit)?.unit.environment?.value ?? x.env }),
    );
    const differs = policies.findIndex((p) => JSON.stringify(p) !== JSON.stringify(policies[0]));
    if (differs >= 0) return { conflict: `the policy of ${rk.name} reads differently in ${rk.groups[differs].env} than in ${rk.groups[0].env}` };
    const tags: Record<string, string> = {};
    for (const name of new Set(rk.groups.flatMap((x) => Object.keys(x.group.key.tags)))) {
      const values = rk.groups.map((x) => ({ value: x.group.key.tags[name], x }));
      // The provider's default_tags of every instance already say it.
      if (values.every((v) => defaultTagsOf(ctx, v.x.unit)[name] === v.value)) continue;
      if (values.every((v) => v.value !== undefined && v.x.group.env !== undefined && slug(v.value) === v.x.group.env)) tags[name] = `\${${root.expr}}`;
      else if (values.every((v) => v.value === values[0].value)) tags[name] = values[0].value;
      else if (oldTags[name] && values.every((v) => instance.get(v.x.unit)?.key.tags[name] === v.value)) tags[name] = oldTags[name];
    }
    blocks.push({ group: main.group, all: rk.groups.map((x) => x.group), tags, policy: policies[0] });
  }
  return { blocks };
}

/** `Name = expr` lines of the `tags = { … }` block in `lines`, each as a string template (`"${local.env.data_class}"`'s inside). */
function tagExpressions(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const start = lines.findIndex((l) => /^\s*tags\s*=\s*\{\s*$/.test(l));
  if (start < 0) return out;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\}/.test(line)) break;
    const m = /^\s*"?([\w.:/-]+)"?\s*=\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const quoted = /^"(.*)"$/.exec(m[2]);
    out[m[1]] = quoted ? quoted[1] : `\${${m[2]}}`;
  }
  return out;
}

/** The alias of a per-environment key, with the environment part written as the expression. */
function aliasExpression(g: GroupPlan, alias: string, expr: string): string {
  if (!g.env) return alias;
  const env = g.env.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return alias.replace(new RegExp(`(^alias/|-)${env}(?=-|$)`), `$1\${${expr}}`);
}

/**
 * The line of a module call's argument that passes the key to the module's resources: an
 * argument of `module "<name>"` (in the consumer's root) whose value is the reference the
 * consumer's key came from.
 */
function moduleArgument(ctx: CodeContext, unit: string, label: string, via: string): ConsumerEdit['location'] | undefined {
  const name = label.split('.')[1];
  const expr = via.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const file of ctx.units.get(unit)?.files ?? []) {
    if (!file.endsWith('.tf')) continue;
    const lines = ctx.sourceLines(file) ?? [];
    const start = lines.findIndex((l) => new RegExp(`^module\\s+"${name}"\\s*\\{`).test(l));
    if (start < 0) continue;
    const end = lines.findIndex((l, i) => i > start && /^\}/.test(l));
    const hits = lines
      .slice(start + 1, end < 0 ? undefined : end)
      .map((l, i) => ({ l, line: start + 2 + i }))
      .filter(({ l }) => new RegExp(`^\\s+[\\w-]+\\s*=\\s*"?(\\$\\{)?${expr}\\}?"?\\s*(#.*)?$`).test(l));
    if (hits.length === 1) return { file, startLine: hits[0].line, endLine: hits[0].line };
  }
  return undefined;
}

/** What tells the keys of one file apart: `data class`, `service`, or both. */
function splitBy(groups: GroupPlan[]): string {
  const by = [groups.some((g) => g.withDataClass) ? 'data class' : '', groups.some((g) => g.service) ? 'service' : ''].filter(Boolean);
  return by.join(' and ') || 'group';
}

function describe(g: GroupPlan, root?: RootPlan): string {
  return [g.group.workload ?? g.workload, root ? 'in each environment' : g.env ? `in ${g.env}` : ''].filter(Boolean).join(' ');
}

function referenceEdit(ctx: CodeContext, resource: string, attribute: string, location: ConsumerEdit['location'], name: string): ConsumerEdit | undefined {
  if (location.endLine !== location.startLine) return undefined;
  const line = ctx.sourceLines(location.file)?.[location.startLine - 1];
  // HCL `name = expr`, or JSON syntax `"name": "${expr}",` (`.tf.json`).
  const m = line ? (/^(\s*"[\w-]+"\s*:\s*"\$\{)(.+?)(\}"\s*,?\s*)$/.exec(line) ?? /^(\s*[\w"-]+\s*=\s*)(.+?)(\s*(?:#.*|\/\/.*)?)$/.exec(line)) : null;
  if (!m) return undefined;
  const before = m[2];
  const after = /^aws_kms_alias\.[\w-]+\.name$/.test(before)
    ? `aws_kms_alias.${name}.name`
    : /\.key_id$/.test(before)
      ? `aws_kms_key.${name}.key_id`
      : /\.(target_key_arn|arn)$/.test(before) && before.startsWith('aws_kms_alias.')
        ? `aws_kms_alias.${name}.arn`
        : `aws_kms_key.${name}.arn`;
  return { resource, attribute, location, before, after, lines: { before: [line as string], after: [`${m[1]}${after}${m[3]}`] } };
}

/** `bucket_key_enabled = true` after the `apply_server_side_encryption_by_default` block of an S3 rule that lacks it. */
function bucketKeyChange(ctx: CodeContext, resource: string, type: string, location: ConsumerEdit['location']): LineChange | undefined {
  const spec = S3_BUCKET_KEY_PATHS.find((s) => s.source === 'terraform' && s.type === type && s.path.endsWith('rule.bucket_key_enabled'));
  const attrs = ctx.resources.find((r) => r.id === resource)?.attrs;
  if (!spec || !attrs || valuesAtPath(attrs, spec.path).some((v) => v.value === true)) return undefined;
  const lines = ctx.sourceLines(location.file) ?? [];
  const indentOf = (l: string) => /^(\s*)/.exec(l)?.[1].length ?? 0;
  const at = location.startLine - 1;
  const inner = indentOf(lines[at] ?? '');
  const close = lines.findIndex((l, i) => i > at && l.trim() !== '' && indentOf(l) < inner);
  if (close < 0 || lines[close].trim() !== '}') return undefined;
  const indent = lines[close].slice(0, indentOf(lines[close]));
  return { file: location.file, start: close + 2, deleteCount: 0, lines: [`${indent}bucket_key_enabled = true`] };
}

/** `variable "x" { default = "literal" }` of the unit's files: literal → `var.x`. */
function variablesOf(ctx: CodeContext, unit: string): [string, string][] {
  const found: [string, string][] = [];
  for (const file of ctx.units.get(unit)?.files ?? []) {
    if (!file.endsWith('.tf')) continue;
    const lines = ctx.sourceLines(file) ?? [];
    let current: string | undefined;
    for (const line of lines) {
      const start = /^variable\s+"([\w-]+)"\s*\{/.exec(line);
      if (start) current = start[1];
      else if (/^\}/.test(line)) current = undefined;
      const def = current ? /^\s+default\s*=\s*"([^"$]{4,})"\s*$/.exec(line) : null;
      if (current && def) found.push([def[1], `var.${current}`]);
    }
  }
  return found.sort((a, b) => b[0].length - a[0].length);
}

function defaultTagsOf(ctx: CodeContext, unit: string): Record<string, string> {
  return ctx.resources.find((r) => r.unit === unit && r.defaultTags)?.defaultTags ?? {};
}

function withVariables(s: string, vars: [string, string][]): string {
  let out = s;
  for (const [literal, ref] of vars) {
    const escaped = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(^|[^A-Za-z0-9$])${escaped}(?![A-Za-z0-9])`, 'g'), `$1\${${ref}}`);
  }
  return out.replaceAll('${AWS::AccountId}', '${data.aws_caller_identity.current.account_id}');
}

function keyBlock(b: KeyBlock, key: Key, vars: [string, string][], defaults: Record<string, string>, root?: RootPlan): string[] {
  const g = b.group;
  const name = g.key.name;
  const what = keyWords(g);
  const env = root ? `\${${root.expr}}` : g.env;
  const lines = [
    `resource "aws_kms_key" "${name}" {`,
    `  description = ${quote(`${capitalise(what)} data key${env ? ` (${env})` : ''}`)}`,
    '  deletion_window_in_days = 30',
    '  enable_key_rotation = true',
  ];
  if (g.key.multiRegion) lines.push('  multi_region = true');
  const policy = (b.policy ?? g.key.policy ?? []).map((st) => mapStrings(st, (s) => withVariables(s, vars)) as PolicyStatement);
  lines.push('', '  policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [');
  for (const st of policy) lines.push('      {', ...objectLines(st as unknown as Record<string, unknown>, '        '), '      },');
  lines.push('    ]', '  })');
  const tags = Object.entries(b.tags ?? g.key.tags).filter(([k, v]) => defaults[k] !== v);
  if (tags.length > 0) lines.push('', '  tags = {', ...tags.map(([k, v]) => `    ${hclKey(k)} = ${hclValue(v)}`), '  }');
  if (key.protectedFromDeletion) lines.push('', '  lifecycle {', '    prevent_destroy = true', '  }');
  lines.push('}');
  return lines;
}

function aliasBlock(g: GroupPlan, root?: RootPlan): string[] {
  const alias = root ? aliasExpression(g, g.key.alias, root.expr) : g.key.alias;
  return [`resource "aws_kms_alias" "${g.key.name}" {`, `  name = ${quote(alias)}`, `  target_key_id = aws_kms_key.${g.key.name}.key_id`, '}'];
}

function objectLines(obj: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      lines.push(`${indent}${hclKey(k)} = [`, ...v.map((item) => `${indent}  ${quote(String(item))},`), `${indent}]`);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      const inline = `${indent}${hclKey(k)} = { ${hclKey(entries[0]?.[0] ?? '')} = ${quote(String(entries[0]?.[1]))} }`;
      if (entries.length === 1 && typeof entries[0][1] === 'string' && inline.length <= 100) lines.push(inline);
      else lines.push(`${indent}${hclKey(k)} = {`, ...objectLines(v as Record<string, unknown>, `${indent}  `), `${indent}}`);
    } else {
      lines.push(`${indent}${hclKey(k)} = ${typeof v === 'string' ? quote(v) : String(v)}`);
    }
  }
  return lines;
}

function hclKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : quote(k);
}

/** A string, or the bare expression when the string is only `${expr}` (`terraform.workspace`, not `"${terraform.workspace}"`). */
function hclValue(s: string): string {
  const only = /^\$\{([^{}]+)\}$/.exec(s);
  return only ? only[1].trim() : quote(s);
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * `terraform fmt` alignment: consecutive lines that assign a complete value (no bracket left open)
 * form a chain whose `=` line up one space after the longest name; blank lines, comments, block
 * headers, closing brackets and multi-line openers (`policy = jsonencode({`) end the chain.
 */
export function formatHcl(lines: string[]): string[] {
  const out = [...lines];
  let chain: { i: number; lead: string; rest: string }[] = [];
  const close = () => {
    const width = Math.max(0, ...chain.map((c) => c.lead.length));
    for (const c of chain) out[c.i] = `${c.lead.padEnd(width)} = ${c.rest}`;
    chain = [];
  };
  lines.forEach((line, i) => {
    const m = /^(\s*(?:[\w-]+|"[^"]*"))\s*=\s*(.*)$/.exec(line);
    if (m && !/^\s*#/.test(line) && netBrackets(m[2]) === 0) chain.push({ i, lead: m[1], rest: m[2] });
    else close();
  });
  close();
  return out;
}

function netBrackets(s: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"' && s[i - 1] !== '\\') inString = !inString;
    else if (!inString && '{[('.includes(ch)) n++;
    else if (!inString && '}])'.includes(ch)) n--;
  }
  return n;
}
