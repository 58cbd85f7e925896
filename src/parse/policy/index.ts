/**
 * Policy JSON files (key policies, identity policies, SCPs) recognised by content: a `.json` file
 * with a top-level `Statement` that mentions a `kms:` action or `*`. Each becomes one
 * `policy_file` resource whose unit and address are the file path.
 */
import picomatch from 'picomatch';
import type { PolicyDocument, PolicyKind } from '../../model/policy.js';
import type { SourceFile } from '../../model/source.js';
import type { Location, ParseOutput, Resource, Value } from '../../model/types.js';
import { isRecord } from '../../model/value.js';
import { type LocatedDocument, parseLocatedDocument } from '../json-document.js';
import { isTerraformShowOutput } from '../plan/index.js';
import type { ParseContext, ParserPlugin } from '../plugin.js';
import { normalizePolicy, statementKeys } from './normalize.js';

export { policyJsonFromDocument } from './iam-policy-document.js';
export { normalizePolicy, parseOperator, policyProblems, statementKeys, UNRESOLVED } from './normalize.js';

// Cheap sniffs on the raw text; parsing confirms that `Statement` is top-level.
const STATEMENT = /"Statement"\s*:/;
const CLOUDFORMATION = /"AWSTemplateFormatVersion"\s*:|"Resources"\s*:/;

function claims(file: SourceFile): boolean {
  return (
    file.path.endsWith('.json') &&
    !file.path.endsWith('.tf.json') &&
    STATEMENT.test(file.text) &&
    !CLOUDFORMATION.test(file.text) &&
    !isTerraformShowOutput(file.text)
  );
}

function parse(claimed: SourceFile[], ctx: ParseContext): ParseOutput {
  const output: ParseOutput = { resources: [], problems: [], units: [] };
  const isScp = picomatch(ctx.scpPaths, { dot: true });
  for (const file of claimed) {
    const result = parseLocatedDocument(file, ctx.limits);
    if (!result.ok) {
      output.problems.push(result.problem);
      continue;
    }
    const resource = policyResource(file.path, result.doc, isScp(file.path));
    if (!resource) continue;
    output.resources.push(resource);
    output.units.push({ id: file.path, source: 'policy', path: file.path, files: [file.path] });
  }
  return output;
}

export const policyParser: ParserPlugin = { name: 'policy', selfContained: true, claims, parse };

/** The file as a `policy_file` resource, or undefined when it is not a policy that concerns KMS. */
function policyResource(path: string, doc: LocatedDocument, scp: boolean): Resource | undefined {
  if (!isRecord(doc.value) || doc.value.Statement === undefined) return undefined;
  const document = normalizePolicy(doc.value);
  const actions = document.statements.flatMap((s) => [...(s.action ?? []), ...(s.notAction ?? [])]);
  if (!actions.some(concernsKms)) return undefined;
  return {
    id: `${path}:${path}`,
    source: 'policy',
    type: 'policy_file',
    mode: 'managed',
    address: path,
    unit: path,
    attrs: { document: doc.value, kind: policyKind(document, scp) },
    tags: {},
    location: doc.whole,
    attrLocations: statementLocations(doc),
  };
}

/** `kms:…` (action names are case-insensitive) or a bare `*`. */
function concernsKms(action: Value): boolean {
  return typeof action === 'string' && (action === '*' || action.toLowerCase().startsWith('kms:'));
}

function policyKind(document: PolicyDocument, scp: boolean): PolicyKind {
  if (!document.statements.some((s) => s.principal || s.notPrincipal)) return scp ? 'scp' : 'identity';
  return document.statements.some((s) => (s.action ?? []).some(concernsKms)) ? 'key' : 'resource';
}

/** `Statement` and each statement under its `statementKeys` key. */
function statementLocations(doc: LocatedDocument): Record<string, Location> {
  const locations: Record<string, Location> = {};
  const whole = doc.locate(['Statement']);
  if (!whole) return locations;
  locations.Statement = whole;
  const raw = isRecord(doc.value) ? doc.value.Statement : undefined;
  statementKeys(raw).forEach((key, index) => {
    const location = Array.isArray(raw) ? doc.locate(['Statement', index]) : whole;
    if (location) locations[key] = location;
  });
  return locations;
}

/** A `policy_file` resource's document in normal form, each statement with its line range. */
export function policyFileDocument(resource: Resource): PolicyDocument {
  const raw = resource.attrs.document;
  const keys = statementKeys(isRecord(raw) ? raw.Statement : undefined);
  return normalizePolicy(
    raw,
    resource.location,
    keys.map((key) => resource.attrLocations[key]),
  );
}
