/**
 * `Outputs.*.Export.Name` of every template in the claimed set, so `Fn::ImportValue` in one
 * template resolves to the output value of another, evaluated in the exporting template.
 */
import type { Value } from '../../model/types.js';
import { BudgetExceeded } from './budget.js';
import type { Evaluator, ImportResolver } from './evaluate.js';
import { child, type TreeNode } from './tree.js';
import { isOneOf, unknown } from './values.js';

/**
 * Stands for `${AWS::StackName}` while export names are evaluated. The stack name is chosen at
 * deploy time, so an export named from it can only be matched by what follows it.
 */
export const STACK_NAME_MARK = '\u0000AWS::StackName\u0000';

/** Imports of imports of … are followed this far; deeper chains (or cycles) stay unknown. */
const MAX_IMPORT_CHAIN = 16;

interface Export {
  template: string;
  output: string;
  value: TreeNode | undefined;
  evaluator: Evaluator;
}

export class ExportIndex implements ImportResolver {
  private readonly byName = new Map<string, Export[]>();
  /** Exports named `${AWS::StackName}<suffix>`, by suffix. */
  private readonly bySuffix = new Map<string, Export[]>();
  private readonly values = new Map<Export, Value>();
  private readonly inProgress = new Set<Export>();

  /**
   * Registers the exports of one template (all or, when evaluating a name throws, none) and
   * returns how many names were registered.
   * @param nameEvaluator evaluates in the same template with `AWS::StackName` bound to `STACK_NAME_MARK`.
   */
  add(evaluator: Evaluator, nameEvaluator: Evaluator): number {
    const { template } = evaluator;
    const named: [string, Export][] = [];
    for (const [output, entry] of template.outputs) {
      const nameNode = child(child(entry.value, 'Export'), 'Name');
      if (!nameNode) continue;
      const name = nameEvaluator.value(nameNode);
      const item: Export = { template: template.path, output, value: child(entry.value, 'Value'), evaluator };
      for (const option of isOneOf(name) ? name.options : [name]) if (typeof option === 'string') named.push([option, item]);
    }
    for (const [name, item] of named) this.register(name, item);
    return named.length;
  }

  resolve(exportName: string, importer: string): Value {
    const expr = `!ImportValue ${exportName}`;
    const exact = (this.byName.get(exportName) ?? []).filter((item) => item.template !== importer);
    if (exact.length === 1) return this.valueOf(exact[0], expr);
    if (exact.length > 1) {
      const options = exact.map((item) => this.valueOf(item, expr));
      return { $kind: 'oneOf', options, reason: `Fn::ImportValue ${exportName} is exported by ${exact.map((item) => item.template).join(', ')}` };
    }
    // The stack name is not in the template: `${AWS::StackName}-X` is taken to be the export
    // `<anything>-X` imports, but only when exactly one template exports that suffix (no guessing
    // between stacks).
    const bySuffix = [...this.bySuffix]
      .filter(([suffix]) => exportName.length > suffix.length && exportName.endsWith(suffix))
      .flatMap(([, items]) => items.filter((item) => item.template !== importer));
    if (bySuffix.length === 1) return this.valueOf(bySuffix[0], expr);
    if (bySuffix.length > 1) {
      const templates = bySuffix.map((item) => item.template).join(', ');
      return unknown(expr, `export ${exportName} may be any of the \${AWS::StackName} exports of ${templates}`);
    }
    return unknown(expr, `no template in the scanned set exports ${exportName}`);
  }

  private register(name: string, item: Export): void {
    const marks = name.split(STACK_NAME_MARK).length - 1;
    if (marks === 0) push(this.byName, name, item);
    else if (marks === 1 && name.startsWith(STACK_NAME_MARK) && name.length > STACK_NAME_MARK.length) {
      push(this.bySuffix, name.slice(STACK_NAME_MARK.length), item);
    }
  }

  private valueOf(item: Export, expr: string): Value {
    const cached = this.values.get(item);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(item) || this.inProgress.size >= MAX_IMPORT_CHAIN) {
      return unknown(expr, `export chain through ${item.template} Outputs.${item.output} is circular or too long`);
    }
    if (!item.value) return unknown(expr, `${item.template} Outputs.${item.output} has no Value`);
    this.inProgress.add(item);
    try {
      const value = item.evaluator.value(item.value);
      this.values.set(item, value);
      return value;
    } catch (failure) {
      if (!(failure instanceof BudgetExceeded)) throw failure;
      return unknown(expr, `${item.template} exceeded its evaluation budget`);
    } finally {
      this.inProgress.delete(item);
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
