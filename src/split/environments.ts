/**
 * Roots deployed once per environment (Terraform workspaces, one tfvars file per environment): the
 * same files make the key of every environment, so the new keys are written once, with the
 * environment taken from the deployment (`terraform.workspace`, `var.environment`) and every other
 * value as the source writes it. The plan of each environment's instance of the key must agree on
 * which consumer goes to which new key; the code is generated only when it does.
 */
import type { Key } from '../inventory/types.js';
import type { UnitInfo } from '../model/types.js';
import { type CodeContext, mapStrings } from './code.js';
import type { GroupPlan } from './plan.js';
import type { PolicyStatement } from './types.js';

/** The instances of one root deployed per environment, and how its files name the environment. */
export interface PerEnvironment {
  /** HCL expression that is the environment in every instance: `terraform.workspace`, `var.environment`. */
  expr: string;
  /** The key's instances, one per unit of the root (the planned one first). */
  instances: { unit: UnitInfo; key: Key; env: string }[];
}

/** Units deployed from the same root as `unit` (workspaces or tfvars files), `unit` first. */
export function siblingUnits(units: ReadonlyMap<string, UnitInfo>, unit: UnitInfo): UnitInfo[] {
  const same = [...units.values()].filter((u) => u.source === unit.source && u.path === unit.path && u.id.includes('#') && u.environment);
  return [unit, ...same.filter((u) => u.id !== unit.id).sort((a, b) => a.id.localeCompare(b.id))];
}

/**
 * The expression each instance evaluates to its own environment: `terraform.workspace` for
 * workspaces; for tfvars files, the variable every file sets to its own environment's name.
 */
export function environmentExpression(ctx: CodeContext, instances: { unit: UnitInfo; env: string }[]): string | undefined {
  if (instances.every((i) => i.unit.environment?.detail.includes('workspace'))) return 'terraform.workspace';
  let common: Set<string> | undefined;
  for (const { unit } of instances) {
    const stem = unit.id.slice(unit.id.lastIndexOf('#') + 1);
    const tfvars = unit.files.find(
      (f) =>
        /\.tfvars(\.json)?$/.test(f) &&
        f
          .split('/')
          .pop()
          ?.replace(/\.tfvars(\.json)?$/, '') === stem,
    );
    const names = new Set<string>();
    for (const line of (tfvars ? ctx.sourceLines(tfvars) : undefined) ?? []) {
      const m = /^\s*"?([A-Za-z_][\w-]*)"?\s*[=:]\s*"([^"]*)"\s*,?\s*$/.exec(line);
      if (m && m[2].toLowerCase() === stem.toLowerCase()) names.add(m[1]);
    }
    common = common ? new Set([...common].filter((n) => names.has(n))) : names;
  }
  const name = [...(common ?? [])].sort((a, b) => Number(b.includes('env')) - Number(a.includes('env')) || a.localeCompare(b))[0];
  return name ? `var.${name}` : undefined;
}

/** `${...}` templates of the quoted strings in `lines` (the old key's block and its policy), most literal text first. */
export function sourceTemplates(lines: readonly string[]): string[] {
  const found = new Set<string>();
  for (const line of lines) {
    for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"/g)) if (m[1].includes('${')) found.add(m[1].replace(/\\(.)/g, '$1'));
  }
  const literal = (t: string) => t.replace(/\$\{[^}]*\}/g, '').length;
  return [...found].sort((a, b) => literal(b) - literal(a) || a.localeCompare(b));
}

/**
 * A value of one instance written back as the source wrote it: the first template (most literal
 * text) that matches it, where the parts that name the environment are the instance's own.
 */
export function unevaluated(value: string, templates: readonly string[], env: { expr: string; value: string }): string {
  for (const t of templates) {
    const parts = t.split(/(\$\{[^}]*\})/);
    const holes = parts.filter((_, i) => i % 2 === 1).map((h) => h.slice(2, -1).trim());
    if (parts.every((p, i) => i % 2 === 1 || p === '')) continue;
    const re = new RegExp(`^${parts.map((p, i) => (i % 2 === 1 ? '(.+?)' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
    const m = re.exec(value);
    if (!m) continue;
    if (holes.some((h, i) => h === env.expr && m[i + 1] !== env.value)) continue;
    return t;
  }
  return value;
}

/** A policy with every string written back as the source wrote it (see `unevaluated`). */
export function unevaluatedPolicy(policy: PolicyStatement[], templates: readonly string[], env: { expr: string; value: string }): PolicyStatement[] {
  return mapStrings(policy, (s) => unevaluated(s, templates, env)) as PolicyStatement[];
}

/** One new key of the root: its name, and its group in each instance that has consumers for it. */
export interface RootKey {
  name: string;
  groups: { env: string; unit: string; group: GroupPlan }[];
}

/**
 * Joins the plans of the instances by key name. Fails (with the reason) when one consumer would
 * go to different keys in different environments, or a key's policy or tags cannot be written
 * once for all of them.
 */
export function joinInstances(plans: { env: string; unit: string; groups: GroupPlan[] }[]): { keys: RootKey[] } | { conflict: string } {
  const byName = new Map<string, RootKey>();
  const target = new Map<string, { name: string; env: string }>();
  for (const plan of plans) {
    const names = plan.groups.map((g) => g.key.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) return { conflict: `two groups of ${plan.env} would both be ${twice}` };
    for (const g of plan.groups) {
      const key = byName.get(g.key.name) ?? { name: g.key.name, groups: [] };
      key.groups.push({ env: plan.env, unit: plan.unit, group: g });
      byName.set(g.key.name, key);
      for (const resource of g.group.consumers) {
        const address = resource.slice(plan.unit.length + 1);
        const seen = target.get(address);
        if (seen && seen.name !== g.key.name) {
          return { conflict: `${address} goes to ${seen.name} in ${seen.env} but to ${g.key.name} in ${plan.env}` };
        }
        target.set(address, { name: g.key.name, env: plan.env });
      }
    }
  }
  return { keys: [...byName.values()] };
}
