/** The key inventory: what the repository declares and uses, per key, with provenance. */
import type { CallerIdentity, LiveAccountRead, LiveKeyFacts } from '../live/types.js';
import type { PolicyDocument } from '../model/policy.js';
import type { Classifications, Location, Multiplicity, Problem, SourceKind, UnitInfo, Unknown, Value } from '../model/types.js';

/**
 * A statically known value, one of several known values (`!If [IsProd, 30, 7]`: the `reason` names
 * the condition, `options` follow its branches), or what is known about why it is not known.
 */
export type Known<T> = T | Choice<T> | Unknown;

/** A `OneOf` whose options are all known values of the field's type. */
export interface Choice<T> {
  $kind: 'oneOf';
  options: T[];
  reason: string;
}

export interface KeyPolicy {
  document: PolicyDocument;
  /** `inline` (the key's own policy attribute), or the id of the `aws_kms_key_policy` / module that sets it. */
  from: string;
  location: Location;
}

export interface Grant {
  id: string;
  grantee: Value;
  operations: Value;
  constraints: Value;
  retiringPrincipal?: Value;
  location: Location;
  /** Read from the account (ListGrants) by the live view, not declared in the repository. */
  live?: boolean;
}

export interface Consumer extends Classifications {
  /** Resource id `<unit>:<address>`. */
  resource: string;
  type: string;
  service: string;
  /** Dotted attribute path that holds the key reference. */
  attribute: string;
  purpose: string;
  /** Location of the key reference (the attribute), so annotations point at that line. */
  location: Location;
  replacementOnKeyChange: boolean;
  /** How the reference reached the key: `aws_kms_key.main.arn`, `alias alias/app-prod`, `ARN literal`… */
  via: string;
  multiplicity?: Multiplicity;
  /** Set when the resource may not exist or the key is one of several possible (Fn::If, count = cond ? 1 : 0). */
  conditional?: string;
  /**
   * `grant`: a dependency the live view found through the key's grants (one per grantee or per resource its grants name).
   * `module`: a call to a module the tool cannot read (registry, git, missing local path) that passes the key in an argument.
   */
  kind?: 'grant' | 'module';
  /** For a module consumer: the module it calls, as written (not read). */
  module?: ModuleUse;
  /** For grant consumers: the ids of the grants behind it. */
  grants?: string[];
}

export interface ModuleUse {
  source: string;
  version?: string;
}

export interface BlastRadius {
  consumers: number;
  services: number;
  workloads: number;
  environments: number;
  dataClasses: number;
  /** Consumers whose value of the dimension is unknown. */
  unknown: { workloads: number; environments: number; dataClasses: number };
  /** What stops working if the key is disabled or deleted, one line per consumer. */
  breaksIfDisabled: string[];
}

export interface Key extends Classifications {
  /** `<unit>:<address>` for declared keys; the ARN, alias or key id for keys only referenced. */
  id: string;
  declared: boolean;
  /** `customer` or `aws` (AWS managed keys `alias/aws/<service>`). */
  manager: 'customer' | 'aws';
  source?: SourceKind;
  type?: string;
  unit?: string;
  aliases: string[];
  /** For referenced keys: parsed from the ARN. */
  account?: string;
  region?: string;
  description?: Known<string>;
  spec: Known<string>;
  usage: Known<string>;
  origin: Known<string>;
  multiRegion: Known<boolean>;
  /** The primary key of a replica (its id when declared here, else the ARN). */
  primary?: string;
  rotation: { enabled: Known<boolean>; periodDays?: Known<number> };
  deletionWindowDays?: Known<number>;
  enabled: Known<boolean>;
  bypassLockoutSafetyCheck?: Known<boolean>;
  policy?: KeyPolicy;
  grants: Grant[];
  consumers: Consumer[];
  tags: Record<string, string>;
  multiplicity?: Multiplicity;
  protectedFromDeletion?: boolean;
  conditional?: string;
  location?: Location;
  /** Where each attribute is set, by normalised field name (`rotation`, `deletionWindow`, `policy`…). */
  attributeLocations: Record<string, Location>;
  blastRadius: BlastRadius;
  /** The key is scheduled for deletion in the account (live view): the date it will be deleted. */
  pendingDeletion?: { date?: string; windowDays?: number };
  /** What the account says about the key (live view, opt-in); declared fields are not overwritten by it. */
  live?: LiveKeyView;
}

/**
 * The account's view of a key, kept beside the declared fields so drift can be told (KMS600):
 * `DescribeKey`, rotation, tags and aliases as the account answers them; the policy parsed, the
 * grants counted, the multi-Region configuration as one field.
 */
export interface LiveKeyView
  extends Pick<
    LiveKeyFacts,
    'arn' | 'account' | 'region' | 'state' | 'enabled' | 'manager' | 'spec' | 'usage' | 'origin' | 'description' | 'rotation' | 'tags' | 'aliases'
  > {
  /** `PRIMARY` or `REPLICA` for a multi-Region key; absent for a single-Region one. */
  multiRegion?: { type: string; primaryArn?: string };
  policy?: PolicyDocument;
  /** Grants the account lists for the key. */
  grants?: number;
}

export interface Alias {
  name: string;
  /** Key id the alias points at, when resolved. */
  key?: string;
  resource?: string;
  location?: Location;
}

/** A key reference the inventory could not tie to a key: never dropped silently. */
export interface Unresolved {
  resource: string;
  type: string;
  attribute: string;
  location: Location;
  expr: string;
  reason: string;
}

/** A consumer protected by no customer managed key (AWS owned encryption or none). */
export interface WithoutCmk extends Classifications {
  resource: string;
  type: string;
  service: string;
  protection: 'aws-owned' | 'aws-managed' | 'unencrypted';
  location: Location;
}

export interface Inventory {
  keys: Key[];
  aliases: Alias[];
  unresolved: Unresolved[];
  withoutCmk: WithoutCmk[];
  units: UnitInfo[];
  problems: Problem[];
  /**
   * Set when the live view ran: how many keys it read, the API calls it made, the notes it left in
   * `problems`, the accounts and regions it looked keys up in, and — when the CLI read the caller's
   * own account (no `live.accounts`) — who STS said the caller is.
   */
  live?: { keys: number; calls: number; notes: number; accounts: LiveAccountRead[]; caller?: CallerIdentity };
}
