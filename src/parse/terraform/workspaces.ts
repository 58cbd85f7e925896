/**
 * Workspace names a root module selects values by, when they can be seen statically: keys of a map
 * indexed by `terraform.workspace` (`var.cfg[terraform.workspace]`, `lookup(local.x,
 * terraform.workspace, …)`) and strings compared with it (`terraform.workspace == "prod"`).
 */
import type { Expr } from './ast.js';
import { allExprs, traversalOf } from './ast.js';
import type { ModuleInstance } from './instance.js';
import { isObjectValue } from './values.js';

export function workspaceNames(root: ModuleInstance): string[] {
  const names = new Set<string>();
  const addKeysOf = (mapExpr: Expr) => {
    const value = root.evaluator.eval(mapExpr);
    if (isObjectValue(value)) for (const key of Object.keys(value)) names.add(key);
  };
  for (const file of root.source.files) {
    for (const expr of allExprs(file.body)) {
      if (expr.kind === 'index' && isWorkspace(expr.key)) addKeysOf(expr.target);
      else if (expr.kind === 'call' && expr.name === 'lookup' && expr.args[0] && expr.args[1] && isWorkspace(expr.args[1])) addKeysOf(expr.args[0]);
      else if (expr.kind === 'binary' && (expr.op === '==' || expr.op === '!=')) {
        for (const [a, b] of [
          [expr.left, expr.right],
          [expr.right, expr.left],
        ]) {
          if (isWorkspace(a) && b.kind === 'literal' && typeof b.value === 'string') names.add(b.value);
          if (isWorkspace(a) && b.kind === 'template' && b.parts.length === 1 && b.parts[0].kind === 'text') names.add(b.parts[0].value);
        }
      }
    }
  }
  return [...names].sort();
}

function isWorkspace(expr: Expr): boolean {
  const chain = traversalOf(expr);
  const step = chain?.steps[0];
  return chain?.root === 'terraform' && chain.steps.length === 1 && step !== undefined && 'attr' in step && step.attr === 'workspace';
}
