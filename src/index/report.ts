/**
 * The organisation's keys across repositories, from each repository's current snapshot: keys that
 * match one another (match.ts) are one key, with the repositories that declare it and those that
 * use it, their consumers by environment, workload and data class.
 */
import type pg from 'pg';
import { matchText } from './match.js';

export interface OrgKeyRepository {
  repository: string;
  commit: string;
  private: boolean;
  /** The inventory ids the key has there (declared address, ARN, alias). */
  keys: string[];
  declares: boolean;
  consumers: number;
  environments: string[];
  workloads: string[];
  dataClasses: string[];
  services: string[];
  /** Where it is declared there, `file:line`. */
  declaredAt?: string;
}

export interface OrgKey {
  /** What the key is known by: `alias alias/shared-prod in 111122223333 eu-west-1`, or the one repository's key id. */
  name: string;
  account: string | null;
  region: string | null;
  aliases: string[];
  repositories: OrgKeyRepository[];
  consumers: number;
}

export interface OrgReport {
  repositories: { repository: string; commit: string; private: boolean; indexedAt: string; keys: number; consumers: number; findings: number }[];
  keys: OrgKey[];
}

export interface KeyRow {
  key_row: string;
  full_name: string;
  commit: string;
  private: boolean;
  key: string;
  declared: boolean;
  account: string | null;
  region: string | null;
  aliases: string[];
  file: string | null;
  line: number | null;
  matches: { kind: string; value: string; account: string | null; region: string | null }[] | null;
  consumers: number;
  environments: string[];
  workloads: string[];
  data_classes: string[];
  services: string[];
}

/**
 * The grouped keys of every repository's current snapshot, computed once per state of the index
 * (the latest snapshot id and count) and shared by every viewer; each viewer's report is a filter
 * of it. Per pool, so two databases never mix.
 */
const CACHE = new WeakMap<pg.Pool, { version: string; keys: OrgKey[]; repositories: OrgReport['repositories'] }>();

/** `repositories`: only these (`owner/name`), e.g. the ones a viewer may read; all when undefined. */
export async function orgReport(pool: pg.Pool, options: { repositories?: readonly string[]; search?: string } = {}): Promise<OrgReport> {
  const all = await wholeReport(pool);
  const readable = options.repositories ? new Set(options.repositories) : undefined;
  const keys = readable ? all.keys.flatMap((k) => visiblePart(k, readable)) : all.keys;
  const search = options.search?.trim().toLowerCase();
  return {
    repositories: readable ? all.repositories.filter((r) => readable.has(r.repository)) : all.repositories,
    keys: search ? keys.filter((k) => matchesSearch(k, search)) : keys,
  };
}

/** The key as a viewer sees it: only the repositories they can read (none: not shown). */
function visiblePart(key: OrgKey, readable: ReadonlySet<string>): OrgKey[] {
  const repositories = key.repositories.filter((r) => readable.has(r.repository));
  if (repositories.length === 0) return [];
  if (repositories.length === key.repositories.length) return [key];
  return [{ ...key, repositories, consumers: repositories.reduce((n, r) => n + r.consumers, 0) }];
}

async function wholeReport(pool: pg.Pool) {
  const state = await pool.query<{ version: string }>(
    "select coalesce(max(id), 0) || ':' || count(*) || ':' || coalesce(max(indexed_at)::text, '') as version from snapshots",
  );
  const version = state.rows[0].version;
  const cached = CACHE.get(pool);
  if (cached?.version === version) return cached;
  const repos = await pool.query<{
    full_name: string;
    commit: string;
    private: boolean;
    indexed_at: Date;
    keys: number;
    consumers: number;
    findings: number;
  }>(
    `select r.full_name, s.commit, r.private, s.indexed_at, s.keys, s.consumers, s.findings
     from repositories r join snapshots s on s.id = r.current_snapshot order by r.full_name`,
  );
  const rows = await pool.query<Omit<KeyRow, 'matches'>>(
    `select k.id as key_row, r.full_name, s.commit, r.private, k.key, k.declared, k.account, k.region, k.aliases, k.file, k.line,
            k.consumer_count as consumers, k.environments, k.workloads, k.data_classes, k.services
     from repositories r join snapshots s on s.id = r.current_snapshot join keys k on k.snapshot_id = s.id
     where k.manager = 'customer'
     order by r.full_name, k.key`,
  );
  const matches = await pool.query<{ key_row: string; kind: string; value: string; account: string | null; region: string | null }>(
    `select m.key_row, m.kind, m.value, m.account, m.region
     from repositories r join keys k on k.snapshot_id = r.current_snapshot join key_matches m on m.key_row = k.id`,
  );
  const byRow = new Map<string, KeyRow['matches']>();
  for (const m of matches.rows) {
    if (!byRow.has(m.key_row)) byRow.set(m.key_row, []);
    byRow.get(m.key_row)!.push({ kind: m.kind, value: m.value, account: m.account, region: m.region });
  }
  const whole = {
    version,
    repositories: repos.rows.map((r) => ({
      repository: r.full_name,
      commit: r.commit,
      private: r.private,
      indexedAt: r.indexed_at.toISOString(),
      keys: r.keys,
      consumers: r.consumers,
      findings: r.findings,
    })),
    keys: groupKeys(rows.rows.map((r) => ({ ...r, matches: byRow.get(r.key_row) ?? [] }))),
  };
  CACHE.set(pool, whole);
  return whole;
}

