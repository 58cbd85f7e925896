/** Base vs head: what a change does to the keys, their consumers, their access and the findings. */
import type { ActionGroup } from '../access/types.js';
import type { BlastRadius } from '../inventory/types.js';
import type { Classified, Location } from '../model/types.js';
import type { Finding } from '../rules/types.js';

export interface AttributeChange {
  /** Normalised field: `spec`, `usage`, `origin`, `multiRegion`, `rotation.enabled`, `rotation.periodDays`, `deletionWindowDays`, `enabled`, `policy`, `tags.<name>`… */
  field: string;
  before: unknown;
  after: unknown;
  baseLocation?: Location;
  headLocation?: Location;
}

export interface ConsumerChange {
  /** Resource id (`<unit>:<address>`) and attribute of the key reference. */
  resource: string;
  attribute: string;
  change: 'added' | 'removed' | 'moved';
  /** For `moved`: the key before and after; for added/removed: the key concerned. */
  fromKey?: string;
  toKey?: string;
  location?: Location;
  /** For `moved`: the reference's location on the base side (`location` is the head's). */
  baseLocation?: Location;
  replacementOnKeyChange: boolean;
  /** The consumer's service (`rds`, `s3`…), from the side that has it (the head's when both do). */
  service?: string;
}

export interface AccessChange {
  /** Principal id as in `access/types.ts` (`arn:aws:iam::…:role/x`, `aws_iam_role.app`, `*`). */
  principal: string;
  group: ActionGroup;
  change: 'added' | 'removed';
  /** How the access is granted on the side that has it (Sid / grant / IAM policy). */
  via: string;
  location?: Location;
  /** Principal kind (`account`, `iam`, `service`, `wildcard`…) as in `access/types.ts`. */
  principalKind?: string;
  /** Condition keys that narrow the access on the side that has it (`kms:ViaService`, `aws:PrincipalOrgID`…); empty: unconditioned. */
  restrictedBy?: string[];
}

export interface KeyDiff {
  /** Head key id (base id for removed keys). */
  key: string;
  /** Base key id when it differs (a renamed resource with a `moved {}` block). */
  baseKey?: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  aliases: { added: string[]; removed: string[] };
  attributes: AttributeChange[];
  consumers: ConsumerChange[];
  access: AccessChange[];
  classification: { dimension: 'environment' | 'workload' | 'dataClass' | 'owner'; before: Classified; after: Classified }[];
  blastRadius: { before: BlastRadius | null; after: BlastRadius | null };
  /**
   * Distinct values newly reached by an existing key (what KMS505 reports): in the head's consumers,
   * not in the base's. Always empty for an added or removed key (a new key grows nothing).
   */
  gained: { environments: string[]; workloads: string[]; dataClasses: string[]; services: string[] };
}

export interface InventoryDiff {
  keys: KeyDiff[];
  /** Aliases whose target key changed. */
  aliasesRetargeted: { alias: string; fromKey?: string; toKey?: string; location?: Location }[];
  /** Base key id → head key id for keys renamed by a Terraform `moved {}` block (also used to match findings). */
  renamedKeys?: Record<string, string>;
}

export interface FindingsDiff {
  new: Finding[];
  fixed: Finding[];
  unchanged: Finding[];
}
