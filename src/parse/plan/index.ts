/**
 * `terraform show -json <planfile>` output: the most exact before/after there is. The after side
 * is `planned_values` merged with `resource_changes[].change.after` (unknowns put back from
 * `after_unknown`); the before side is `prior_state` merged with `change.before`.
 */

import { DEFAULT_LIMITS, problem, type SourceFile } from '../../model/source.js';
import type { ParseOutput, Problem, Resource, Value } from '../../model/types.js';
import { isRecord } from '../../model/value.js';
import { type JsonPath, type LocatedDocument, parseLocatedDocument } from '../json-document.js';
import type { ParseContext, ParserPlugin } from '../plugin.js';
import { configAddress, configuredExpressions } from './configuration.js';
import { withUnknowns } from './unknowns.js';

type JsonObject = { [key: string]: Value };

/** `terraform show -json` output (plan or state): `format_version` and `terraform_version`. Linear regexes only. */
export function isTerraformShowOutput(text: string): boolean {
  return /"format_version"\s*:/.test(text) && /"terraform_version"\s*:/.test(text);
}

function claims(file: SourceFile): boolean {
  return file.path.endsWith('.json') && isTerraformShowOutput(file.text) && /"resource_changes"\s*:|"planned_values"\s*:/.test(file.text);
}

function parse(claimed: SourceFile[], ctx: ParseContext): ParseOutput {
  const output: ParseOutput = { resources: [], problems: [], units: [] };
  for (const file of claimed) {
    const { after, problems } = planSides(file, ctx);
    output.resources.push(...after);
    output.problems.push(...problems);
    output.units.push({ id: file.path, source: 'plan', path: file.path, files: [file.path] });
  }
  return output;
}

export const planParser: ParserPlugin = { name: 'plan', selfContained: true, claims, parse };

/** One resource instance as the plan shows it on one side. */
interface Entry {
  address: string;
  mode: string;
  type: string;
  name: string;
  moduleAddress: string | undefined;
  values: JsonObject;
  /** `after_unknown`, on the after side of a change. */
  unknownMask?: Value;
  /** Where the entry is (its `resource_changes` element, else its `planned_values`/`prior_state` element). */
  entryPath: JsonPath;
  /** Where its attribute values are. */
  valuesPath: JsonPath;
  /** Where `after_unknown` is: the only place an attribute known after apply appears in the file. */
  unknownMaskPath?: JsonPath;
}

export interface PlanSides {
  before: Resource[];
  after: Resource[];
  problems: Problem[];
}

export function planSides(file: SourceFile, ctx: ParseContext): PlanSides {
  const parsed = parseLocatedDocument(file, ctx.limits);
  if (!parsed.ok) return { before: [], after: [], problems: [parsed.problem] };
  const { doc } = parsed;
  const plan = doc.value;
  if (!isRecord(plan)) {
    return { before: [], after: [], problems: [problem('not a Terraform plan: the document is not an object', doc.whole)] };
  }
  const problems: Problem[] = [];
  const changes = changeEntries(plan, doc, problems);
  const prior = moduleEntries(isRecord(plan.prior_state) ? plan.prior_state.values : undefined, ['prior_state', 'values']);
  const planned = moduleEntries(plan.planned_values, ['planned_values']);
  // Data sources read while planning live only in prior_state; applying does not change them.
  const priorData = prior.filter((entry) => entry.mode === 'data');

  const expressions = configuredExpressions(plan.configuration);
  const toResources = (entries: Entry[], gone: Set<string>): Resource[] => {
    const merged = mergeByAddress(entries, gone);
    return merged.map((entry) => resourceOf(entry, file.path, doc, expressions.get(configKey(entry))));
  };
  return {
    before: toResources([...changes.before, ...prior], changes.absentBefore),
    after: toResources([...changes.after, ...planned, ...priorData], changes.absentAfter),
    problems,
  };
}

/** `resource_changes` → entries for each side, and the addresses that do not exist on a side. */
function changeEntries(plan: JsonObject, doc: LocatedDocument, problems: Problem[]) {
  const sides = { before: [] as Entry[], after: [] as Entry[], absentBefore: new Set<string>(), absentAfter: new Set<string>() };
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  changes.forEach((change, index) => {
    const entryPath = ['resource_changes', index];
    const head = entryHead(change);
    if (!head || !isRecord(change) || !isRecord(change.change)) {
      problems.push(problem('resource_changes entry without an address or change; skipped', doc.locate(entryPath) ?? doc.whole));
      return;
    }
    const { before, after, after_unknown: unknownMask } = change.change;
    const side = (values: Value | undefined, name: 'before' | 'after'): Entry | undefined =>
      isRecord(values) ? { ...head, values, entryPath, valuesPath: [...entryPath, 'change', name] } : undefined;
    const beforeEntry = side(before, 'before');
    const afterEntry = side(after, 'after');
    if (beforeEntry) sides.before.push(beforeEntry);
    else sides.absentBefore.add(head.address);
    if (afterEntry) sides.after.push({ ...afterEntry, unknownMask, unknownMaskPath: [...entryPath, 'change', 'after_unknown'] });
    else sides.absentAfter.add(head.address);
  });
  return sides;
}

