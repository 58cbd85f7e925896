/**
 * split/: a concrete proposal for an over-shared key — one key per environment × workload × data
 * class of its consumers, as code in the language of the source, the edits of every consumer's key
 * reference, a unified patch, and a migration plan per consumer. Pure: everything comes from the
 * Analysis (inventory, access, the scanned files' lines).
 */
import type { Config } from '../config/schema.js';
import type { Key } from '../inventory/types.js';
import type { UnitInfo } from '../model/types.js';
import type { Analysis } from '../pipeline.js';
import type { RuleContext } from '../rules/types.js';
import { cloudFormationCode } from './cloudformation.js';
import { type CodeContext, type Generated, type LineChange, nothingGenerated } from './code.js';
import { environmentExpression, joinInstances, siblingUnits } from './environments.js';
import { migrationFor } from './migration.js';
import { unifiedPatch } from './patch.js';
import { type GroupPlan, groupConsumers, unitOf } from './plan.js';
import { SPLIT_RULES } from './predict.js';
import { type RootPlan, terraformCode } from './terraform.js';
import type { ConsumerEdit, MigrationStep, SplitPlan } from './types.js';

export { SPLIT_RULES } from './predict.js';
export type { ConsumerEdit, MigrationStep, NewKey, SplitGroup, SplitPlan } from './types.js';

/** A plan for every key with an unsuppressed principle finding (KMS101–104, KMS107), in inventory order. */
export function planSplits(analysis: Analysis, config: Config): SplitPlan[] {
  const keys = new Set(
    analysis.findings.filter((f) => f.key && !f.suppressed && (SPLIT_RULES as readonly string[]).includes(f.rule)).map((f) => f.key as string),
  );
  return analysis.inventory.keys.filter((k) => keys.has(k.id)).map((k) => planSplit(k.id, analysis, config));
}

/** Finds a key by id, alias (`alias/x` or `x`), ARN, or a unique address suffix (`aws_kms_key.platform`, `DataKey`). */
export function findKey(analysis: Analysis, ref: string): { key?: Key; candidates: Key[] } {
  const keys = analysis.inventory.keys;
  const exact = keys.find((k) => k.id === ref || k.aliases.includes(ref) || k.aliases.includes(`alias/${ref}`));
  if (exact) return { key: exact, candidates: [exact] };
  const alias = analysis.inventory.aliases.find((a) => a.name === ref || a.name === `alias/${ref}`);
  const byAlias = alias?.key ? keys.find((k) => k.id === alias.key) : undefined;
  if (byAlias) return { key: byAlias, candidates: [byAlias] };
  const suffix = keys.filter((k) => k.id.endsWith(`:${ref}`) || k.id.endsWith(`.${ref}`) || k.id.endsWith(`/${ref}`));
  return suffix.length === 1 ? { key: suffix[0], candidates: suffix } : { candidates: suffix };
}

export function planSplit(keyRef: string, analysis: Analysis, config: Config): SplitPlan {
  const { key, candidates } = findKey(analysis, keyRef);
  if (!key) {
    const why =
      candidates.length > 1
        ? `"${keyRef}" matches ${candidates.length} keys: ${candidates.map((k) => k.id).join(', ')}`
        : `no key "${keyRef}" in the inventory`;
    return empty(keyRef, why);
  }
  const rules = ruleContext(analysis, config);
  const units = new Map(analysis.inventory.units.map((u) => [u.id, u]));
  const address = key.id.slice((key.unit ?? '').length + 1);
  const unit = units.get(key.unit ?? '');
  // A root deployed per environment: names leave the environment out, the deployment says it.
  const perEnvironment = key.source === 'terraform' && !!unit?.environment && !!key.unit?.includes('#') && !address.startsWith('module.') && !key.multiplicity;
  const grouping = groupConsumers(key, rules, { perEnvironment });
  const base: SplitPlan = {
    ...empty(key.id),
    dimensions: grouping.dimensions,
    unknown: grouping.unknown,
    groups: grouping.groups.map((g) => g.group),
  };
  if (key.manager !== 'customer') return { ...base, reason: `${key.id} is an AWS managed key: it cannot be split, only replaced by customer managed keys.` };
  if (key.consumers.length === 0) return { ...base, reason: `${key.id} has no consumers in this tree.` };
  if (grouping.dimensions.length === 0) {
    return {
      ...base,
      reason: `No consumer of ${key.aliases[0] ?? key.id} has a known environment, workload or data class; tell the tool (see unknown) and run again.`,
    };
  }
  if (grouping.groups.length < 2) {
    const g = grouping.groups[0]?.group;
    const what = [g?.workload, g?.environment, g?.dataClass].filter(Boolean).join(' / ');
    const coupling = analysis.findings.some((f) => f.key === key.id && !f.suppressed && (f.rule === 'KMS104' || f.rule === 'KMS107'))
      ? ' What remains is service coupling or size (KMS104/KMS107): give a high-volume service its own key if its throughput, quota or lifecycle differs.'
      : '';
    return { ...base, reason: `All consumers of ${key.aliases[0] ?? key.id} belong to one group (${what}): a split would not separate anything.${coupling}` };
  }

  const unitIds = [...units.keys()];
  const ctx: CodeContext = {
    sourceLines: (file) => analysis.sourceLines(file),
    units,
    resources: analysis.resources,
    unitOf: (resource) => unitOf(resource, unitIds),
  };
  const generated: Generated =
    key.source === 'terraform'
      ? terraformCode(ctx, key, grouping.groups, perEnvironment && unit ? rootPlan(ctx, key, address, unit, grouping.groups, analysis, rules) : undefined)
      : key.source === 'cloudformation'
        ? cloudFormationCode(ctx, key, grouping.groups)
        : nothingGenerated(
            `Keys from ${key.source ?? 'unknown'} sources get no generated code: make the change in the code they come from.`,
            grouping.groups.flatMap((g) => g.group.consumers),
          );

  const files: Record<string, string> = Object.fromEntries(generated.files);
  const changes = [...generated.changes, ...generated.edits.flatMap(editChange)];
  const changed = applyChanges(ctx, changes);
  for (const [file, text] of changed) files[file] = text;
  const patch = unifiedPatch([
    ...[...generated.files].map(([path, after]) => ({ path, before: undefined, after })),
    ...[...changed].map(([path, after]) => ({ path, before: ctx.sourceLines(path)?.join('\n'), after })),
  ]);
  const oldLabel = key.aliases[0] ?? key.id;
  return {
    ...base,
    newKeys: grouping.groups.map((g) => g.key),
    edits: generated.edits,
    files,
    patch,
    migration: migrationOf(grouping.groups, oldLabel, generated.manual),
    notes: [...grouping.notes, ...generated.notes],
  };
}

