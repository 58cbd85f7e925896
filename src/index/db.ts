/**
 * The key index's database: a PostgreSQL connection pool from `DATABASE_URL`, and the schema
 * migrations of `migrations/` (node-pg-migrate), applied before first use.
 */
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';

/** Where the SQL migrations are, from src/index or lib/index alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));
export const MIGRATIONS_TABLE = 'kms_review_migrations';

export interface IndexDb {
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface IndexDbOptions {
  /** Connections in the pool (default `DATABASE_POOL_MAX`, else 10). */
  max?: number;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
}

/** `DATABASE_URL`, when set and not blank: the index is configured. */
export function databaseUrlOf(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export async function openIndexDb(url: string, options: IndexDbOptions = {}): Promise<IndexDb> {
  const max = options.max ?? (Number(process.env.DATABASE_POOL_MAX) || 10);
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle client's error (the server restarting) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  try {
    if (options.migrate !== false) await migrate(url);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return { pool, close: () => pool.end() };
}

/** Applies pending migrations (node-pg-migrate's lock keeps concurrent workers from racing). */
export async function migrate(url: string): Promise<void> {
  await runner({
    databaseUrl: url,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    checkOrder: true,
    log: () => {},
  });
}
