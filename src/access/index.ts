/** Effective access per key. (Scaffolding: the access engineer replaces this file.) */
import type { Config } from '../config/schema.js';
import type { Inventory } from '../inventory/types.js';
import type { Resource } from '../model/types.js';
import type { AccessMap } from './types.js';

export function analyseAccess(_inventory: Inventory, _resources: readonly Resource[], _config: Config): AccessMap {
  return new Map();
}
