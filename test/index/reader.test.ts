/** The doors' view of the key index: the `external` hook, and the environment that configures it. */
import { describe, expect, it } from 'vitest';
import { reviewDepsFromEnv, sharedKeyIndex } from '../../src/app.js';
import { externalHook } from '../../src/index/reader.js';
import type { Inventory } from '../../src/inventory/types.js';

const inventory = { keys: [], aliases: [], unresolved: [], withoutCmk: [], units: [], problems: [] } as Inventory;

describe('externalHook', () => {
  it('asks the index for the repository, and a failing index is an answer that says why, not an error', async () => {
    const asked: string[] = [];
    const ok = externalHook(
      {
        externalUses: async (repo) => {
          asked.push(repo);
          return { keys: {}, repositories: 4 };
        },
      },
      'acme/app',
    );
    expect(await ok(inventory)).toEqual({ keys: {}, repositories: 4 });
    expect(asked).toEqual(['acme/app']);
    const warned: object[] = [];
    const down = externalHook(
      {
        externalUses: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        },
      },
      'acme/app',
      { warn: (o) => warned.push(o) },
    );
    expect(await down(inventory)).toEqual({ keys: {}, repositories: 0, unavailable: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(warned).toHaveLength(1);
  });
});

describe('reviewDepsFromEnv', () => {
  it('configures the key index from DATABASE_URL only, one per URL in the process', () => {
    expect(reviewDepsFromEnv({}).index).toBeUndefined();
    expect(reviewDepsFromEnv({ DATABASE_URL: '  ' }).index).toBeUndefined();
    const a = reviewDepsFromEnv({ DATABASE_URL: 'postgres://127.0.0.1:1/a' }).index;
    expect(a).toBeDefined();
    expect(reviewDepsFromEnv({ DATABASE_URL: 'postgres://127.0.0.1:1/a' }).index).toBe(a);
    expect(sharedKeyIndex('postgres://127.0.0.1:1/b')).not.toBe(a);
  });

  it('an index whose database does not answer fails its lookups, and the next lookup tries again', async () => {
    const index = sharedKeyIndex('postgres://nobody@127.0.0.1:1/none');
    await expect(index.externalUses('acme/app', inventory)).rejects.toThrow(/ECONNREFUSED|connect/);
    await expect(index.externalUses('acme/app', inventory)).rejects.toThrow(/ECONNREFUSED|connect/);
    await index.close();
  });
});
