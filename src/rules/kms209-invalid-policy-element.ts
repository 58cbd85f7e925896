/** KMS209: policy elements KMS does not understand: unknown actions, malformed conditions, bad kms:ViaService values. */
import { collectIdentityPolicies } from '../access/index.js';
import { expandActionPattern, isKnownAction } from '../catalog/actions.js';
import { KEY_POLICY_TYPE, KEY_TYPES } from '../catalog/keys.js';
import type { Key } from '../inventory/types.js';
import type { ConditionClause, Statement } from '../model/policy.js';
import type { Location, Resource, Value } from '../model/types.js';
import { policyFileDocument } from '../parse/policy/index.js';
import { normalizePolicy, policyProblems, UNRESOLVED } from '../parse/policy/normalize.js';
import { keyOfPolicyHolder } from './support/lookup.js';
import { addressOf, keyName, statementLocation } from './support/policy.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

const OPERATORS = new Set(
  [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
    'Bool',
    'BinaryEquals',
    'IpAddress',
    'NotIpAddress',
    'ArnEquals',
    'ArnLike',
    'ArnNotEquals',
    'ArnNotLike',
    'Null',
  ].map((o) => o.toLowerCase()),
);

/** KMS condition keys (lower case); entries ending in `:` are prefixes that need a name after them. */
const KMS_CONDITION_KEYS = [
  'kms:bypasspolicylockoutsafetycheck',
  'kms:calleraccount',
  'kms:customermasterkeyspec',
  'kms:customermasterkeyusage',
  'kms:datakeypairspec',
  'kms:encryptionalgorithm',
  'kms:encryptioncontext:',
  'kms:encryptioncontextkeys',
  'kms:expirationmodel',
  'kms:grantconstrainttype',
  'kms:grantisforawsresource',
  'kms:grantoperations',
  'kms:granteeprincipal',
  'kms:keyagreementalgorithm',
  'kms:keyorigin',
  'kms:keyspec',
  'kms:keyusage',
  'kms:macalgorithm',
  'kms:messagetype',
  'kms:multiregion',
  'kms:multiregionkeytype',
  'kms:primaryregion',
  'kms:reencryptonsamekey',
  'kms:recipientattestation:',
  'kms:replicaregion',
  'kms:requestalias',
  'kms:resourcealiases',
  'kms:retiringprincipal',
  'kms:rotationperiodindays',
  'kms:schedulekeydeletionpendingwindowindays',
  'kms:signingalgorithm',
  'kms:validto',
  'kms:viaservice',
  'kms:wrappingalgorithm',
  'kms:wrappingkeyspec',
];
const CONDITION_KEY_FORMAT = /^[a-zA-Z0-9-]+:[^\s]+$/;
const VIA_SERVICE = /^[a-z0-9-]+\.[a-z]{2}(-[a-z]+)+-\d+\.amazonaws\.com$/;

/** A policy document some resource holds, and what it belongs to. */
interface HeldPolicy {
  resource: Resource;
  raw: Value;
  statements: Statement[];
  location: Location;
  /** The key whose policy it is. */
  key?: Key;
  /** Policy files locate each statement; others are located by Sid inside `location`. */
  locateProblem(label: string): Location;
}

export const kms209: Rule = {
  id: 'KMS209',
  name: 'invalid-policy-element',
  principle: 'key-policy',
  defaultSeverity: 'medium',
  rationale:
    'A misspelt action, condition operator or key, or a kms:ViaService value that names no service endpoint, silently makes a statement allow or deny something other than intended.',
  check(ctx) {
    return heldPolicies(ctx).flatMap((policy) => {
      const problems = [...policyProblems(policy.raw), ...policy.statements.flatMap((s, i) => statementProblems(s, i))];
      return problems.map((problem): FindingDraft => {
        const owner = policy.key ? `Policy of key ${keyName(policy.key)}` : `Policy ${addressOf(policy.resource.id)}`;
        const label = problem.split(':')[0];
        return {
          ...(policy.key ? { key: policy.key.id } : {}),
          subjects: [policy.resource.id],
          identity: `${addressOf(policy.resource.id)}|${problem}`,
          message: `${owner}, ${readable(problem)}. Fix the element: AWS ignores or rejects what it does not understand, so the statement does not do what it says.`,
          evidence: { policy: policy.resource.id, problem },
          location: policy.locateProblem(label),
        };
      });
    });
  },
};

