/**
 * The CloudFormation / SAM / CDK-output parser plug-in. All claimed templates are loaded first,
 * then their exports are indexed, then each template's resources are evaluated (imports may
 * reach into any other template). A template that fails any step is skipped with a KMS000 problem;
 * the others go on.
 */

import { fileLocation, problem, type SourceFile } from '../../model/source.js';
import type { ParseOutput, Problem, Resource, UnitInfo } from '../../model/types.js';
import type { ParseContext, ParserPlugin } from '../plugin.js';
import { Budget, BudgetExceeded } from './budget.js';
import { environmentOfPath } from './environment.js';
import { Evaluator, type ImportResolver } from './evaluate.js';
import { ExportIndex, STACK_NAME_MARK } from './exports.js';
import { loadTemplate } from './load.js';
import { claimsTemplate } from './recognize.js';
import { buildResource } from './resources.js';
import { readTemplate, type Template } from './template.js';
import { unknown } from './values.js';

export const cloudFormationParser: ParserPlugin = {
  name: 'cloudformation',
  selfContained: true,
  claims: claimsTemplate,
  parse: parseTemplates,
};

/** Export names cannot import: `Fn::ImportValue` there is left unknown. */
const NO_IMPORTS: ImportResolver = {
  resolve: (exportName) => unknown(`!ImportValue ${exportName}`, 'Fn::ImportValue inside an export name'),
};

interface Loaded {
  template: Template;
  evaluator: Evaluator;
}

function parseTemplates(claimed: SourceFile[], ctx: ParseContext): ParseOutput {
  const problems: Problem[] = [];
  const exports = new ExportIndex();
  const loaded: Loaded[] = [];
  for (const file of [...claimed].sort((a, b) => a.path.localeCompare(b.path))) {
    const budget = new Budget(ctx.limits.maxEvalSteps, ctx.limits.maxParseMillisPerFile);
    const template = readFile(file, ctx, budget, problems);
    if (!template) continue;
    const evaluator = new Evaluator(template, exports, budget);
    const nameEvaluator = new Evaluator(template, NO_IMPORTS, budget, { 'AWS::StackName': STACK_NAME_MARK });
    if (guarded(template.path, problems, () => exports.add(evaluator, nameEvaluator)) === undefined) continue;
    loaded.push({ template, evaluator });
  }

  const resources: Resource[] = [];
  const units: UnitInfo[] = [];
  for (const { template, evaluator } of loaded) {
    const built = buildResources(evaluator, problems);
    if (!built) continue;
    resources.push(...built);
    units.push(unitOf(template.path));
  }
  return { resources, problems, units };
}

function readFile(file: SourceFile, ctx: ParseContext, budget: Budget, problems: Problem[]): Template | undefined {
  if (file.size > ctx.limits.maxFileBytes) {
    problems.push(problem(`template is larger than ${ctx.limits.maxFileBytes} bytes; not parsed`, fileLocation(file.path)));
    return undefined;
  }
  const loaded = guarded(file.path, problems, () => loadTemplate(file.text, ctx.limits, budget));
  if (!loaded) return undefined;
  if (!loaded.ok) {
    problems.push(problem(loaded.message, fileLocation(file.path, loaded.line)));
    return undefined;
  }
  const shape = readTemplate(file.path, loaded.root);
  if (!shape.ok) {
    problems.push(problem(shape.message, fileLocation(file.path, shape.line)));
    return undefined;
  }
  return shape.template;
}

/** All resources of the template, or none (with a problem) when it cannot be evaluated. */
function buildResources(evaluator: Evaluator, problems: Problem[]): Resource[] | undefined {
  return guarded(evaluator.template.path, problems, () => {
    const built: Resource[] = [];
    for (const entry of evaluator.template.resources.values()) {
      const result = buildResource(evaluator, entry);
      if ('rule' in result) problems.push(result);
      else built.push(result);
    }
    return built;
  });
}

/**
 * Runs one template's step; a failure skips that template with a problem instead of stopping the
 * run (the budget running out, or a library failing on hostile input).
 */
function guarded<T>(path: string, problems: Problem[], step: () => T): T | undefined {
  try {
    return step();
  } catch (failure) {
    const reason = failure instanceof BudgetExceeded ? failure.message : `unexpected failure: ${String(failure)}`;
    problems.push(problem(`${reason}; template skipped`, fileLocation(path)));
    return undefined;
  }
}

function unitOf(path: string): UnitInfo {
  const unit: UnitInfo = { id: path, source: 'cloudformation', path, files: [path] };
  const environment = environmentOfPath(path);
  if (environment) unit.environment = environment;
  return unit;
}
