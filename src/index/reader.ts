/**
 * The key index as the App's doors use it: one lazily opened pool per process (migrations applied
 * on first use), and the pipeline's `external` hook for one repository. A lookup that fails never
 * fails the review: its answer says the index was unavailable and why.
 */
import type { Inventory } from '../inventory/types.js';
import type { ExternalUses } from '../model/external.js';
import { type IndexDb, openIndexDb } from './db.js';
import { externalUses } from './lookup.js';

export interface KeyIndex {
  /** Opens the pool (and migrates) once; every caller shares it. */
  db(): Promise<IndexDb>;
  externalUses(repository: string, inventory: Inventory): Promise<ExternalUses>;
  close(): Promise<void>;
}

export function createKeyIndex(url: string, options: { max?: number } = {}): KeyIndex {
  let opened: Promise<IndexDb> | undefined;
  const db = () => {
    opened ??= openIndexDb(url, options).catch((error: unknown) => {
      // The next review tries again (the database may come up later).
      opened = undefined;
      throw error;
    });
    return opened;
  };
  return {
    db,
    externalUses: async (repository, inventory) => externalUses((await db()).pool, repository, inventory),
    close: async () => {
      const pending = opened;
      opened = undefined;
      if (pending) await (await pending.catch(() => undefined))?.close();
    },
  };
}

/** `external` for `analyse` / `analyseChange`: the other repositories' uses of `repository`'s keys. */
export function externalHook(
  index: Pick<KeyIndex, 'externalUses'>,
  repository: string,
  log?: { warn(obj: object, msg?: string): void },
): (inventory: Inventory) => Promise<ExternalUses> {
  return async (inventory) => {
    try {
      return await index.externalUses(repository, inventory);
    } catch (error) {
      const reason = (error as Error).message || String(error);
      log?.warn({ err: error, repository }, 'kms-review: key index not read');
      return { keys: {}, repositories: 0, unavailable: reason };
    }
  };
}