function matchesSearch(key: OrgKey, search: string): boolean {
  return [key.name, ...key.aliases, ...key.repositories.flatMap((r) => r.keys)].some((t) => t.toLowerCase().includes(search));
}

/**
 * Rows that share a match (same kind and value, accounts and regions not disagreeing) are one key.
 * Within one match value, rows of a known account group by account; rows whose account is not
 * known join the group only when exactly one account is known there (never bridging two accounts).
 */
export function groupKeys(rows: readonly KeyRow[]): OrgKey[] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const buckets = new Map<string, { row: number; account: string | null; region: string | null }[]>();
  rows.forEach((row, i) => {
    for (const m of row.matches ?? []) {
      const id = `${m.kind}\0${m.value}`;
      if (!buckets.has(id)) buckets.set(id, []);
      buckets.get(id)!.push({ row: i, account: m.account, region: m.region });
    }
  });
  for (const entries of buckets.values()) {
    const byPlace = new Map<string, number[]>();
    for (const e of entries) {
      if (!e.account) continue;
      const place = e.account;
      if (!byPlace.has(place)) byPlace.set(place, []);
      byPlace.get(place)!.push(e.row);
    }
    for (const group of byPlace.values()) for (const row of group.slice(1)) union(group[0], row);
    const unplaced = entries.filter((e) => !e.account).map((e) => e.row);
    const target = byPlace.size === 1 ? [...byPlace.values()][0][0] : byPlace.size === 0 ? unplaced[0] : undefined;
    if (target !== undefined) for (const row of unplaced) union(target, row);
  }
  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(i);
  });
  const keys = [...groups.values()].map((members) => orgKey(members.map((i) => rows[i])));
  return keys.sort((a, b) => b.repositories.length - a.repositories.length || b.consumers - a.consumers || a.name.localeCompare(b.name));
}

function orgKey(members: readonly KeyRow[]): OrgKey {
  const matches = members.flatMap((m) => m.matches ?? []);
  const account = matches.find((m) => m.account)?.account ?? members.find((m) => m.account)?.account ?? null;
  const region = matches.find((m) => m.region)?.region ?? members.find((m) => m.region)?.region ?? null;
  const aliases = [...new Set(members.flatMap((m) => m.aliases))].sort();
  const keyMatch = matches.find((m) => m.kind === 'key');
  const best = keyMatch ?? matches.find((m) => m.kind === 'alias');
  const name = best ? matchText({ kind: best.kind as 'key' | 'alias', value: best.value, account, region }) : `${members[0].full_name}:${members[0].key}`;
  const byRepo = new Map<string, KeyRow[]>();
  for (const m of members) {
    if (!byRepo.has(m.full_name)) byRepo.set(m.full_name, []);
    byRepo.get(m.full_name)!.push(m);
  }
  const repositories = [...byRepo.values()].map((rs): OrgKeyRepository => {
    const declared = rs.find((r) => r.declared);
    const union = (pick: (r: KeyRow) => string[]) => [...new Set(rs.flatMap(pick))].sort();
    return {
      repository: rs[0].full_name,
      commit: rs[0].commit,
      private: rs[0].private,
      keys: rs.map((r) => r.key),
      declares: !!declared,
      consumers: rs.reduce((n, r) => n + r.consumers, 0),
      environments: union((r) => r.environments),
      workloads: union((r) => r.workloads),
      dataClasses: union((r) => r.data_classes),
      services: union((r) => r.services),
      ...(declared?.file ? { declaredAt: `${declared.file}:${declared.line ?? 1}` } : {}),
    };
  });
  repositories.sort((a, b) => Number(b.declares) - Number(a.declares) || b.consumers - a.consumers || a.repository.localeCompare(b.repository));
  return { name, account, region, aliases, repositories, consumers: repositories.reduce((n, r) => n + r.consumers, 0) };
}
