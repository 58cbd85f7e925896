/** A proposal to split an over-shared key into per-workload (environment, data class) keys. */
import type { Location } from '../model/types.js';

export interface SplitGroup {
  /** Known values of the dimensions the split is made on; unknown dimensions are absent. */
  environment?: string;
  workload?: string;
  dataClass?: string;
  /** The service(s) the group was split out for (`s3`, `dynamodb+s3`), when environment, workload and data class were not enough. */
  service?: string;
  /** Consumer resource ids in this group. */
  consumers: string[];
}

export interface NewKey {
  /** Resource name / logical id of the proposed key (`orders_prod`, `OrdersProdKey`). */
  name: string;
  alias: string;
  tags: Record<string, string>;
  group: SplitGroup;
  /** Principals allowed to use the new key, and where they came from. */
  users: { principal: string; from: string }[];
  administrators: { principal: string; from: string }[];
  multiRegion: boolean;
  notes: string[];
  /** Unit (TF root / CFN template) the key is declared in, and the file the generated code goes to. */
  unit?: string;
  file?: string;
  /** The key policy statements of the new key (IAM JSON shape, values as the source writes them). */
  policy?: PolicyStatement[];
}

/** One key policy statement of a proposed key; `${...}` in strings are kept as the source writes them. */
export interface PolicyStatement {
  Sid?: string;
  Effect: string;
  Principal: Record<string, string | string[]>;
  Action: string | string[];
  Resource: string;
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface ConsumerEdit {
  resource: string;
  attribute: string;
  location: Location;
  /** The reference written today and the one to write. */
  before: string;
  after: string;
  /** The whole source lines `location` covers, today and after the edit (what the patch changes). */
  lines?: { before: string[]; after: string[] };
}

export interface MigrationStep {
  resource: string;
  service: string;
  /** `in-place`: point at the new key and apply; `replacement`: the resource is re-created — data must be moved. */
  kind: 'in-place' | 'replacement' | 'new-data-only';
  /** What to do, in order, in the reviewer's words. */
  steps: string[];
  /** The key attribute(s) of the resource that change, and the new key's alias. */
  attributes?: string[];
  newKey?: string;
  /** Set when the patch does not move this consumer (module input, other root, no generated code): why, and what to do by hand. */
  manual?: string;
}

export interface SplitPlan {
  key: string;
  /** Dimensions used to group (only those with known values), and those unknown with how to tell the tool. */
  dimensions: ('environment' | 'workload' | 'dataClass')[];
  unknown: { dimension: string; consumers: string[]; howToTell: string }[];
  groups: SplitGroup[];
  newKeys: NewKey[];
  edits: ConsumerEdit[];
  /** Generated files (path → content) and the unified patch that applies everything with `git apply`. */
  files: Record<string, string>;
  patch: string;
  migration: MigrationStep[];
  /** Why there is no split (one group only, no known dimension…), when `groups.length < 2`. */
  reason?: string;
  /** Things the generated code does not do and a reviewer must (module-declared keys, IAM policies naming the old key…). */
  notes?: string[];
}
