/**
 * What other repositories of the organisation do with this repository's keys, read from the key
 * index (src/index/) by a door before the review runs, and handed to the pipeline as plain data.
 */

/** A resource in another repository that uses the key. */
export interface ExternalConsumer {
  resource: string;
  type: string;
  service: string;
  attribute: string;
  file: string;
  line: number;
  environment: string | null;
  workload: string | null;
  dataClass: string | null;
}

/** Another repository that uses (or declares) one of this repository's keys, at its indexed commit. */
export interface ExternalRepository {
  repository: string;
  commit: string;
  /** It declares the key itself (the owning repository), besides any consumers it has. */
  declares: boolean;
  /** How its reference matched the key, in words: `alias alias/shared-prod in 111122223333 eu-west-1`. */
  match: string;
  consumers: ExternalConsumer[];
}

export interface ExternalUses {
  /** By key id of this repository's inventory; a key with no entry is used by no other indexed repository. */
  keys: Record<string, ExternalRepository[]>;
  /** Repositories in the index (besides this one), for "none of the N other repositories use it". */
  repositories: number;
  /** The index could not be read: why (the review goes on without it, and says so). */
  unavailable?: string;
}

/** Consumers of a key elsewhere, and the repositories they are in (one that only declares the key has none). */
export function externalCount(repos: readonly ExternalRepository[] | undefined): { consumers: number; repositories: number } {
  const list = repos ?? [];
  return { consumers: list.reduce((n, r) => n + r.consumers.length, 0), repositories: list.filter((r) => r.consumers.length > 0).length };
}
