/**
 * The live account view as plain data: what `LiveKeySource` read from KMS for the keys of an
 * inventory, and the notes of what it could not read. No I/O here; `enrichInventory` consumes it.
 */

/** A grant as ListGrants returns it (the fields the review uses). */
export interface LiveGrant {
  grantId: string;
  name?: string;
  granteePrincipal?: string;
  retiringPrincipal?: string;
  operations: string[];
  constraints?: { encryptionContextEquals?: Record<string, string>; encryptionContextSubset?: Record<string, string> };
  issuingAccount?: string;
  creationDate?: string;
}

/** One key as the account shows it. Absent fields were not readable (see the notes). */
export interface LiveKeyFacts {
  arn: string;
  keyId: string;
  account: string;
  region: string;
  /** `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, `Unavailable`, `Creating`, `Updating`, `PendingReplicaDeletion`. */
  state: string;
  enabled: boolean;
  /** `AWS` or `CUSTOMER`. */
  manager?: string;
  spec?: string;
  usage?: string;
  origin?: string;
  description?: string;
  multiRegion?: boolean;
  /** `PRIMARY` or `REPLICA`. */
  multiRegionKeyType?: string;
  primaryArn?: string;
  /** ISO date-time; set when the key is pending deletion. */
  deletionDate?: string;
  pendingDeletionWindowDays?: number;
  rotation?: { enabled: boolean; periodDays?: number };
  /** The key policy as JSON text (GetKeyPolicy, policy name `default`). */
  policy?: string;
  aliases?: string[];
  tags?: Record<string, string>;
  grants?: LiveGrant[];
}

export type LiveNoteKind = 'no-credentials' | 'access-denied' | 'throttled' | 'budget' | 'not-found' | 'not-configured' | 'error';

/** What the live view could not do: a value, reported as a KMS000 info note; the static review goes on. */
export interface LiveNote {
  kind: LiveNoteKind;
  /** Inventory key id the note is about, when it is about one key. */
  key?: string;
  message: string;
}

export interface LiveFacts {
  /** Inventory key id → what the account says about that key. */
  keys: Record<string, LiveKeyFacts>;
  notes: LiveNote[];
  /** API calls made in this run (cache hits cost none; STS GetCallerIdentity counts). */
  calls: number;
  /** The accounts and regions keys were looked up in (sorted). */
  accounts?: LiveAccountRead[];
  /** Set when the CLI read the caller's own account (no `live.accounts`): who STS says the credentials are. */
  caller?: CallerIdentity;
}

/** Who the credentials are: STS `GetCallerIdentity`. */
export interface CallerIdentity {
  account: string;
  arn: string;
}

/** An account and the regions the live view looked keys up in. */
export interface LiveAccountRead {
  account: string;
  regions: string[];
}

/** Where the source looks a key up: a KMS `KeyId` (key ARN or alias ARN) in an account and region. */
export interface LiveTarget {
  /** Inventory key id. */
  key: string;
  keyId: string;
  account: string;
  region: string;
}