/** The key's instances in every environment the root is deployed to, grouped alike and joined by new key. */
function rootPlan(
  ctx: CodeContext,
  key: Key,
  address: string,
  unit: UnitInfo,
  groups: GroupPlan[],
  analysis: Analysis,
  rules: RuleContext,
): RootPlan | undefined {
  const instances = siblingUnits(ctx.units, unit).flatMap((u) => {
    const k = u.id === key.unit ? key : analysis.inventory.keys.find((x) => x.id === `${u.id}:${address}`);
    return k && u.environment ? [{ unit: u, key: k, env: u.environment.value }] : [];
  });
  const expr = environmentExpression(ctx, instances);
  if (!expr) return undefined;
  const plans = instances.map((i) => ({
    env: i.env,
    unit: i.unit.id,
    groups: i.key === key ? groups : groupConsumers(i.key, rules, { perEnvironment: true }).groups,
  }));
  const joined = joinInstances(plans);
  return { expr, instances, keys: 'keys' in joined ? joined.keys : [], ...('conflict' in joined ? { conflict: joined.conflict } : {}) };
}

function ruleContext(analysis: Analysis, config: Config): RuleContext {
  return { inventory: analysis.inventory, resources: analysis.resources, access: analysis.access, config, sourceLines: (file) => analysis.sourceLines(file) };
}

function empty(key: string, reason?: string): SplitPlan {
  return { key, dimensions: [], unknown: [], groups: [], newKeys: [], edits: [], files: {}, patch: '', migration: [], ...(reason ? { reason } : {}) };
}

function editChange(edit: ConsumerEdit): LineChange[] {
  if (!edit.lines) return [];
  return [
    { file: edit.location.file, start: edit.location.startLine, deleteCount: edit.location.endLine - edit.location.startLine + 1, lines: edit.lines.after },
  ];
}

/** Applies line changes to the original files, bottom-up so line numbers stay valid. */
function applyChanges(ctx: CodeContext, changes: LineChange[]): Map<string, string> {
  const byFile = new Map<string, LineChange[]>();
  for (const c of changes) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const out = new Map<string, string>();
  for (const [file, cs] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const lines = [...(ctx.sourceLines(file) ?? [])];
    for (const c of [...cs].sort((a, b) => b.start - a.start || b.deleteCount - a.deleteCount)) lines.splice(c.start - 1, c.deleteCount, ...c.lines);
    out.set(file, lines.join('\n'));
  }
  return out;
}

function migrationOf(groups: GroupPlan[], oldLabel: string, manual: ReadonlyMap<string, string>): MigrationStep[] {
  return groups.flatMap((g) =>
    g.group.consumers.map((resource) => {
      const step = migrationFor(
        g.consumers.filter((c) => c.resource === resource),
        oldLabel,
        g.key.alias,
      );
      const why = manual.get(resource);
      return why ? { ...step, manual: why, steps: [`NOT IN THE PATCH: ${why}`, ...step.steps] } : step;
    }),
  );
}
