/**
 * Root-module discovery and deployment instances. A root is a folder with `.tf`/`.tf.json` files
 * that no local module call or terragrunt config uses as its source. Each root deploys as one unit,
 * or one unit per named tfvars file (`prod.tfvars`, `env/dev.tfvars`), or one per workspace seen
 * statically; each `terragrunt.hcl` with a local source deploys its module folder as a unit.
 */
import type { Value } from '../../model/types.js';
import { ancestorsOf, baseName, dirOf, isWithin, joinPath, relativePath } from './paths.js';
import type { ParsedFile } from './syntax.js';
import type { TerragruntConfig } from './terragrunt.js';

export interface UnitPlan {
  id: string;
  /** Folder evaluated as the root module. */
  rootDir: string;
  /** UnitInfo.path: the root folder, or the terragrunt folder. */
  path: string;
  environment?: { value: string; detail: string };
  /** Variable values, highest precedence first. */
  layers: Record<string, Value>[];
  /** `terraform.workspace`, when the instance is a workspace. */
  workspace?: string;
  /** Files besides the modules' `.tf`: tfvars and terragrunt configs. */
  files: string[];
}

export interface DiscoveryInput {
  /** Folders with `.tf` / `.tf.json` files. */
  dirs: ReadonlySet<string>;
  /** The local sources (`./x`, `../x`, as written) of the module calls in a folder's files. */
  localCalls(dir: string): string[];
  tfvars: ParsedFile[];
  terragrunt: { file: ParsedFile; config: TerragruntConfig }[];
  /** Values of a tfvars file (constants only). */
  valuesOf(file: ParsedFile): Record<string, Value>;
  /** Workspace names a root selects values by. */
  workspacesOf(rootDir: string): string[];
}

const LOCAL_SOURCE = /^\.\.?\//;
const AUTO_TFVARS = /(^terraform\.tfvars(\.json)?$)|(\.auto\.tfvars(\.json)?$)/;
const TFVARS_SUFFIX = /\.tfvars(\.json)?$/;
/** Folder names that say which environment a terragrunt folder deploys. */
const ENVIRONMENT_SEGMENTS = new Set(['prod', 'production', 'dev', 'development', 'staging', 'stage', 'test', 'qa', 'sandbox', 'uat', 'preprod']);

/** Deployment units, given the folders local module calls and terragrunt configs use (`calledModuleDirs`). */
export function planUnits(input: DiscoveryInput, moduleDirs: ReadonlySet<string>): UnitPlan[] {
  const roots = [...input.dirs].filter((dir) => !moduleDirs.has(dir)).sort();
  const plans: UnitPlan[] = [];
  const tgByDir = new Map(input.terragrunt.map((t) => [dirOf(t.file.path), t]));
  for (const root of roots) {
    const own = tgByDir.get(root);
    const base = baseLayers(root, input, own?.config);
    const extra = [...base.files, ...(own && !own.config.moduleDir ? own.config.files : [])];
    const named = input.tfvars.filter((f) => !AUTO_TFVARS.test(baseName(f.path)) && nearestRoot(dirOf(f.path), roots) === root);
    if (named.length > 0) {
      for (const file of named.sort((a, b) => a.path.localeCompare(b.path))) {
        const stem = baseName(file.path).replace(TFVARS_SUFFIX, '');
        plans.push({
          id: `${root}#${stem}`,
          rootDir: root,
          path: root,
          environment: { value: stem, detail: `tfvars file ${relativePath(root, file.path)}` },
          layers: [input.valuesOf(file), ...base.layers],
          files: [file.path, ...extra],
        });
      }
      continue;
    }
    const workspaces = input.workspacesOf(root);
    if (workspaces.length > 0) {
      for (const workspace of workspaces) {
        plans.push({
          id: `${root}#${workspace}`,
          rootDir: root,
          path: root,
          environment: { value: workspace, detail: 'terraform workspace' },
          layers: base.layers,
          workspace,
          files: extra,
        });
      }
      continue;
    }
    plans.push({ id: root, rootDir: root, path: root, environment: own ? environmentOfFolder(root) : undefined, layers: base.layers, files: extra });
  }
  for (const { file, config } of input.terragrunt) {
    if (!config.moduleDir || !input.dirs.has(config.moduleDir)) continue;
    const dir = dirOf(file.path);
    plans.push({ id: dir, rootDir: config.moduleDir, path: dir, environment: environmentOfFolder(dir), layers: [config.inputs], files: config.files });
  }
  return plans;
}

/** Folders used as the source of a local module call or of a terragrunt config. */
export function calledModuleDirs(input: DiscoveryInput): Set<string> {
  const dirs = new Set<string>();
  for (const dir of input.dirs) {
    for (const source of input.localCalls(dir)) {
      const target = joinPath(dir, source);
      if (target !== dir) dirs.add(target);
    }
  }
  for (const { config } of input.terragrunt) if (config.moduleDir) dirs.add(config.moduleDir);
  return dirs;
}

/** The literal local sources of a file's module blocks. */
export function localModuleSources(file: ParsedFile): string[] {
  return file.body.blocks.flatMap((block) => {
    if (block.type !== 'module') return [];
    const source = block.body.attributes.find((a) => a.name === 'source')?.expr;
    const text = source?.kind === 'literal' ? source.value : undefined;
    return typeof text === 'string' && LOCAL_SOURCE.test(text) ? [text] : [];
  });
}

/** Shared layers of a root: auto tfvars (later names win), terraform.tfvars, terragrunt inputs. */
function baseLayers(root: string, input: DiscoveryInput, terragrunt: TerragruntConfig | undefined) {
  const inRoot = input.tfvars.filter((f) => dirOf(f.path) === root);
  const auto = inRoot.filter((f) => /\.auto\.tfvars(\.json)?$/.test(f.path)).sort((a, b) => b.path.localeCompare(a.path));
  const main = inRoot.filter((f) => /^terraform\.tfvars(\.json)?$/.test(baseName(f.path))).sort((a, b) => b.path.localeCompare(a.path));
  const files = [...auto, ...main];
  const layers = files.map((f) => input.valuesOf(f));
  // Terragrunt passes inputs as TF_VAR_ variables: below every tfvars file.
  if (terragrunt && !terragrunt.moduleDir) layers.push(terragrunt.inputs);
  return { layers, files: files.map((f) => f.path) };
}

function nearestRoot(dir: string, roots: string[]): string | undefined {
  return [dir, ...ancestorsOf(dir)].find((d) => roots.includes(d) && isWithin(dir, d));
}

function environmentOfFolder(dir: string): { value: string; detail: string } | undefined {
  const segment = dir.split('/').find((s) => ENVIRONMENT_SEGMENTS.has(s.toLowerCase()));
  return segment ? { value: segment, detail: `terragrunt folder ${dir}` } : undefined;
}
