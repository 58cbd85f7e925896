/**
 * The data shapes that flow through the pipeline (see DESIGN.md).
 * Every stage takes and returns these plain, JSON- and structured-clone-safe objects.
 */

/** A place in the scanned tree. Lines are 1-based and inclusive; paths are relative with `/`. */
export interface Location {
  file: string;
  startLine: number;
  endLine: number;
}

/** A value the static analysis could not determine (a variable without default, a computed attribute…). */
export interface Unknown {
  $kind: 'unknown';
  /** The source expression, shortened, so messages can quote it. */
  expr: string;
  /** Why it is unknown, e.g. "variable kms_key_arn has no default". */
  reason: string;
  /** References met inside the expression, kept so the inventory can still say what it depends on. */
  refs?: Ref[];
}

/**
 * A reference to another object's attribute that stays symbolic: `aws_kms_key.main.arn`,
 * `module.kms.key_arn`, CloudFormation `!GetAtt DataKey.Arn` / `!Ref DataKey`.
 */
export interface Ref {
  $kind: 'ref';
  /** The unit the target lives in (TF root instance or CFN template path). */
  unit: string;
  /** Resource address within the unit: `aws_kms_key.main`, `module.kms.aws_kms_key.this`, `data.aws_kms_alias.x`, CFN logical id. */
  address: string;
  /** Attribute read: `arn`, `key_id`, `id`, `name`, `target_key_arn`; CFN `Arn`, `KeyId`, or `Ref` for `!Ref`. */
  attr: string;
  /** The instance of a `for_each` / `count` resource (`aws_kms_key.k["a"]` → `"a"`), when static. */
  instance?: string | number;
}

/** Several possible values (CloudFormation `Fn::If` branches, `AllowedValues`). */
export interface OneOf {
  $kind: 'oneOf';
  options: Value[];
  /** Why there are several, e.g. "Fn::If IsProd". */
  reason: string;
}

export type Scalar = string | number | boolean | null;
export type Value = Scalar | Value[] | { [key: string]: Value } | Unknown | Ref | OneOf;

export type SourceKind = 'terraform' | 'cloudformation' | 'policy' | 'plan';

/** How many real objects one declared resource stands for. */
export interface Multiplicity {
  kind: 'count' | 'for_each';
  /** Instance keys where they are static (`["a","b"]`, or `[0,1,2]` for a static count); absent when unknown. */
  keys?: (string | number)[];
}

export interface Resource {
  /** `<unit>:<address>`, unique in the scanned tree. */
  id: string;
  source: SourceKind;
  /** Provider type: `aws_kms_key`, `AWS::KMS::Key`, `policy_file`… Data sources keep their type; `mode` tells them apart. */
  type: string;
  mode: 'managed' | 'data';
  /** Address within the unit: `aws_kms_key.main`, `module.app.aws_s3_bucket.b`, `data.aws_kms_key.shared`, CFN logical id. */
  address: string;
  /** Terraform root (instance) folder or CloudFormation template path. */
  unit: string;
  attrs: Record<string, Value>;
  /** Static tags of the resource (unknown values dropped); `defaultTags` are the provider's. */
  tags: Record<string, string>;
  defaultTags?: Record<string, string>;
  location: Location;
  /** Location of attributes and nested blocks by dotted path (`policy`, `server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id`). List indexes are omitted from paths. */
  attrLocations: Record<string, Location>;
  multiplicity?: Multiplicity;
  /** Terraform `lifecycle.prevent_destroy`, CloudFormation `DeletionPolicy: Retain`. */
  protectedFromDeletion?: boolean;
  /** The AWS region the resource lives in, when static (Terraform provider `region`). */
  region?: string;
  /** A friendly name: CDK `aws:cdk:path`, module call path… */
  displayName?: string;
  /** CloudFormation `Condition` / Terraform `count = var.x ? 1 : 0`: the resource may not exist. */
  conditional?: string;
}

/** A parse or read problem: reported as KMS000, never thrown. */
export interface Problem {
  rule: 'KMS000';
  message: string;
  location: Location;
}

/** What a unit is deployed as; named tfvars files, workspaces and terragrunt folders make one root several units. */
export interface UnitInfo {
  id: string;
  source: SourceKind;
  /** Folder (TF) or template file (CFN) the unit is read from. */
  path: string;
  /** Environment implied by how the unit is deployed (tfvars file name, workspace, terragrunt folder), if any. */
  environment?: { value: string; detail: string };
  /** Files that make up the unit (its `.tf`, tfvars, module files, referenced policy files). */
  files: string[];
}

export interface ParseOutput {
  resources: Resource[];
  problems: Problem[];
  units: UnitInfo[];
}

/** Where a classification came from; explanations quote `detail`. */
export type Provenance = 'tag' | 'key-tag' | 'default-tags' | 'config' | 'path' | 'name' | 'workspace' | 'plan' | 'live';
export interface Classification {
  value: string;
  from: Provenance;
  /** e.g. `tag Environment=prod on aws_s3_bucket.data`, `path envs/prod/`. */
  detail: string;
}
export type Classified = Classification | null;

export interface Classifications {
  environment: Classified;
  workload: Classified;
  dataClass: Classified;
  owner: Classified;
}
export type Dimension = keyof Classifications;
export const DIMENSIONS: Dimension[] = ['environment', 'workload', 'dataClass', 'owner'];