/** `Statement.Sid: …` → `statement "Sid": …`, as a reviewer reads it. */
function readable(problem: string): string {
  return problem.replace(/^Statement\.([^:]+):/, (_, name: string) => (/^\d+$/.test(name) ? `statement #${name}:` : `statement "${name}":`));
}

function statementProblems(statement: Statement, index: number): string[] {
  const label = statement.sid ? `Statement.${statement.sid}` : `Statement.${index}`;
  const problems: string[] = [];
  for (const action of [...(statement.action ?? []), ...(statement.notAction ?? [])]) {
    if (typeof action !== 'string' || !/^kms:/i.test(action)) continue;
    if (/[*?]/.test(action)) {
      if (expandActionPattern(action).length === 0) problems.push(`${label}: action pattern "${action}" matches no KMS action`);
    } else if (!isKnownAction(action)) problems.push(`${label}: unknown action "${action}"`);
  }
  for (const clause of statement.conditions) problems.push(...conditionProblems(clause).map((p) => `${label}: ${p}`));
  return problems;
}

function conditionProblems(clause: ConditionClause): string[] {
  if (clause.key === UNRESOLVED) return [];
  const problems: string[] = [];
  if (!OPERATORS.has(clause.base.toLowerCase()) || (clause.ifExists && clause.base.toLowerCase() === 'null')) {
    problems.push(`condition operator "${clause.operator}" is not a valid operator`);
  }
  const key = clause.key.toLowerCase();
  if (!CONDITION_KEY_FORMAT.test(clause.key)) problems.push(`condition key "${clause.key}" is malformed`);
  else if (key.startsWith('kms:') && !KMS_CONDITION_KEYS.some((k) => (k.endsWith(':') ? key.startsWith(k) && key.length > k.length : key === k))) {
    problems.push(`condition key "${clause.key}" is not a KMS condition key`);
  }
  if (key === 'kms:viaservice') {
    for (const value of clause.values) {
      if (typeof value === 'string' && !/[*?]/.test(value) && !VIA_SERVICE.test(value)) {
        problems.push(`kms:ViaService value "${value}" is not <service>.<region>.amazonaws.com`);
      }
    }
  }
  return problems;
}

/** Key policies (inline and `aws_kms_key_policy`), identity policies and policy files. */
function heldPolicies(ctx: RuleContext): HeldPolicy[] {
  const policyAttribute: Record<string, string> = {
    ...Object.fromEntries(KEY_TYPES.flatMap((spec) => (spec.attributes.policy ? [[spec.type, spec.attributes.policy]] : []))),
    [KEY_POLICY_TYPE.type]: KEY_POLICY_TYPE.attributes.policy,
  };
  const held: HeldPolicy[] = [];
  const located = (resource: Resource, location: Location, statements: Statement[]) => (label: string) => {
    const statement = statements.find((s, i) => label === `Statement.${s.sid ?? i}`);
    return statement?.location ?? statementLocation(ctx, location, label.startsWith('Statement.') ? statement?.sid : undefined) ?? resource.location;
  };
  for (const resource of ctx.resources) {
    if (resource.mode !== 'managed') continue;
    const attribute = policyAttribute[resource.type];
    const raw = attribute ? resource.attrs[attribute] : undefined;
    if (raw !== undefined && raw !== null) {
      const location = resource.attrLocations[attribute as string] ?? resource.location;
      const statements = normalizePolicy(raw, location).statements;
      const key = keyOfPolicyHolder(ctx.inventory.keys, resource.id);
      held.push({ resource, raw, statements, location, ...(key ? { key } : {}), locateProblem: located(resource, location, statements) });
    }
    if (resource.type === 'policy_file' && resource.attrs.kind !== 'identity') {
      const statements = policyFileDocument(resource).statements;
      held.push({
        resource,
        raw: resource.attrs.document ?? null,
        statements,
        location: resource.location,
        locateProblem: (label) => resource.attrLocations[label] ?? resource.location,
      });
    }
  }
  for (const policy of collectIdentityPolicies(ctx.resources)) {
    const statements = policy.document.statements;
    const locateProblem =
      policy.resource.type === 'policy_file'
        ? (label: string) => policy.resource.attrLocations[label] ?? policy.location
        : located(policy.resource, policy.location, statements);
    held.push({ resource: policy.resource, raw: policy.raw, statements, location: policy.location, locateProblem });
  }
  return held;
}
