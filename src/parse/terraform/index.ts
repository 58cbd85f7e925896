/**
 * The Terraform parser plug-in: `.tf`, `.tf.json`, `.tfvars(.json)`, `terragrunt.hcl` → resources
 * per deployment unit. Files are parsed once (syntax trees freed right away); each unit evaluates
 * its root module and the modules it calls with its own variable values and evaluation budget.
 */
import type { RegistryModule } from '../../catalog/modules.js';
import type { SourceFile } from '../../model/source.js';
import { fileLocation, problem } from '../../model/source.js';
import type { ParseOutput, Problem, Resource, UnitInfo, Value } from '../../model/types.js';
import type { ParseContext, ParserPlugin } from '../plugin.js';
import type { Expr } from './ast.js';
import { type EvalHost, Evaluator, newBudget, type Resolver } from './evaluate.js';
import { hclParser, loadGrammar } from './grammar.js';
import { ModuleInstance, type UnitContext } from './instance.js';
import { dirOf } from './paths.js';
import { parseInPool, worthParallel } from './pool.js';
import { resourcesOf } from './resources.js';
import { type ParsedFile, parseHclFile, parseTemplateText } from './syntax.js';
import { readTerragrunt } from './terragrunt.js';
import { calledModuleDirs, localModuleSources, planUnits, type UnitPlan } from './units.js';
import { unknown } from './values.js';
import { workspaceNames } from './workspaces.js';

const CLAIMED = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json)$|(^|\/)terragrunt\.hcl$/;
const MODULE_FILE = /\.tf(\.json)?$/;
const TFVARS_FILE = /\.tfvars(\.json)?$/;
const TERRAGRUNT_FILE = /(^|\/)terragrunt\.hcl$/;
/** tfvars and registry modules hold constants: they see no names. */
const NO_NAMES: Resolver = { resolve: () => undefined, fileBases: [] };

export const terraformParser: ParserPlugin = {
  name: 'terraform',
  init: loadGrammar,
  claims: (file) => CLAIMED.test(file.path),
  parse(claimed, ctx) {
    return grammarMissing(claimed) ?? new TerraformRun(claimed, ctx).run();
  },
  /**
   * As `parse`, with the files that are likely to need tree-sitter (template directives: the direct
   * reader leaves those to it) read on worker threads (`pool.ts`) first, when there are enough of
   * them. The direct reader's files stay on this thread: reading them costs less than sending their
   * syntax trees across.
   */
  async parseAsync(claimed, ctx) {
    const missing = grammarMissing(claimed);
    if (missing) return missing;
    const run = new TerraformRun(claimed, ctx);
    const forTreeSitter = claimed.filter((f) => f.text.includes('%{'));
    if (worthParallel(forTreeSitter)) run.preparsed = await parseInPool(forTreeSitter, ctx.limits, ctx.parsedFile ? { onFile: ctx.parsedFile } : {});
    return run.run();
  },
};

function grammarMissing(claimed: SourceFile[]): ParseOutput | undefined {
  try {
    hclParser();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { resources: [], units: [], problems: claimed.map((f) => problem(message, fileLocation(f.path))) };
  }
}

/**
 * One call of `parse`. Files are read when a unit needs them, in unit order, and a root folder's
 * syntax trees are dropped once its units are evaluated (module folders' stay: units share them),
 * so memory holds a few roots' trees, not the whole repository's. Planning needs only the module
 * calls, and only files whose text says `module` can make one.
 */
class TerraformRun {
  /** Syntax trees in use, by path. */
  private readonly parsed = new Map<string, ParsedFile>();
  /** Claimed files' syntax problems, whenever each was read: reported first, in claimed order. */
  private readonly parseProblems = new Map<string, Problem[]>();
  private readonly claimedPaths: ReadonlySet<string>;
  private readonly templates = new Map<string, Expr>();
  private readonly registry = new Map<RegistryModule, ParsedFile[]>();
  /** `.tf` / `.tf.json` files by folder, in claimed order. */
  private readonly dirFiles = new Map<string, SourceFile[]>();
  private readonly problems: Problem[] = [];
  /** Claimed files read on worker threads, by path; each is taken out when first used. */
  preparsed: Map<string, ParsedFile> | undefined;

  constructor(
    private readonly claimed: SourceFile[],
    private readonly ctx: ParseContext,
  ) {
    this.claimedPaths = new Set(claimed.map((f) => f.path));
  }

