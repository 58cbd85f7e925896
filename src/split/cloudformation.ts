/**
 * CloudFormation code for a split, in the template's own format: YAML (short tags `!Ref`,
 * `!GetAtt`, `!Sub` when the template uses them, long form otherwise) or JSON (with the template's
 * indentation). New keys and aliases go at the end of `Resources`, exports at the end of
 * `Outputs` when consumers in other templates need them; literals that equal a parameter's
 * default are written as that parameter, so a template deployed once per environment stays so.
 */
import { parse as parseYaml } from 'yaml';
import type { Key } from '../inventory/types.js';
import { type CodeContext, type Generated, type LineChange, manual, mapStrings, nothingGenerated } from './code.js';
import { type GroupPlan, keyWords } from './plan.js';
import type { ConsumerEdit } from './types.js';

type Cfn = string | number | boolean | Cfn[] | { [k: string]: Cfn } | Intrinsic;
type Intrinsic = { $ref: string } | { $getAtt: [string, string] } | { $sub: string };

interface Template {
  file: string;
  lines: readonly string[];
  json: boolean;
  short: boolean;
  /** Indentation unit. */
  unit: string;
  params: [string, string][];
  resources: Set<string>;
  outputs: Record<string, { Value?: unknown; Export?: { Name?: unknown } }>;
  partition: boolean;
}

