/** The rule contract (cdk-nag style): one pure `check` per rule file, metadata beside it, one registry list. */
import type { AccessMap } from '../access/types.js';
import type { Config, Severity } from '../config/schema.js';
import type { InventoryDiff } from '../diff/types.js';
import type { Inventory } from '../inventory/types.js';
import type { ExternalUses } from '../model/external.js';
import type { Location, Resource } from '../model/types.js';

export type { Severity };
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Principle =
  | 'data-classification'
  | 'applications'
  | 'aws-services'
  | 'separation-of-duties'
  | 'blast-radius'
  | 'key-policy'
  | 'lifecycle'
  | 'governance'
  | 'change'
  | 'parse';

export interface Fix {
  /** The exact lines to replace (head side). */
  location: Location;
  /** Replacement text for those whole lines, indentation included. */
  replacement: string;
  /** One line: what the fix does. */
  description: string;
}

export interface Suppression {
  by: 'config' | 'inline' | 'pr';
  reason: string;
  author?: string;
  expires?: string;
  location?: Location;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Key id of the inventory, when the finding is about a key. */
  key?: string;
  /** Resource ids involved (consumers, policies, grants). */
  subjects: string[];
  /** One or two sentences a reviewer reads: the key, the evidence, what to do. */
  message: string;
  evidence: Record<string, unknown>;
  location?: Location;
  /** Stable across commits: rule + key identity + subject identity; never line numbers or file names. */
  fingerprint: string;
  fix?: Fix;
  suppressed?: Suppression;
}

/** What a rule returns: the engine adds severity (config overrides), fingerprint and suppression. */
export interface FindingDraft {
  key?: string;
  subjects?: string[];
  message: string;
  evidence?: Record<string, unknown>;
  location?: Location;
  /** Severity when it depends on the case (prod, classified data); otherwise the rule's default. */
  severity?: Severity;
  /** What makes this finding distinct within the rule and key (a principal, a consumer, a statement Sid). */
  identity?: string;
  fix?: Fix;
}

export interface RuleContext {
  inventory: Inventory;
  /** Every parsed resource (identity policies, alarms, event rules…). */
  resources: readonly Resource[];
  access: AccessMap;
  config: Config;
  /** The lines of a scanned file (0-based array), for fixes that keep the file's indentation and style. */
  sourceLines(file: string): readonly string[] | undefined;
  /** Other repositories' uses of this inventory's keys, from the organisation's key index (absent without one). */
  external?: ExternalUses;
}

/** Base and head of a change, each analysed, and what changed between them (change-hazard rules). */
export interface ChangeContext {
  base: RuleContext;
  head: RuleContext;
  diff: InventoryDiff;
}

/**
 * A rule checks one state (`check`: the repository as it is) or a change (`checkChange`: base vs
 * head, KMS501–KMS505); exactly one of the two is defined (a registry test checks it).
 */
export interface Rule {
  id: string;
  name: string;
  principle: Principle;
  defaultSeverity: Severity;
  /** One or two sentences: why this matters. */
  rationale: string;
  check?(ctx: RuleContext): FindingDraft[];
  checkChange?(ctx: ChangeContext): FindingDraft[];
}