  run() {
    for (const file of this.claimed) {
      if (!MODULE_FILE.test(file.path)) continue;
      const dir = dirOf(file.path);
      const files = this.dirFiles.get(dir) ?? [];
      files.push(file);
      this.dirFiles.set(dir, files);
    }
    const setupHost = this.host(newBudget(this.ctx.limits.maxEvalSteps), new Set());
    const constants = (file: ParsedFile): Record<string, Value> => {
      const ev = new Evaluator(NO_NAMES, setupHost);
      return Object.fromEntries(file.body.attributes.map((a) => [a.name, ev.eval(a.expr)]));
    };
    const terragrunt = this.claimed
      .filter((f) => TERRAGRUNT_FILE.test(f.path))
      .map((f) => {
        const file = this.parse(f);
        return { file, config: readTerragrunt(file, (path) => this.load(path), setupHost) };
      });
    const discovery = {
      dirs: new Set(this.dirFiles.keys()),
      localCalls: (dir: string) => (this.dirFiles.get(dir) ?? []).filter((f) => f.text.includes('module')).flatMap((f) => localModuleSources(this.parse(f))),
      tfvars: this.claimed.filter((f) => TFVARS_FILE.test(f.path)).map((f) => this.parse(f)),
      terragrunt,
      valuesOf: constants,
      workspacesOf: (rootDir: string) =>
        this.mentionsWorkspace(rootDir) ? workspaceNames(this.instance({ id: rootDir, rootDir, path: rootDir, layers: [], files: [] }).root) : [],
    };
    const called = calledModuleDirs(discovery);
    const plans = planUnits(discovery, called);
    const lastPlanOf = new Map(plans.map((plan, i) => [plan.rootDir, i]));
    const resources: Resource[] = [];
    const units: UnitInfo[] = [];
    plans.forEach((plan, i) => {
      const { root, context } = this.instance(plan);
      resourcesOf(root, resources);
      if (context.host.budget.exceeded) {
        const first = this.dirFiles.get(plan.rootDir)?.[0]?.path ?? plan.path;
        context.problems.push(
          problem(`evaluation stopped after ${this.ctx.limits.maxEvalSteps} steps in unit ${plan.id}; later values are unknown`, fileLocation(first)),
        );
      }
      this.problems.push(...context.problems);
      const unit: UnitInfo = { id: plan.id, source: 'terraform', path: plan.path, files: [...context.files].sort() };
      if (plan.environment) unit.environment = plan.environment;
      units.push(unit);
      if (lastPlanOf.get(plan.rootDir) === i && !called.has(plan.rootDir)) this.release(plan.rootDir);
    });
    // Claimed files no unit read (a tfvars file no root takes, module folders no root reaches) still report their problems.
    for (const file of this.claimed) if (!this.parseProblems.has(file.path)) this.read(file);
    const claimedProblems = this.claimed.flatMap((f) => this.parseProblems.get(f.path) ?? []);
    return { resources, units, problems: dedupe([...claimedProblems, ...this.problems]) };
  }

  /** Whether a root's own files name `terraform.workspace` at all (their text says so without evaluating them). */
  private mentionsWorkspace(rootDir: string): boolean {
    return (this.dirFiles.get(rootDir) ?? []).some((file) => file.text.includes('workspace'));
  }

  private parse(file: SourceFile): ParsedFile {
    const cached = this.parsed.get(file.path);
    if (cached) return cached;
    const parsed = this.read(file);
    this.parsed.set(file.path, parsed);
    return parsed;
  }

  /** The file's syntax tree (not kept), its problems recorded the first time it is read. */
  private read(file: SourceFile): ParsedFile {
    const pooled = this.preparsed?.get(file.path);
    if (pooled) this.preparsed?.delete(file.path);
    const parsed = pooled ?? parseHclFile(file, this.ctx.limits);
    if (!this.parseProblems.has(file.path)) {
      // Pooled files were counted by the pool.
      if (!pooled) this.ctx.parsedFile?.();
      if (this.claimedPaths.has(file.path)) this.parseProblems.set(file.path, parsed.problems);
      else this.problems.push(...parsed.problems);
    }
    return parsed;
  }

  /** Drops a folder's syntax trees (read again should anything ask for them later). */
  private release(dir: string): void {
    for (const file of this.dirFiles.get(dir) ?? []) this.parsed.delete(file.path);
  }

  private moduleFiles(dir: string): ParsedFile[] | undefined {
    return this.dirFiles.get(dir)?.map((file) => this.parse(file));
  }

  /** A file not claimed (an include's `root.hcl`) is parsed when something asks for it. */
  private load(path: string): ParsedFile | undefined {
    const file = this.ctx.files.get(path);
    return file ? this.parse(file) : this.parsed.get(path);
  }

  private host(budget: ReturnType<typeof newBudget>, files: Set<string>): EvalHost {
    return {
      budget,
      readFile: (path) => {
        const file = this.ctx.files.get(path);
        if (!file || file.size > this.ctx.limits.maxFileBytes) return undefined;
        files.add(path);
        return { path, text: file.text };
      },
      parseTemplate: (text, path) => {
        const cached = this.templates.get(path);
        if (cached) return cached;
        const { expr, problems } = parseTemplateText(text, path, this.ctx.limits);
        this.problems.push(...problems);
        this.templates.set(path, expr);
        return expr;
      },
    };
  }

  private instance(plan: UnitPlan) {
    const files = new Set(plan.files);
    const context: UnitContext = {
      unit: plan.id,
      rootDir: plan.rootDir,
      host: this.host(newBudget(this.ctx.limits.maxEvalSteps), files),
      workspace: plan.workspace ?? unknown('terraform.workspace', 'the workspace is chosen at apply time'),
      limits: this.ctx.limits,
      problems: [],
      files,
      moduleFiles: (dir) => this.moduleFiles(dir),
      registryFiles: (module) => this.registryFiles(module),
    };
    const inputs = (name: string) => plan.layers.find((layer) => name in layer)?.[name];
    const root = new ModuleInstance(context, { dir: plan.rootDir, files: this.moduleFiles(plan.rootDir) ?? [] }, inputs);
    return { root, context };
  }

  private registryFiles(module: RegistryModule): ParsedFile[] {
    let files = this.registry.get(module);
    if (!files) {
      const path = `catalog/${module.source}/main.tf`;
      files = [parseHclFile({ path, text: module.hcl, size: module.hcl.length }, this.ctx.limits)];
      this.registry.set(module, files);
    }
    return files;
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.location.file}:${p.location.startLine}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
