/**
 * Reads the key index for a review: which other repositories use this repository's keys, at their
 * current (default branch) snapshot, matched by key id, alias, account and region (match.ts).
 */
import type pg from 'pg';
import type { Inventory } from '../inventory/types.js';
import type { ExternalRepository, ExternalUses } from '../model/external.js';
import { keyMatches, matchText } from './match.js';

interface Row {
  mine: string;
  full_name: string;
  commit: string;
  declared: boolean;
  kind: string;
  value: string;
  account: string | null;
  region: string | null;
  resource: string | null;
  type: string | null;
  service: string | null;
  attribute: string | null;
  file: string | null;
  line: number | null;
  environment: string | null;
  workload: string | null;
  data_class: string | null;
}

/** One query for every key of the inventory. `repository` (`owner/name`) is left out of the answer. */
export async function externalUses(pool: pg.Pool, repository: string, inventory: Inventory): Promise<ExternalUses> {
  const wanted = inventory.keys.flatMap((k) => keyMatches(k).map((m) => ({ key: k.id, ...m })));
  const others = await pool.query<{ n: string }>('select count(*) as n from repositories where full_name <> $1 and current_snapshot is not null', [repository]);
  const uses: ExternalUses = { keys: {}, repositories: Number(others.rows[0].n) };
  if (wanted.length === 0) return uses;
  const { rows } = await pool.query<Row>(
    `with q as (
       select * from jsonb_to_recordset($1::jsonb) as q(key text, kind text, value text, account text, region text)
     ), hits as (
       select distinct on (q.key, k.id) q.key as mine, k.id as key_row, k.declared, r.full_name, s.commit, m.kind, m.value,
              coalesce(m.account, q.account) as account, coalesce(m.region, q.region) as region
       from q
       join key_matches m on m.kind = q.kind and m.value = q.value
         and (q.account is null or m.account is null or q.account = m.account)
         and (q.region is null or m.region is null or q.region = m.region)
       join keys k on k.id = m.key_row
       join repositories r on r.current_snapshot = k.snapshot_id and r.full_name <> $2
       join snapshots s on s.id = k.snapshot_id
       order by q.key, k.id, (m.account is not null) desc, (m.region is not null) desc
     )
     select h.mine, h.full_name, h.commit, h.declared, h.kind, h.value, h.account, h.region,
            c.resource, c.type, c.service, c.attribute, c.file, c.line, c.environment, c.workload, c.data_class
     from hits h left join consumers c on c.key_row = h.key_row
     order by h.mine, h.full_name, c.file, c.line, c.resource`,
    [JSON.stringify(wanted), repository],
  );
  for (const row of rows) {
    uses.keys[row.mine] ??= [];
    const list = uses.keys[row.mine];
    let repo = list.find((r) => r.repository === row.full_name);
    if (!repo) {
      repo = { repository: row.full_name, commit: row.commit, declares: false, match: matchText(row as never), consumers: [] };
      list.push(repo);
    }
    repo.declares ||= row.declared;
    if (row.resource === null || repo.consumers.some((c) => c.resource === row.resource && c.attribute === row.attribute)) continue;
    repo.consumers.push({
      resource: row.resource,
      type: row.type ?? '',
      service: row.service ?? '',
      attribute: row.attribute ?? '',
      file: row.file ?? '',
      line: row.line ?? 0,
      environment: row.environment,
      workload: row.workload,
      dataClass: row.data_class,
    });
  }
  return uses;
}

/** The repositories of `uses` for one key, the owning one first, then by consumers (most first). */
export function sortedRepositories(list: readonly ExternalRepository[]): ExternalRepository[] {
  return [...list].sort(
    (a, b) => Number(b.declares) - Number(a.declares) || b.consumers.length - a.consumers.length || a.repository.localeCompare(b.repository),
  );
}
