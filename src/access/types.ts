/** Effective access per key: who may do what, through which statement, grant or IAM policy, under which conditions. */
import type { ActionGroup } from '../catalog/actions.js';
import type { ConditionClause } from '../model/policy.js';
import type { Location } from '../model/types.js';

export type { ActionGroup };

export type PrincipalKind =
  /** `arn:aws:iam::<acct>:root` or a bare account id: the account, i.e. delegation to its IAM policies. */
  | 'account'
  /** An IAM role / user / assumed-role / identity ARN, or a resource address whose ARN is computed (`aws_iam_role.app`). */
  | 'iam'
  /** `Service: logs.amazonaws.com`. */
  | 'service'
  | 'federated'
  /** `*` or `{"AWS": "*"}`. */
  | 'wildcard'
  /** Could not be read statically (a variable without default…). */
  | 'unknown';

export interface Principal {
  kind: PrincipalKind;
  /** The ARN, service name, `*`, or the resource address (`aws_iam_role.app`) / expression text. */
  id: string;
  /** Account id when it can be read from the ARN. */
  account?: string;
  /** For `iam` principals given by reference: the resource id (`<unit>:<address>`), so messages can name the role. */
  resource?: string;
}

export type AccessVia =
  | { kind: 'key-policy'; statement: string /* Sid, or `#<index>` */; location?: Location }
  | { kind: 'grant'; grant: string /* resource id */; location?: Location }
  | { kind: 'iam'; policy: string /* resource id */; statement: string; location?: Location };

export interface AccessEntry {
  principal: Principal;
  /** Concrete KMS actions (`kms:Decrypt`…), wildcards expanded. */
  actions: string[];
  groups: ActionGroup[];
  via: AccessVia;
  /** All conditions of the granting statement (or the grant's constraints as conditions). */
  conditions: ConditionClause[];
  /** The condition keys among them that narrow who or how (`kms:CallerAccount`, `kms:ViaService`, `aws:PrincipalOrgID`…). */
  restrictedBy: string[];
}

export interface KeyAccess {
  key: string;
  /** Allowed access after explicit denies and SCP bounds are applied. */
  entries: AccessEntry[];
  /** Statements that deny (kept for explanations: a Deny with `*` is a guard). */
  denies: AccessEntry[];
  /** The key policy allows the account root, so IAM policies in that account can grant access. */
  delegatesToIam: boolean | 'unknown';
  /** Parts that could not be evaluated (unknown policy, unknown principals), in words. */
  unknowns: string[];
}

export type AccessMap = ReadonlyMap<string, KeyAccess>;