/** Address, mode, type, name and module of a `resource_changes` or module `resources` element. */
function entryHead(raw: Value): Pick<Entry, 'address' | 'mode' | 'type' | 'name' | 'moduleAddress'> | undefined {
  if (!isRecord(raw) || typeof raw.address !== 'string') return undefined;
  const text = (value: Value | undefined) => (typeof value === 'string' ? value : '');
  return {
    address: raw.address,
    mode: text(raw.mode),
    type: text(raw.type),
    name: text(raw.name),
    moduleAddress: typeof raw.module_address === 'string' ? raw.module_address : undefined,
  };
}

/** `planned_values` / `prior_state.values`: `root_module` and, recursively, `child_modules`. */
function moduleEntries(values: Value | undefined, path: JsonPath): Entry[] {
  const entries: Entry[] = [];
  if (!isRecord(values)) return entries;
  const queue: { module: Value; path: JsonPath }[] = [{ module: values.root_module, path: [...path, 'root_module'] }];
  for (let i = 0; i < queue.length; i++) {
    const { module, path: modulePath } = queue[i];
    if (!isRecord(module)) continue;
    const moduleAddress = typeof module.address === 'string' ? module.address : undefined;
    (Array.isArray(module.resources) ? module.resources : []).forEach((resource, index) => {
      const head = entryHead(resource);
      if (!head || !isRecord(resource) || !isRecord(resource.values)) return;
      const entryPath = [...modulePath, 'resources', index];
      entries.push({ ...head, moduleAddress, values: resource.values, entryPath, valuesPath: [...entryPath, 'values'] });
    });
    (Array.isArray(module.child_modules) ? module.child_modules : []).forEach((child, index) => {
      queue.push({ module: child, path: [...modulePath, 'child_modules', index] });
    });
  }
  return entries;
}

/**
 * One entry per address: the first (a `resource_changes` side) keeps its location and wins on
 * attributes, later ones (`planned_values`, `prior_state`) only fill attributes it lacks.
 */
function mergeByAddress(entries: Entry[], gone: Set<string>): Entry[] {
  const byAddress = new Map<string, Entry>();
  for (const entry of entries) {
    if (gone.has(entry.address)) continue;
    const first = byAddress.get(entry.address);
    if (first) first.values = { ...entry.values, ...first.values };
    else byAddress.set(entry.address, { ...entry });
  }
  return [...byAddress.values()];
}

function configKey(entry: Entry): string {
  return configAddress(entry.moduleAddress, entry.mode, entry.type, entry.name);
}

/**
 * Each instance is its own resource with its instance address (`aws_kms_key.k["a"]`): a plan
 * knows every instance exactly, so nothing is "one resource marked as many" here.
 */
function resourceOf(entry: Entry, unit: string, doc: LocatedDocument, expressions: Value | undefined): Resource {
  const context = { unit, address: entry.address, moduleAddress: entry.moduleAddress };
  const attrs = withUnknowns(entry.values, entry.unknownMask, expressions, [], context) as JsonObject;
  const tags = stringEntries(attrs.tags);
  const defaultTags = Object.fromEntries(Object.entries(stringEntries(attrs.tags_all)).filter(([key]) => !(key in tags)));
  const resource: Resource = {
    id: `${unit}:${entry.address}`,
    source: 'plan',
    type: entry.type,
    mode: entry.mode === 'data' ? 'data' : 'managed',
    address: entry.address,
    unit,
    attrs,
    tags,
    location: doc.locate(entry.entryPath) ?? doc.whole,
    attrLocations: {
      ...(entry.unknownMaskPath ? doc.entryLocations(entry.unknownMaskPath) : {}),
      ...doc.entryLocations(entry.valuesPath),
    },
  };
  if (Object.keys(defaultTags).length > 0) resource.defaultTags = defaultTags;
  return resource;
}

/** The string-valued entries of a map (unknown and non-string values dropped). */
function stringEntries(value: Value | undefined): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
}

/** Planned actions by instance address: `create`, `update`, `delete`, `["delete","create"]` (replace), `no-op`, `read`. */
export function planActions(file: SourceFile): Map<string, string[]> {
  const actions = new Map<string, string[]>();
  const parsed = parseLocatedDocument(file, DEFAULT_LIMITS);
  const plan = parsed.ok ? parsed.doc.value : undefined;
  const changes = isRecord(plan) && Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  for (const change of changes) {
    if (!isRecord(change) || typeof change.address !== 'string' || !isRecord(change.change)) continue;
    const list = change.change.actions;
    if (Array.isArray(list))
      actions.set(
        change.address,
        list.filter((a): a is string => typeof a === 'string'),
      );
  }
  return actions;
}
