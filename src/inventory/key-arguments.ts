/**
 * Every value, at any depth (maps, lists, objects, both options of a choice), that may reference a
 * key: in the arguments of a call to a module the tool cannot read (registry, git, missing local
 * path), which is an opaque consumer of each key it passes; and in the key-named attributes of a
 * resource that the consumer catalogue does not list, which are never dropped either.
 */
import { moduleKeyInputPattern } from '../catalog/consumers.js';
import type { Value } from '../model/types.js';
import { isOneOf, isRecord, isRef, isUnknown } from '../model/value.js';
import { walkAttributes } from '../model/walk.js';
import { parseKeyReference } from './key-reference.js';

export interface KeyArgument {
  /** Dotted path without list indexes: `server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id`. */
  path: string;
  value: Value;
  /**
   * `named`: the argument is named like a key input (`kms_key_id`, `kms_master_key_id`…): whatever
   * it holds is a key reference, reported as unresolved when it cannot be followed.
   * `candidate`: another argument whose value has the shape of a key reference (a reference, a
   * key or alias ARN): a consumer only when it resolves to a key.
   */
  kind: 'named' | 'candidate';
}

/** Call arguments that configure the call, and free-form maps whose entries are the user's names. */
const NOT_ARGUMENTS = new Set(['source', 'version', 'providers', 'tags', 'tags_all', 'Tags']);
/** CloudFormation's spelling: `KmsKeyId`, `KMSMasterKeyID`, `SSEKMSKeyId`, `KmsKeyArn`, `KMSKey`. */
const PASCAL_KEY_NAME = /^[A-Za-z0-9]*K[Mm][Ss](?:Master)?Key(?:I[Dd]|Arn|ARN)?$/;
const MAX_ARGUMENTS = 2000;
/** A string template with literal text (`"orders, encrypted with ${…}"`) mentions a key; it is not a reference to one. */
const TEXT_TEMPLATE = /^(?:"|<<)/;
const KMS_ARN_TEMPLATE = /^"arn:[^"]*:kms:/;
const KEYISH_NAME = /key/i;

export function keyArguments(attrs: Record<string, Value>): KeyArgument[] {
  const out: KeyArgument[] = [];
  walkAttributes(
    attrs,
    (value, path, name) => {
      if (isKeyName(name)) {
        if (value !== null && value !== '' && typeof value !== 'boolean' && typeof value !== 'number') out.push({ path, value, kind: 'named' });
      } else if (mayReferenceKey(value, name)) out.push({ path, value, kind: 'candidate' });
    },
    {
      skip: (name, top) => top && NOT_ARGUMENTS.has(name),
      // A choice between objects is walked into; a choice between references is one argument.
      intoChoice: (choice) => choice.options.some((o) => Array.isArray(o) || isRecord(o)),
      done: () => out.length >= MAX_ARGUMENTS,
    },
  );
  return out;
}

/** `kms_key_id`, `cloudwatch_kms_key_arn`, `KmsKeyId`…; not `create_kms_key` nor `kms_key_deletion_window_in_days`. */
export function isKeyName(name: string): boolean {
  return moduleKeyInputPattern.test(name) || PASCAL_KEY_NAME.test(name);
}

/** A reference, a choice, an expression over references (not a text that mentions one), or a key / alias ARN. */
function mayReferenceKey(value: Value, leaf: string): boolean {
  if (isRef(value)) return true;
  if (isOneOf(value)) return value.options.some((o) => mayReferenceKey(o, leaf));
  if (isUnknown(value)) return (value.refs ?? []).length > 0 && (!TEXT_TEMPLATE.test(value.expr) || KMS_ARN_TEMPLATE.test(value.expr));
  if (typeof value !== 'string') return false;
  const literal = parseKeyReference(value);
  if (literal.kind === 'key-arn' || (literal.kind === 'alias' && literal.arn)) return true;
  // A bare alias name or key id is a key only where the argument says so (`key = "alias/orders"`).
  return (literal.kind === 'alias' || literal.kind === 'key-id') && KEYISH_NAME.test(leaf);
}