function readTemplate(ctx: CodeContext, file: string): Template | undefined {
  const lines = ctx.sourceLines(file);
  if (!lines) return undefined;
  const text = lines.join('\n');
  const json = /^\s*\{/.test(text);
  let doc: Record<string, unknown>;
  try {
    doc = (json ? JSON.parse(text) : parseYaml(text, { logLevel: 'silent', maxAliasCount: 0 })) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const params = Object.entries((doc.Parameters ?? {}) as Record<string, { Default?: unknown }>)
    .filter(([, p]) => typeof p?.Default === 'string' && (p.Default as string).length >= 3)
    .map(([name, p]) => [p.Default as string, name] as [string, string])
    .sort((a, b) => b[0].length - a[0].length);
  const indented = lines.find((l) => /^\s+\S/.test(l));
  return {
    file,
    lines,
    json,
    short: /!(Ref|GetAtt|Sub|ImportValue|If|Equals|Join)\b/.test(text),
    unit: indented ? (/^(\s+)/.exec(indented)?.[1] ?? '  ') : '  ',
    params,
    resources: new Set(Object.keys((doc.Resources ?? {}) as object)),
    outputs: (doc.Outputs ?? {}) as Template['outputs'],
    partition: text.includes('AWS::Partition'),
  };
}

export function cloudFormationCode(ctx: CodeContext, key: Key, groups: GroupPlan[]): Generated {
  const out = nothingGenerated();
  const oldId = key.id.slice((key.unit ?? '').length + 1);
  const byUnit = new Map<string, GroupPlan[]>();
  for (const g of groups) byUnit.set(g.unit, [...(byUnit.get(g.unit) ?? []), g]);
  const homeTemplate = key.unit ? readTemplate(ctx, key.unit) : undefined;
  const oldOutput = homeTemplate ? Object.entries(homeTemplate.outputs).find(([, o]) => refersTo(o.Value, oldId)) : undefined;

  for (const [unit, gs] of byUnit) {
    const t = readTemplate(ctx, unit);
    if (!t) {
      const why = `Could not read template ${unit}; declare ${gs.map((g) => g.key.alias).join(', ')} by hand.`;
      for (const resource of gs.flatMap((g) => g.group.consumers)) manual(out, resource, why);
      continue;
    }
    const resources: [string, Cfn][] = [];
    const outputs: [string, Cfn][] = [];
    for (const g of gs) {
      const id = logicalId(g, t);
      g.key.name = id;
      g.key.file = t.file;
      t.resources.add(id);
      resources.push([id, keyResource(g, key, t)], [`${id}Alias`, aliasResource(g, id, t)]);
      if (g.consumers.some((c) => ctx.unitOf(c.resource) !== unit)) {
        const name = `${id}Arn`;
        const oldName = oldOutput ? exportName(oldOutput[1]) : undefined;
        const exported = oldName && oldOutput ? oldName.replace(oldOutput[0], name) : `\${AWS::StackName}-${name}`;
        outputs.push([
          name,
          {
            Description: text(t, `ARN of ${g.key.alias}`, false),
            Value: { $getAtt: [id, 'Arn'] },
            Export: { Name: exported.includes('${') ? { $sub: exported } : exported },
          },
        ]);
        (g as GroupPlan & { exportAs?: { output: string; name: string } }).exportAs = { output: name, name: exported };
      }
    }
    out.changes.push(...insertInto(t, 'Resources', resources));
    if (outputs.length > 0) out.changes.push(...insertInto(t, 'Outputs', outputs));
  }

  for (const g of groups) {
    const seen = new Set<string>();
    for (const c of g.consumers) {
      const where = `${c.location.file}:${c.location.startLine}`;
      if (seen.has(where)) continue;
      seen.add(where);
      const t = readTemplate(ctx, c.location.file);
      const lines = ctx.sourceLines(c.location.file);
      if (!t || !lines) {
        manual(out, c.resource, `Could not read ${c.location.file}; point ${c.resource} at ${g.key.alias} by hand.`);
        continue;
      }
      const before = lines.slice(c.location.startLine - 1, c.location.endLine);
      let after: string[] | undefined;
      if (ctx.unitOf(c.resource) === g.unit) {
        after = replaceValue(before, { $getAtt: [g.key.name, 'Arn'] }, t);
      } else {
        const exportAs = (g as GroupPlan & { exportAs?: { output: string; name: string } }).exportAs;
        after = rewriteImport(before, oldOutput, exportAs, key, g);
      }
      if (
        after &&
        !t.json &&
        g.consumers.some((x) => x.location.file === c.location.file && x.location.startLine === c.location.startLine && x.replacementOnKeyChange)
      ) {
        after[after.length - 1] += ' # kms-review: REPLACES the resource - migrate first (see the plan)';
      }
      if (!after) {
        manual(out, c.resource, `Could not rewrite the key reference of ${c.resource} at ${where}; point it at ${g.key.alias} by hand.`);
        continue;
      }
      const edit: ConsumerEdit = {
        resource: c.resource,
        attribute: c.attribute,
        location: c.location,
        before: before.map((l) => l.trim()).join(' '),
        after: after.map((l) => l.trim()).join(' '),
        lines: { before, after },
      };
      out.edits.push(edit);
    }
  }
  if (out.edits.some((e) => e.lines?.before.some((l) => l.includes('ImportValue')) && !e.lines.after.some((l) => l.includes('ImportValue')))) {
    out.notes.push(
      `Some consumers stop importing the old key's export: deploy their stacks first; the export of ${oldId} stays until the old key is retired (CloudFormation refuses to delete an export that is still imported).`,
    );
  }
  if (ctx.units.get(key.unit ?? '')?.path.includes('cdk.out') || key.unit?.includes('cdk.out')) {
    out.notes.push(
      'These templates are CDK output: make the same change in the CDK app (one kms.Key per group, passed to each construct) and re-synthesise; the patch shows the intended template.',
    );
  }
  return out;
}

function refersTo(v: unknown, id: string): boolean {
  if (!v || typeof v !== 'object') return typeof v === 'string' && (v === id || v.startsWith(`${id}.`));
  const o = v as Record<string, unknown>;
  if (o.Ref === id) return true;
  const g = o['Fn::GetAtt'];
  if (Array.isArray(g) && g[0] === id) return true;
  if (typeof g === 'string' && g.startsWith(`${id}.`)) return true;
  return false;
}

function exportName(o: { Export?: { Name?: unknown } }): string | undefined {
  const n = o.Export?.Name;
  if (typeof n === 'string') return n;
  const sub = n && typeof n === 'object' ? (n as Record<string, unknown>)['Fn::Sub'] : undefined;
  return typeof sub === 'string' ? sub : undefined;
}

function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function envIsParameter(g: GroupPlan, t: Template): boolean {
  return !!g.env && t.params.some(([v]) => v.toLowerCase() === g.env);
}

function logicalId(g: GroupPlan, t: Template): string {
  const env = g.env && !envIsParameter(g, t) ? pascal(g.env) : '';
  const base = `${pascal(g.workload)}${g.withDataClass && g.dataClass ? pascal(g.dataClass) : ''}${g.service ? pascal(g.service) : ''}${env}Key`;
  let id = base;
  for (let n = 2; t.resources.has(id) || t.resources.has(`${id}Alias`); n++) id = `${base}${n}`;
  return id;
}

/** A string as the template would write it: a parameter reference, a `Sub` with `${Param}`, or a literal. */
function text(t: Template, s: string, whole = true): Cfn {
  if (whole) {
    const param = t.params.find(([v]) => v === s);
    if (param) return { $ref: param[1] };
  }
  let out = s;
  for (const [value, name] of t.params) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(^|[^A-Za-z0-9{])${escaped}(?![A-Za-z0-9}])`, 'g'), `$1\${${name}}`);
  }
  if (t.partition) out = out.replace(/^arn:aws:/, 'arn:${AWS::Partition}:');
  const only = /^\$\{([\w:]+)\}$/.exec(out);
  if (only) return { $ref: only[1] };
  return out.includes('${') ? { $sub: out } : out;
}

function keyResource(g: GroupPlan, key: Key, t: Template): Cfn {
  const what = keyWords(g);
  const written = (v: unknown): Cfn => mapStrings(v, (s) => text(t, s, false)) as Cfn;
  const statements = (g.key.policy ?? []).map((st) => {
    const { Sid, Effect, Principal, Action, Resource, Condition } = st;
    return {
      ...(Sid ? { Sid } : {}),
      Effect,
      Principal: written(Principal),
      Action,
      Resource,
      ...(Condition ? { Condition: written(Condition) } : {}),
    } as Cfn;
  });
  const properties: Record<string, Cfn> = {
    Description: text(t, `${what.charAt(0).toUpperCase()}${what.slice(1)} data key${g.env ? ` (${g.env})` : ''}`, false),
    EnableKeyRotation: true,
    PendingWindowInDays: 30,
    ...(g.key.multiRegion ? { MultiRegion: true } : {}),
    KeyPolicy: { Version: '2012-10-17', Statement: statements },
    Tags: Object.entries(g.key.tags).map(([Key, Value]) => ({ Key, Value: text(t, Value) })),
  };
  return {
    Type: 'AWS::KMS::Key',
    ...(key.protectedFromDeletion ? { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } : {}),
    Properties: properties,
  };
}

function aliasResource(g: GroupPlan, id: string, t: Template): Cfn {
  return { Type: 'AWS::KMS::Alias', Properties: { AliasName: text(t, g.key.alias, false), TargetKeyId: { $ref: id } } };
}

// --- rendering -------------------------------------------------------------------------------

function isIntrinsic(v: Cfn): v is Intrinsic {
  return !!v && typeof v === 'object' && !Array.isArray(v) && ('$ref' in v || '$getAtt' in v || '$sub' in v);
}

/** Intrinsics in long form (JSON, and YAML templates that do not use short tags). */
function longForm(v: Cfn): unknown {
  if (isIntrinsic(v)) {
    if ('$ref' in v) return { Ref: v.$ref };
    if ('$getAtt' in v) return { 'Fn::GetAtt': v.$getAtt };
    return { 'Fn::Sub': v.$sub };
  }
  if (Array.isArray(v)) return v.map(longForm);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, longForm(x)]));
  return v;
}

function yamlScalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  const plain = /^[A-Za-z_/][A-Za-z0-9_./:*@()-]*( [A-Za-z0-9_./:*@()-]+)*$/.test(v) && !/: |:$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v);
  return plain ? v : JSON.stringify(v);
}

function yamlShort(v: Intrinsic): string {
  if ('$ref' in v) return `!Ref ${v.$ref}`;
  if ('$getAtt' in v) return `!GetAtt ${v.$getAtt.join('.')}`;
  return `!Sub ${JSON.stringify(v.$sub)}`;
}

/** `key: value` lines at `indent`. */
function yamlEntry(t: Template, key: string, v: Cfn, indent: string): string[] {
  if (isIntrinsic(v) && t.short) return [`${indent}${key}: ${yamlShort(v)}`];
  if (isIntrinsic(v)) return yamlEntry(t, key, longForm(v) as Cfn, indent);
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${indent}${key}: []`];
    return [`${indent}${key}:`, ...v.flatMap((item) => yamlItem(t, item, `${indent}${t.unit}`))];
  }
  if (v !== null && typeof v === 'object') {
    return [`${indent}${key}:`, ...Object.entries(v).flatMap(([k, x]) => yamlEntry(t, yamlScalar(k), x as Cfn, `${indent}${t.unit}`))];
  }
  return [`${indent}${key}: ${yamlScalar(v)}`];
}

