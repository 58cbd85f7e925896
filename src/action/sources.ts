/**
 * The two sides of the review in the workflow's checkout: the head is the work tree (what
 * `actions/checkout` put there), the base is read from git objects (nothing is checked out). Paths
 * are always relative to the repository root, whatever `path` says, so annotations, links and SARIF
 * point at the right file. With `plan-json`, both sides come from the plan instead.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Value } from '../model/types.js';
import type { FileEntry, FileSet } from '../sources/fileset.js';
import { folderFileSet } from '../sources/folder.js';
import { gitFileSet, resolveCommit } from '../sources/git.js';
import { memoryFileSet } from '../sources/memory.js';

const execFileAsync = promisify(execFile);

/** Shows a FileSet of `prefix/` as if it were the repository: every path gains the prefix. */
export function underPrefix(files: FileSet, prefix: string): FileSet {
  if (prefix === '') return files;
  const strip = (path: string) => {
    if (!path.startsWith(`${prefix}/`)) throw new Error(`no file "${path}" under ${prefix}/`);
    return path.slice(prefix.length + 1);
  };
  const set: FileSet = {
    label: files.label,
    list: async () => (await files.list()).map((e: FileEntry) => ({ ...e, path: `${prefix}/${e.path}` })),
    read: (path) => files.read(strip(path)),
  };
  const { readMany, close } = files;
  if (readMany) {
    set.readMany = async (paths) => {
      const inner = await readMany.call(files, paths.map(strip));
      return new Map([...inner].map(([path, body]) => [`${prefix}/${path}`, body]));
    };
  }
  if (close) set.close = () => close.call(files);
  return set;
}

export function workTreeSide(dir: string, prefix: string, exclude: string[]): FileSet {
  return underPrefix(folderFileSet(dir, { exclude }), prefix);
}

/**
 * The base commit's files. A shallow checkout may lack the commit: one `git fetch` of exactly that
 * commit is tried (it changes no file and no ref of the work tree) before giving up with the fix.
 */
export async function baseSide(root: string, ref: string, prefix: string, exclude: string[], log: (m: string) => void): Promise<FileSet> {
  try {
    await resolveCommit(root, ref);
  } catch {
    if (/^[0-9a-f]{40}$/.test(ref)) {
      log(`kms-review: base commit ${ref} is not in the checkout (shallow clone?); fetching it`);
      await execFileAsync('git', ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', ref], { cwd: root }).catch(() => undefined);
    }
    try {
      await resolveCommit(root, ref);
    } catch {
      throw new Error(`the base commit ${ref} is not in the checkout: use actions/checkout with fetch-depth: 0`);
    }
  }
  return underPrefix(await gitFileSet(root, ref, { exclude, ...(prefix ? { pathPrefix: prefix } : {}) }), prefix);
}

type Json = { [key: string]: Value };
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The "before" of a `terraform show -json` plan as a plan of its own: every change's `after` is
 * its `before` (a created resource is absent, a deleted one present) and `planned_values` is
 * `prior_state.values`. The plan parser reads the after side of a plan, so this file is the base
 * and the plan itself the head. Pretty-printed: base-side lines are those of this view.
 */
export function planBeforeView(planText: string): string {
  const plan = JSON.parse(planText) as Json;
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  const prior = isObject(plan.prior_state) ? plan.prior_state.values : undefined;
  const view: Json = {
    format_version: plan.format_version ?? '1.2',
    terraform_version: plan.terraform_version ?? 'unknown',
    ...(plan.variables !== undefined ? { variables: plan.variables } : {}),
    planned_values: isObject(prior) ? prior : {},
    resource_changes: changes.map((c) => {
      if (!isObject(c) || !isObject(c.change)) return c;
      const before = c.change.before ?? null;
      return { ...c, change: { actions: ['no-op'], before, after: before, after_unknown: {} } };
    }),
    ...(plan.prior_state !== undefined ? { prior_state: plan.prior_state } : {}),
    ...(plan.configuration !== undefined ? { configuration: plan.configuration } : {}),
  };
  return `${JSON.stringify(view, null, 2)}\n`;
}

/** Both sides from one plan file (`path` is where it is shown, repository-relative). */
export function planSides(path: string, planText: string): { base: FileSet; head: FileSet } {
  return {
    base: memoryFileSet({ [path]: planBeforeView(planText) }, `${path} (before)`),
    head: memoryFileSet({ [path]: planText }, `${path} (after)`),
  };
}
