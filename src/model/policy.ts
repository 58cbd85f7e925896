/** A policy document in normal form: every single-or-list element is a list; locations kept per statement. */
import type { Location, Value } from './types.js';

export type PolicyKind = 'key' | 'identity' | 'scp' | 'resource';

export interface PrincipalSet {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for the bare `"Principal": "*"`. */
  [type: string]: Value[];
}

export interface ConditionClause {
  /** Operator as written, e.g. `StringEquals`, `ForAnyValue:StringLike`, `ArnLikeIfExists`. */
  operator: string;
  /** Parsed operator. */
  base: string;
  ifExists: boolean;
  setOperator?: 'ForAnyValue' | 'ForAllValues';
  key: string;
  values: Value[];
}

export interface Statement {
  sid?: string;
  effect: 'Allow' | 'Deny' | Value;
  principal?: PrincipalSet;
  notPrincipal?: PrincipalSet;
  action?: Value[];
  notAction?: Value[];
  resource?: Value[];
  notResource?: Value[];
  conditions: ConditionClause[];
  location?: Location;
}

export interface PolicyDocument {
  version?: string;
  statements: Statement[];
  /** Set when the document itself could not be read statically (e.g. policy = var.policy). */
  unknown?: string;
  location?: Location;
}
