/** A statement's Action / NotAction → the concrete KMS actions it covers, and their duty groups. */
import { type ActionGroup, actionGroup, expandActionPattern, KMS_ACTION_NAMES } from '../catalog/actions.js';
import type { Statement } from '../model/policy.js';
import type { Value } from '../model/types.js';
import { describeValue } from '../model/value.js';

const ALL_ACTIONS = KMS_ACTION_NAMES.map((name) => `kms:${name}`);
const GROUP_ORDER: readonly ActionGroup[] = ['admin', 'policy', 'grant', 'usage', 'read'];

export interface StatementActions {
  actions: string[];
  /** Action values not known statically. */
  unknown: string[];
}

/** Statements are shared by every key they are checked against: expanded once each. */
const expanded = new WeakMap<Statement, StatementActions>();

/** The result is shared between callers: read it, do not change it. */
export function statementActions(statement: Statement): StatementActions {
  let known = expanded.get(statement);
  if (!known) {
    known = expandStatement(statement);
    expanded.set(statement, known);
  }
  return known;
}

function expandStatement(statement: Statement): StatementActions {
  const unknown: string[] = [];
  const expand = (values: readonly Value[]) => {
    const covered = new Set<string>();
    for (const value of values) {
      if (typeof value === 'string') for (const action of expandActionPattern(value)) covered.add(action);
      else unknown.push(`action ${describeValue(value)}`);
    }
    return covered;
  };
  if (statement.notAction) {
    const excluded = expand(statement.notAction);
    return { actions: ALL_ACTIONS.filter((a) => !excluded.has(a)), unknown };
  }
  const covered = expand(statement.action ?? []);
  return { actions: ALL_ACTIONS.filter((a) => covered.has(a)), unknown };
}

/** Grant operations (`Decrypt`, no prefix) → `kms:Decrypt`. */
export function grantActions(operations: readonly string[]): string[] {
  const covered = new Set(operations.flatMap((op) => expandActionPattern(`kms:${op}`)));
  return ALL_ACTIONS.filter((a) => covered.has(a));
}

export function groupsOf(actions: readonly string[]): ActionGroup[] {
  const groups = new Set(actions.map(actionGroup));
  return GROUP_ORDER.filter((g) => groups.has(g));
}

export function coversAllActions(actions: readonly string[]): boolean {
  return actions.length === ALL_ACTIONS.length;
}