function yamlItem(t: Template, v: Cfn, indent: string): string[] {
  if (isIntrinsic(v) && t.short) return [`${indent}- ${yamlShort(v)}`];
  const value = isIntrinsic(v) ? (longForm(v) as Cfn) : v;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const lines = Object.entries(value).flatMap(([k, x]) => yamlEntry(t, yamlScalar(k), x as Cfn, `${indent}  `));
    return [`${indent}- ${lines[0].trimStart()}`, ...lines.slice(1)];
  }
  if (Array.isArray(value)) return [`${indent}-`, ...value.flatMap((x) => yamlItem(t, x, `${indent}  `))];
  return [`${indent}- ${yamlScalar(value)}`];
}

/** `"key": value` lines at `indent`, JSON.stringify with the template's indentation. */
function jsonEntry(t: Template, key: string, v: Cfn, indent: string): string[] {
  const [first, ...rest] = JSON.stringify(longForm(v), null, t.unit).split('\n');
  return [`${indent}${JSON.stringify(key)}: ${first}`, ...rest.map((l) => `${indent}${l}`)];
}

/** Lines that add entries at the end of a top-level section (created after `Resources` when missing). */
function insertInto(t: Template, section: string, entries: [string, Cfn][]): LineChange[] {
  const lines = t.lines;
  if (t.json) {
    const render = (indent: string) => {
      const body = entries.map(([k, v]) => jsonEntry(t, k, v, `${indent}${t.unit}`));
      return body.flatMap((b, i) => (i < body.length - 1 ? [...b.slice(0, -1), `${b[b.length - 1]},`] : b));
    };
    const sectionAt = (name: string) => lines.findIndex((l) => new RegExp(`^${t.unit}"${name}"\\s*:\\s*\\{\\s*$`).test(l));
    const closing = (start: number) => lines.findIndex((l, i) => i > start && new RegExp(`^${t.unit}\\},?\\s*$`).test(l));
    const start = sectionAt(section);
    if (start >= 0) {
      const end = closing(start);
      const last = end - 1;
      return [
        ...(last === start ? [] : [{ file: t.file, start: last + 1, deleteCount: 1, lines: [`${lines[last]},`] }]),
        { file: t.file, start: end + 1, deleteCount: 0, lines: render(t.unit) },
      ];
    }
    const end = closing(sectionAt('Resources'));
    const comma = lines[end].trimEnd().endsWith(',');
    return [
      { file: t.file, start: end + 1, deleteCount: 1, lines: [`${t.unit}},`, `${t.unit}"${section}": {`, ...render(t.unit), `${t.unit}}${comma ? ',' : ''}`] },
    ];
  }
  const body = entries.flatMap(([k, v]) => ['', ...yamlEntry(t, k, v, t.unit)]);
  const start = lines.findIndex((l) => new RegExp(`^${section}:\\s*$`).test(l));
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && /^[^\s#]/.test(l));
    if (end < 0) end = lines.length;
    let last = end - 1;
    while (last > start && lines[last].trim() === '') last--;
    return [{ file: t.file, start: last + 2, deleteCount: 0, lines: body }];
  }
  let last = lines.length - 1;
  while (last > 0 && lines[last].trim() === '') last--;
  return [{ file: t.file, start: last + 2, deleteCount: 0, lines: ['', `${section}:`, ...body.slice(1)] }];
}

