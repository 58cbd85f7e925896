/**
 * `terragrunt.hcl`: which module folder it deploys (`terraform { source }`) and the `inputs` it binds
 * to that module's variables, merged over the `include`d parent's inputs when they are static.
 * Terragrunt functions return paths relative to the terragrunt folder, which is how `source` and
 * `include.path` are read, so they compose.
 */
import type { Value } from '../../model/types.js';
import type { Block, Expr, Step } from './ast.js';
import type { EvalHost, Resolver } from './evaluate.js';
import { Evaluator } from './evaluate.js';
import { ancestorsOf, dirOf, joinPath, relativePath } from './paths.js';
import type { ParsedFile } from './syntax.js';
import { isObjectValue, unknown } from './values.js';

export interface TerragruntConfig {
  /** Module folder (repo-relative) when `terraform { source }` is a local path. */
  moduleDir?: string;
  /** The source as written, when it is not a local path. */
  remoteSource?: string;
  inputs: Record<string, Value>;
  /** The terragrunt files read (the config and its include). */
  files: string[];
}

/** Loads another terragrunt/HCL file by repo-relative path (parsed on demand). */
export type LoadHcl = (path: string) => ParsedFile | undefined;

const LOCAL_SOURCE = /^\.\.?\//;

export function readTerragrunt(file: ParsedFile, load: LoadHcl, host: EvalHost): TerragruntConfig {
  const dir = dirOf(file.path);
  const own = configOf(file, dir, load, host);
  const includePath = own.includePath;
  const parentFile = includePath ? load(joinPath(dir, includePath)) : undefined;
  // The included file is evaluated in the child's context (its functions see the child folder).
  const parent = parentFile ? configOf(parentFile, dir, load, host) : undefined;
  const source = own.source ?? parent?.source;
  const config: TerragruntConfig = {
    inputs: { ...(parent?.inputs ?? {}), ...own.inputs },
    files: [file.path, ...(parentFile ? [parentFile.path] : [])],
  };
  if (typeof source === 'string') {
    const normalised = source.replace(/(?<!:)\/\/+/g, '/');
    if (LOCAL_SOURCE.test(normalised)) config.moduleDir = joinPath(dir, normalised);
    else config.remoteSource = source;
  }
  return config;
}

function configOf(file: ParsedFile, dir: string, load: LoadHcl, host: EvalHost) {
  const blocks = file.body.blocks;
  const resolver = new TerragruntResolver(dir, file, load, blocks);
  const ev = new Evaluator(resolver, host);
  const attr = (body: { attributes: { name: string; expr: Expr }[] } | undefined, name: string) => body?.attributes.find((a) => a.name === name);
  const sourceAttr = attr(blocks.find((b) => b.type === 'terraform')?.body, 'source');
  const includePath = attr(blocks.find((b) => b.type === 'include')?.body, 'path');
  const inputsAttr = attr(file.body, 'inputs');
  const inputs = inputsAttr ? ev.eval(inputsAttr.expr) : {};
  const path = includePath ? ev.eval(includePath.expr) : undefined;
  return {
    source: sourceAttr ? ev.eval(sourceAttr.expr) : undefined,
    includePath: typeof path === 'string' ? path : undefined,
    inputs: isObjectValue(inputs) ? inputs : {},
  };
}

class TerragruntResolver implements Resolver {
  readonly fileBases: string[];
  private readonly locals = new Map<string, Expr>();
  private readonly localValues = new Map<string, Value>();

  constructor(
    private readonly dir: string,
    private readonly file: ParsedFile,
    private readonly load: LoadHcl,
    blocks: Block[],
  ) {
    this.fileBases = [dir];
    for (const block of blocks) if (block.type === 'locals') for (const a of block.body.attributes) this.locals.set(a.name, a.expr);
  }

  resolve(root: string, steps: Step[], expr: Expr, ev: Evaluator): { value: Value; used: number } | undefined {
    const first = steps[0] && 'attr' in steps[0] ? steps[0].attr : undefined;
    if (root === 'local' && first !== undefined) {
      const local = this.locals.get(first);
      if (!local) return undefined;
      if (!this.localValues.has(first)) {
        this.localValues.set(first, unknown(`local.${first}`, `local.${first} refers to itself`));
        this.localValues.set(first, ev.eval(local));
      }
      return { value: this.localValues.get(first) as Value, used: 1 };
    }
    if (root === 'dependency' || root === 'include' || root === 'feature') {
      return { value: unknown(expr.text, `terragrunt ${root} values are known only at apply time`), used: steps.length };
    }
    return undefined;
  }

  callFunction(name: string, args: Value[], expr: Expr): Value | undefined {
    const fromHere = (target: string) => relativePath(this.dir, target);
    switch (name) {
      case 'find_in_parent_folders': {
        const wanted = typeof args[0] === 'string' ? args[0] : 'terragrunt.hcl';
        const found = ancestorsOf(this.dir)
          .map((folder) => joinPath(folder, wanted))
          .find((candidate) => this.load(candidate) !== undefined);
        return found ? fromHere(found) : (args[1] ?? unknown(expr.text, `no ${wanted} in a parent folder`));
      }
      case 'get_terragrunt_dir':
      case 'get_original_terragrunt_dir':
        return '.';
      case 'get_repo_root':
        return fromHere('.');
      case 'get_parent_terragrunt_dir':
        return fromHere(dirOf(this.file.path));
      case 'path_relative_to_include':
        return relativePath(dirOf(this.file.path), this.dir);
      case 'path_relative_from_include':
        return relativePath(this.dir, dirOf(this.file.path));
      case 'get_env':
        return args[1] ?? unknown(expr.text, 'environment variables are not known statically');
      case 'read_terragrunt_config':
      case 'run_cmd':
      case 'get_aws_account_id':
        return unknown(expr.text, `${name}() is not evaluated statically`);
      default:
        return undefined;
    }
  }
}
