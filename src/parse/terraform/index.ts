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
import { type ParsedFile, parseHclFile, parseTemplateText, readHclDirect } from './syntax.js';
import { readTerragrunt } from './terragrunt.js';
import { planUnits, type UnitPlan } from './units.js';
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
   * As `parse`, with the files the direct reader leaves to tree-sitter on worker threads (`pool.ts`)
   * when there are enough of them. The direct reader's own files stay on this thread: reading them
   * costs less than sending their syntax trees across.
   */
  async parseAsync(claimed, ctx) {
    const missing = grammarMissing(claimed);
    if (missing) return missing;
    const preparsed = new Map<string, ParsedFile>();
    const forTreeSitter: SourceFile[] = [];
    for (const file of claimed) {
      const parsed = readHclDirect(file, ctx.limits);
      if (!parsed) forTreeSitter.push(file);
      else {
        preparsed.set(file.path, parsed);
        ctx.parsedFile?.();
      }
    }
    if (worthParallel(forTreeSitter)) {
      for (const [path, parsed] of await parseInPool(forTreeSitter, ctx.limits, ctx.parsedFile ? { onFile: ctx.parsedFile } : {})) preparsed.set(path, parsed);
    }
    const run = new TerraformRun(claimed, ctx);
    run.preparsed = preparsed;
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

/** One call of `parse`: the parsed files and the caches every unit shares. */
class TerraformRun {
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly templates = new Map<string, Expr>();
  private readonly registry = new Map<RegistryModule, ParsedFile[]>();
  private readonly modulesByDir = new Map<string, ParsedFile[]>();
  private readonly problems: Problem[] = [];
  /** Claimed files already through the syntax stage (on worker threads), by path. */
  preparsed: ReadonlyMap<string, ParsedFile> | undefined;

  constructor(
    private readonly claimed: SourceFile[],
    private readonly ctx: ParseContext,
  ) {}

  run() {
    for (const file of this.claimed) {
      const parsed = this.parse(file);
      if (MODULE_FILE.test(file.path)) {
        const dir = dirOf(file.path);
        this.modulesByDir.set(dir, [...(this.modulesByDir.get(dir) ?? []), parsed]);
      }
    }
    const setupHost = this.host(newBudget(this.ctx.limits.maxEvalSteps), new Set());
    const constants = (file: ParsedFile): Record<string, Value> => {
      const ev = new Evaluator(NO_NAMES, setupHost);
      return Object.fromEntries(file.body.attributes.map((a) => [a.name, ev.eval(a.expr)]));
    };
    const terragrunt = this.claimed
      .filter((f) => TERRAGRUNT_FILE.test(f.path))
      .map((f) => {
        const file = this.parsed.get(f.path) as ParsedFile;
        return { file, config: readTerragrunt(file, (path) => this.load(path), setupHost) };
      });
    const plans = planUnits({
      modulesByDir: this.modulesByDir,
      tfvars: this.claimed.filter((f) => TFVARS_FILE.test(f.path)).map((f) => this.parsed.get(f.path) as ParsedFile),
      terragrunt,
      valuesOf: constants,
      workspacesOf: (rootDir) =>
        this.mentionsWorkspace(rootDir) ? workspaceNames(this.instance({ id: rootDir, rootDir, path: rootDir, layers: [], files: [] }).root) : [],
    });
    const resources: Resource[] = [];
    const units: UnitInfo[] = [];
    for (const plan of plans) {
      const { root, context } = this.instance(plan);
      resourcesOf(root, resources);
      if (context.host.budget.exceeded) {
        const first = this.modulesByDir.get(plan.rootDir)?.[0]?.path ?? plan.path;
        context.problems.push(
          problem(`evaluation stopped after ${this.ctx.limits.maxEvalSteps} steps in unit ${plan.id}; later values are unknown`, fileLocation(first)),
        );
      }
      this.problems.push(...context.problems);
      const unit: UnitInfo = { id: plan.id, source: 'terraform', path: plan.path, files: [...context.files].sort() };
      if (plan.environment) unit.environment = plan.environment;
      units.push(unit);
    }
    return { resources, units, problems: dedupe(this.problems) };
  }

  /** Whether a root's own files name `terraform.workspace` at all (their text says so without evaluating them). */
  private mentionsWorkspace(rootDir: string): boolean {
    return (this.modulesByDir.get(rootDir) ?? []).some((file) => this.ctx.files.get(file.path)?.text.includes('workspace') ?? true);
  }

  private parse(file: SourceFile): ParsedFile {
    const cached = this.parsed.get(file.path);
    if (cached) return cached;
    let parsed = this.preparsed?.get(file.path);
    if (!parsed) {
      parsed = parseHclFile(file, this.ctx.limits);
      this.ctx.parsedFile?.();
    }
    this.parsed.set(file.path, parsed);
    this.problems.push(...parsed.problems);
    return parsed;
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
      moduleFiles: (dir) => this.modulesByDir.get(dir),
      registryFiles: (module) => this.registryFiles(module),
    };
    const inputs = (name: string) => plan.layers.find((layer) => name in layer)?.[name];
    const root = new ModuleInstance(context, { dir: plan.rootDir, files: this.modulesByDir.get(plan.rootDir) ?? [] }, inputs);
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