/** The property on the first line keeps its name; its value becomes `value`, in the style of the original. */
function replaceValue(before: string[], value: Intrinsic, t: Template): string[] | undefined {
  const first = before[0];
  const last = before[before.length - 1];
  if (t.json) {
    const m = /^(\s*"[^"]+"\s*:\s*)/.exec(first);
    if (!m) return undefined;
    const comma = /,\s*$/.test(last) ? ',' : '';
    const indent = /^(\s*)/.exec(first)?.[1] ?? '';
    const long = longForm(value);
    if (before.length === 1) {
      const compact = JSON.stringify(long).replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/":/g, '": ').replace(/,"/g, ', "');
      return [`${m[1]}${compact}${comma}`];
    }
    const [head, ...rest] = JSON.stringify(long, null, t.unit).split('\n');
    return [`${m[1]}${head}`, ...rest.slice(0, -1).map((l) => `${indent}${l}`), `${indent}${rest[rest.length - 1]}${comma}`];
  }
  const m = /^(\s*(?:- )?[\w:.-]+:)(\s*)/.exec(first);
  if (!m) return undefined;
  if (t.short) return [`${m[1]} ${yamlShort(value)}`];
  const indent = /^(\s*)/.exec(first)?.[1] ?? '';
  return [m[1], ...yamlEntry(t, Object.keys(longForm(value) as object)[0], Object.values(longForm(value) as object)[0] as Cfn, `${indent}${t.unit}`)];
}

/** A consumer in another template: the import of the old export becomes the import of the new one; an alias ARN names the new alias. */
function rewriteImport(
  before: string[],
  oldOutput: [string, { Export?: { Name?: unknown } }] | undefined,
  exportAs: { output: string; name: string } | undefined,
  key: Key,
  g: GroupPlan,
): string[] | undefined {
  const pairs: [string, string][] = [];
  const oldName = oldOutput ? exportName(oldOutput[1]) : undefined;
  if (oldName && exportAs) pairs.push([oldName, exportAs.name]);
  if (oldOutput && exportAs) pairs.push([oldOutput[0], exportAs.output]);
  for (const alias of key.aliases) {
    pairs.push([alias, g.key.alias]);
    if (g.env && alias.endsWith(`-${g.env}`) && g.key.alias.endsWith(`-${g.env}`))
      pairs.push([alias.slice(0, -g.env.length), g.key.alias.slice(0, -g.env.length)]);
  }
  for (const [from, to] of pairs) {
    if (before.some((l) => l.includes(from))) return before.map((l) => l.split(from).join(to));
  }
  return undefined;
}
