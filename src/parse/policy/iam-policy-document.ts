/**
 * Terraform `data "aws_iam_policy_document"` (evaluated attributes, nested blocks as arrays of
 * objects like `terraform show -json`) → AWS JSON policy shape, with the AWS provider's semantics:
 * `effect` defaults to Allow, principals of one type merge, conditions with the same test and
 * variable merge, `source_policy_documents` come first and are replaced by same-Sid statements,
 * `override_policy_documents` replace same-Sid statements and append the rest.
 */
import type { Value } from '../../model/types.js';
import { isRecord, isRef, isSymbolic, unknown } from '../../model/value.js';
import { sidOf, UNRESOLVED } from './normalize.js';

type JsonObject = { [key: string]: Value };

const DEFAULT_VERSION = '2012-10-17';

/** Terraform attribute → policy element, for the plain list elements. */
const LIST_ELEMENTS = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
] as const;

const PRINCIPAL_BLOCKS = [
  ['principals', 'Principal'],
  ['not_principals', 'NotPrincipal'],
] as const;

export function policyJsonFromDocument(attrs: Record<string, Value>, sources: { sourcePolicyDocuments: Value[]; overridePolicyDocuments: Value[] }): Value {
  const blocks = attrs.statement ?? [];
  if (isSymbolic(blocks)) {
    return isRef(blocks) ? unknown(`${blocks.address}.${blocks.attr}`, 'statement blocks are not known', [blocks]) : blocks;
  }
  const merged: Value[] = [];
  for (const source of sources.sourcePolicyDocuments) upsertAll(merged, statementsOf(source));
  upsertAll(merged, (Array.isArray(blocks) ? blocks : [blocks]).map(statementFromBlock));
  for (const override of sources.overridePolicyDocuments) upsertAll(merged, statementsOf(override));

  const policy: JsonObject = { Version: attrs.version ?? DEFAULT_VERSION };
  if (attrs.policy_id !== undefined && attrs.policy_id !== null) policy.Id = attrs.policy_id;
  policy.Statement = merged;
  return policy;
}

/** Adds statements in order; one whose non-empty Sid is already present replaces it in place. */
function upsertAll(target: Value[], statements: Value[]): void {
  for (const statement of statements) {
    const sid = sidOf(statement);
    const existing = sid === undefined ? -1 : target.findIndex((other) => sidOf(other) === sid);
    if (existing >= 0) target[existing] = statement;
    else target.push(statement);
  }
}

/**
 * The statements of a source/override document (JSON text or decoded). An unknown document stays
 * one unknown statement, which makes the normalised document partly unknown rather than wrong.
 */
function statementsOf(document: Value): Value[] {
  let decoded: Value = document;
  if (typeof document === 'string') {
    try {
      decoded = JSON.parse(document) as Value;
    } catch {
      return [unknown(document.slice(0, 80), 'policy document is not valid JSON')];
    }
  }
  if (isSymbolic(decoded)) return [decoded];
  if (!isRecord(decoded)) return [];
  const statements = decoded.Statement ?? [];
  return Array.isArray(statements) ? statements : [statements];
}

function statementFromBlock(block: Value): Value {
  if (!isRecord(block)) return block; // an unknown (dynamic) block stays unknown
  const statement: JsonObject = {};
  if (block.sid !== undefined && block.sid !== null && block.sid !== '') statement.Sid = block.sid;
  statement.Effect = block.effect ?? 'Allow';
  for (const [attribute, name] of PRINCIPAL_BLOCKS) {
    const principal = principalFromBlocks(block[attribute]);
    if (principal !== undefined) statement[name] = principal;
  }
  for (const [attribute, name] of LIST_ELEMENTS) {
    const value = block[attribute];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) statement[name] = value;
  }
  const condition = conditionFromBlocks(block.condition);
  if (condition !== undefined) statement.Condition = condition;
  return statement;
}

/** `principals { type identifiers }` blocks → `{type: [ids…]}`, merged by type; `*`/`["*"]` alone → `"*"`. */
function principalFromBlocks(blocks: Value | undefined): Value | undefined {
  if (blocks === undefined || blocks === null || (Array.isArray(blocks) && blocks.length === 0)) return undefined;
  if (!Array.isArray(blocks)) return blocks;
  const byType: JsonObject = {};
  for (const block of blocks) {
    const type = isRecord(block) && typeof block.type === 'string' ? block.type : UNRESOLVED;
    const identifiers = isRecord(block) ? (block.identifiers ?? []) : block;
    byType[type] = [...((byType[type] as Value[] | undefined) ?? []), ...listOf(identifiers)];
  }
  const types = Object.keys(byType);
  const everyone = byType['*'];
  const onlyStar = types.length === 1 && Array.isArray(everyone) && everyone.length === 1 && everyone[0] === '*';
  return onlyStar ? '*' : byType;
}

/** `condition { test variable values }` blocks → `{test: {variable: [values…]}}`, same test+variable merged. */
function conditionFromBlocks(blocks: Value | undefined): Value | undefined {
  if (blocks === undefined || blocks === null || (Array.isArray(blocks) && blocks.length === 0)) return undefined;
  if (!Array.isArray(blocks)) return blocks;
  const byTest: { [test: string]: JsonObject } = {};
  for (const block of blocks) {
    const test = isRecord(block) && typeof block.test === 'string' ? block.test : UNRESOLVED;
    const variable = isRecord(block) && typeof block.variable === 'string' ? block.variable : UNRESOLVED;
    const values = isRecord(block) ? (block.values ?? []) : block;
    byTest[test] ??= {};
    byTest[test][variable] = [...((byTest[test][variable] as Value[] | undefined) ?? []), ...listOf(values)];
  }
  return byTest;
}

function listOf(value: Value): Value[] {
  return Array.isArray(value) ? value : [value];
}
