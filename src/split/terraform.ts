/**
 * Terraform code for a split: one `kms-<workload>-<env>.tf` per workload and environment, next
 * to the old key (or in the root of the consumers when they live in another root), written the
 * way `terraform fmt` writes it (aligned `=`), with the literals the root already has variables
 * for written as those variables; and the edit of each consumer's key reference.
 */
import { dirname, posix } from 'node:path';
import { S3_BUCKET_KEY_PATHS, valuesAtPath } from '../catalog/consumers.js';
import type { Key } from '../inventory/types.js';
import type { CodeContext, Generated, LineChange } from './code.js';
import type { GroupPlan } from './plan.js';
import type { ConsumerEdit, PolicyStatement } from './types.js';

export function terraformCode(ctx: CodeContext, key: Key, groups: GroupPlan[]): Generated {
  const out: Generated = { files: new Map(), changes: [], edits: [], notes: [] };
  const address = key.id.slice((key.unit ?? '').length + 1);
  if (address.startsWith('module.') || key.multiplicity) {
    out.notes.push(
      `${key.id} is declared ${address.startsWith('module.') ? `by module ${address.split('.').slice(0, 2).join('.')}` : 'with count/for_each'}: add one module call (or instance) per new key by hand; no code is generated for it.`,
    );
    return out;
  }
  const perEnvironment = ctx.units.get(key.unit ?? '')?.environment;
  if (key.unit?.includes('#') && perEnvironment) {
    out.notes.push(
      `${key.unit} is one root deployed per environment (${perEnvironment.detail}): declare the new keys once in the root with the environment taken from a variable (alias "alias/<workload>-\${var.environment}"); no code is generated for it.`,
    );
    return out;
  }
  const byFile = new Map<string, GroupPlan[]>();
  for (const g of groups) {
    const dir = g.unit === key.unit && key.location ? dirname(key.location.file) : (ctx.units.get(g.unit)?.path ?? g.unit.split('#')[0]);
    const file = posix.join(dir === '.' ? '' : dir, `kms-${[g.workload, g.env].filter(Boolean).join('-')}.tf`);
    g.key.file = file;
    byFile.set(file, [...(byFile.get(file) ?? []), g]);
  }
  for (const [file, gs] of byFile) {
    const unit = gs[0].unit;
    const vars = variablesOf(ctx, unit);
    const defaults = defaultTagsOf(ctx, unit);
    const lines: string[] = [
      `# ${describe(gs[0])}: ${gs.length > 1 ? 'one key per data class' : 'its own key'}, split from ${address}${key.aliases[0] ? ` (${key.aliases[0]})` : ''}.`,
      '# Proposed by kms-review split. Read the migration plan before pointing consumers at these keys.',
    ];
    for (const g of gs) lines.push('', ...keyBlock(g, key, vars, defaults), '', ...aliasBlock(g));
    const callerIdentity = ctx.resources.some((r) => r.unit === unit && r.address === 'data.aws_caller_identity.current');
    if (!callerIdentity && lines.some((l) => l.includes('data.aws_caller_identity.current'))) lines.splice(2, 0, '', 'data "aws_caller_identity" "current" {}');
    out.files.set(file, `${formatHcl(lines).join('\n')}\n`);
  }
  for (const g of groups) {
    for (const c of g.consumers) {
      const consumerUnit = ctx.unitOf(c.resource);
      const label = c.resource.slice(consumerUnit.length + 1);
      if (consumerUnit !== g.unit) {
        out.notes.push(
          `${c.resource} (${c.location.file}:${c.location.startLine}) is in another root than ${g.key.alias}: pass the new key ARN to it (remote state, variable or SSM parameter) by hand.`,
        );
        continue;
      }
      if (label.startsWith('module.') && label.split('.').length > 2) {
        out.notes.push(
          `${c.resource} gets its key through module ${label.split('.').slice(0, 2).join('.')} (${c.location.file}:${c.location.startLine}): change the module input by hand.`,
        );
        continue;
      }
      const edit = referenceEdit(ctx, c.resource, c.attribute, c.location, g.key.name);
      if (edit && c.replacementOnKeyChange && edit.lines) edit.lines.after[0] += ' # kms-review: REPLACES the resource - migrate first (see the plan)';
      if (edit) out.edits.push(edit);
      else
        out.notes.push(
          `Could not rewrite the key reference of ${c.resource} at ${c.location.file}:${c.location.startLine}; point it at aws_kms_key.${g.key.name}.arn by hand.`,
        );
      if (edit && /^var\.[\w-]+$/.test(edit.before)) {
        out.notes.push(`${label} no longer reads ${edit.before} (${c.location.file}:${c.location.startLine}); remove the variable if nothing else uses it.`);
      }
      const bucketKey = bucketKeyChange(ctx, c.resource, c.type, c.location);
      if (bucketKey) {
        out.changes.push(bucketKey);
        out.notes.push(`Enables the S3 Bucket Key on ${label} (${c.location.file}): with its own key the bucket should not call KMS per object (KMS309).`);
      }
    }
  }
  return out;
}

function describe(g: GroupPlan): string {
  return [g.group.workload ?? g.workload, g.env ? `in ${g.env}` : ''].filter(Boolean).join(' ');
}

function referenceEdit(ctx: CodeContext, resource: string, attribute: string, location: ConsumerEdit['location'], name: string): ConsumerEdit | undefined {
  if (location.endLine !== location.startLine) return undefined;
  const line = ctx.sourceLines(location.file)?.[location.startLine - 1];
  const m = line ? /^(\s*[\w"-]+\s*=\s*)(.+?)(\s*(?:#.*|\/\/.*)?)$/.exec(line) : null;
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

function keyBlock(g: GroupPlan, key: Key, vars: [string, string][], defaults: Record<string, string>): string[] {
  const name = g.key.name;
  const what = [g.group.workload ?? g.workload, g.dataClass && g.withDataClass ? g.dataClass : ''].filter(Boolean).join(' ');
  const lines = [
    `resource "aws_kms_key" "${name}" {`,
    `  description = ${quote(`${capitalise(what)} data key${g.env ? ` (${g.env})` : ''}`)}`,
    '  deletion_window_in_days = 30',
    '  enable_key_rotation = true',
  ];
  if (g.key.multiRegion) lines.push('  multi_region = true');
  const policy = (g.key.policy ?? []).map((st) => mapStrings(st, (s) => withVariables(s, vars)));
  lines.push('', '  policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [');
  for (const st of policy) lines.push('      {', ...objectLines(st as unknown as Record<string, unknown>, '        '), '      },');
  lines.push('    ]', '  })');
  const tags = Object.entries(g.key.tags).filter(([k, v]) => defaults[k] !== v);
  if (tags.length > 0) lines.push('', '  tags = {', ...tags.map(([k, v]) => `    ${hclKey(k)} = ${quote(v)}`), '  }');
  if (key.protectedFromDeletion) lines.push('', '  lifecycle {', '    prevent_destroy = true', '  }');
  lines.push('}');
  return lines;
}

function aliasBlock(g: GroupPlan): string[] {
  return [`resource "aws_kms_alias" "${g.key.name}" {`, `  name = ${quote(g.key.alias)}`, `  target_key_id = aws_kms_key.${g.key.name}.key_id`, '}'];
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

function mapStrings(st: PolicyStatement, f: (s: string) => string): PolicyStatement {
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? f(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return walk(st) as PolicyStatement;
}

function hclKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : quote(k);
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
