/**
 * Writes one repository's analysis at one commit into the key index. Idempotent per (repository,
 * commit): a second write of the same commit replaces what the first wrote, in one transaction,
 * serialised per repository, so re-deliveries, retries and concurrent workers leave one snapshot.
 */
import type pg from 'pg';
import type { AccessMap } from '../access/types.js';
import type { Inventory, Key, Known } from '../inventory/types.js';
import type { Classifications } from '../model/types.js';
import { isOneOf, isUnknown } from '../model/value.js';
import type { Finding } from '../rules/types.js';
import { keyMatches } from './match.js';

export interface RepositoryInfo {
  /** `owner/name`. */
  fullName: string;
  private?: boolean;
  installationId?: number;
  defaultBranch?: string;
}

export interface SnapshotInput {
  repository: RepositoryInfo;
  commit: string;
  ref?: string;
  /** This commit is what other repositories' reviews should see (the default branch's head). Default true. */
  current?: boolean;
  inventory: Inventory;
  access: AccessMap;
  findings: readonly Finding[];
  files: number;
}

export interface StoredSnapshot {
  repositoryId: number;
  snapshotId: number;
  keys: number;
  consumers: number;
  findings: number;
}

export async function storeSnapshot(pool: pg.Pool, input: SnapshotInput): Promise<StoredSnapshot> {
  const { repository, inventory } = input;
  const owner = repository.fullName.includes('/') ? repository.fullName.split('/')[0] : '';
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [repository.fullName]);
    const repo = await client.query<{ id: string }>(
      `insert into repositories (full_name, owner, private, installation_id, default_branch)
       values ($1, $2, $3, $4, $5)
       on conflict (full_name) do update set
         private = excluded.private,
         installation_id = coalesce(excluded.installation_id, repositories.installation_id),
         default_branch = coalesce(excluded.default_branch, repositories.default_branch),
         updated_at = now()
       returning id`,
      [repository.fullName, owner, repository.private ?? false, repository.installationId ?? null, repository.defaultBranch ?? null],
    );
    const repositoryId = Number(repo.rows[0].id);
    const consumers = inventory.keys.reduce((n, k) => n + k.consumers.length, 0);
    const unsuppressed = input.findings.filter((f) => !f.suppressed);
    const severities: Record<string, number> = {};
    for (const f of unsuppressed) severities[f.severity] = (severities[f.severity] ?? 0) + 1;
    const snap = await client.query<{ id: string }>(
      `insert into snapshots (repository_id, commit, ref, files, keys, consumers, findings, severities)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (repository_id, commit) do update set
         ref = coalesce(excluded.ref, snapshots.ref), indexed_at = now(), files = excluded.files, keys = excluded.keys,
         consumers = excluded.consumers, findings = excluded.findings, severities = excluded.severities
       returning id`,
      [repositoryId, input.commit, input.ref ?? null, input.files, inventory.keys.length, consumers, unsuppressed.length, JSON.stringify(severities)],
    );
    const snapshotId = Number(snap.rows[0].id);
    // Replace, never append: the same commit indexed twice is the same snapshot.
    await client.query('delete from keys where snapshot_id = $1', [snapshotId]);
    await client.query('delete from findings where snapshot_id = $1', [snapshotId]);
    await client.query('delete from unresolved where snapshot_id = $1', [snapshotId]);
    await insertRows(client, snapshotId, input);
    if (input.current !== false) await client.query('update repositories set current_snapshot = $2 where id = $1', [repositoryId, snapshotId]);
    await client.query('commit');
    return { repositoryId, snapshotId, keys: inventory.keys.length, consumers, findings: unsuppressed.length };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Each table's rows in one statement (`jsonb_to_recordset`), children joined to their key by its inventory id. */
async function insertRows(client: pg.PoolClient, snapshotId: number, input: SnapshotInput): Promise<void> {
  const { inventory, access, findings } = input;
  const keys = inventory.keys.map((k) => ({
    key: k.id,
    declared: k.declared,
    manager: k.manager,
    arn: arnOf(k),
    account: k.account ?? k.live?.account ?? null,
    region: k.region ?? k.live?.region ?? null,
    ...classificationColumns(k),
    facts: facts(k),
    file: k.location?.file ?? null,
    line: k.location?.startLine ?? null,
    ...consumerSummary(k),
  }));
  await client.query(
    `insert into keys (snapshot_id, key, declared, manager, arn, account, region, aliases, environment, workload, data_class, owner, classified, facts, file, line,
                       consumer_count, environments, workloads, data_classes, services)
     select $1, x.key, x.declared, x.manager, x.arn, x.account, x.region, x.aliases, x.environment, x.workload,
            x.data_class, x.owner, x.classified, x.facts, x.file, x.line, x.consumer_count, x.environments, x.workloads, x.data_classes, x.services
     from jsonb_to_recordset($2::jsonb) as x(key text, declared boolean, manager text, arn text, account text, region text, aliases text[],
          environment text, workload text, data_class text, owner text, classified jsonb, facts jsonb, file text, line integer,
          consumer_count integer, environments text[], workloads text[], data_classes text[], services text[])`,
    [snapshotId, JSON.stringify(keys)],
  );
  const byKey = (table: string, columns: string, rows: Record<string, unknown>[], types: string) =>
    insertRecords(client, snapshotId, { table, columns, types, rows, perKey: true });
  await byKey(
    'key_matches',
    'kind, value, account, region',
    inventory.keys.flatMap((k) => keyMatches(k).map((m) => ({ key: k.id, ...m }))),
    'kind text, value text, account text, region text',
  );
  await byKey(
    'consumers',
    'resource, type, service, attribute, via, kind, environment, workload, data_class, owner, classified, file, line',
    inventory.keys.flatMap((k) =>
      k.consumers.map((c) => ({
        key: k.id,
        resource: c.resource,
        type: c.type,
        service: c.service,
        attribute: c.attribute,
        via: c.via,
        kind: c.kind ?? null,
        ...classificationColumns(c),
        file: c.location.file,
        line: c.location.startLine,
      })),
    ),
    'resource text, type text, service text, attribute text, via text, kind text, environment text, workload text, data_class text, owner text, classified jsonb, file text, line integer',
  );
  await byKey(
    'grants',
    'grant_id, grantee, operations, constraints, live, file, line',
    inventory.keys.flatMap((k) =>
      k.grants.map((g) => ({
        key: k.id,
        grant_id: g.id,
        grantee: g.grantee,
        operations: g.operations,
        constraints: g.constraints,
        live: g.live === true,
        file: g.location.file,
        line: g.location.startLine,
      })),
    ),
    'grant_id text, grantee jsonb, operations jsonb, constraints jsonb, live boolean, file text, line integer',
  );
  await byKey(
    'access',
    'principal, principal_kind, account, groups, actions, via, restricted_by',
    [...access.values()].flatMap((a) =>
      a.entries.map((e) => ({
        key: a.key,
        principal: e.principal.id,
        principal_kind: e.principal.kind,
        account: e.principal.account ?? null,
        groups: textArray(e.groups),
        actions: textArray(e.actions),
        via: e.via,
        restricted_by: textArray(e.restrictedBy),
      })),
    ),
    'principal text, principal_kind text, account text, groups text[], actions text[], via jsonb, restricted_by text[]',
  );
  await insertRecords(client, snapshotId, {
    table: 'findings',
    columns: 'rule, severity, key, fingerprint, message, file, line, suppressed',
    types: 'rule text, severity text, key text, fingerprint text, message text, file text, line integer, suppressed boolean',
    rows: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      key: f.key ?? null,
      fingerprint: f.fingerprint,
      message: f.message,
      file: f.location?.file ?? null,
      line: f.location?.startLine ?? null,
      suppressed: !!f.suppressed,
    })),
  });
  await insertRecords(client, snapshotId, {
    table: 'unresolved',
    columns: 'resource, type, attribute, expr, reason, file, line',
    types: 'resource text, type text, attribute text, expr text, reason text, file text, line integer',
    rows: inventory.unresolved.map((u) => ({
      resource: u.resource,
      type: u.type,
      attribute: u.attribute,
      expr: u.expr,
      reason: u.reason,
      file: u.location.file,
      line: u.location.startLine,
    })),
  });
}

interface Records {
  table: string;
  /** Column names, comma-separated, as the rows' fields are named. */
  columns: string;
  /** The rows' fields with their SQL types (`jsonb_to_recordset`'s column list). */
  types: string;
  rows: Record<string, unknown>[];
  /** Rows carry `key` (the inventory's key id) and the table's `key_row` is joined from it; else the table has `snapshot_id`. */
  perKey?: boolean;
}

/** One statement per table, whatever the number of rows. */
async function insertRecords(client: pg.PoolClient, snapshotId: number, r: Records): Promise<void> {
  if (r.rows.length === 0) return;
  const selected = r.columns.replace(/(\w+)/g, 'x.$1');
  const sql = r.perKey
    ? `insert into ${r.table} (key_row, ${r.columns}) select k.id, ${selected}
       from jsonb_to_recordset($2::jsonb) as x(key text, ${r.types}) join keys k on k.snapshot_id = $1 and k.key = x.key`
    : `insert into ${r.table} (snapshot_id, ${r.columns}) select $1, ${selected} from jsonb_to_recordset($2::jsonb) as x(${r.types})`;
  await client.query(sql, [snapshotId, JSON.stringify(r.rows)]);
}

/** `{a,b}`: a text[] literal for jsonb_to_recordset (values quoted, so commas and braces stay inside). */
function textArray(values: Iterable<string>): string {
  return `{${[...values].map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** The key's consumers summed up: how many, and their distinct environments, workloads, data classes and services. */
function consumerSummary(key: Key) {
  const distinct = (pick: (c: Key['consumers'][number]) => string | undefined) =>
    textArray([...new Set(key.consumers.map(pick).filter((v): v is string => typeof v === 'string'))].sort());
  return {
    consumer_count: key.consumers.length,
    environments: distinct((c) => c.environment?.value),
    workloads: distinct((c) => c.workload?.value),
    data_classes: distinct((c) => c.dataClass?.value),
    services: distinct((c) => c.service),
    aliases: textArray(key.aliases),
  };
}

/** The key ARN when the inventory knows it: the reference itself, or what the live view read. */
function arnOf(key: Key): string | null {
  if (!key.declared && key.id.startsWith('arn:')) return key.id;
  return key.live?.arn ?? null;
}

/** Values to query by, and each classification with its provenance. */
function classificationColumns(c: Classifications) {
  return {
    environment: c.environment?.value ?? null,
    workload: c.workload?.value ?? null,
    data_class: c.dataClass?.value ?? null,
    owner: c.owner?.value ?? null,
    classified: { environment: c.environment, workload: c.workload, dataClass: c.dataClass, owner: c.owner },
  };
}

/** What the inventory knows of the key's material and lifecycle; unknowns say why. */
function facts(key: Key) {
  return {
    spec: known(key.spec),
    usage: known(key.usage),
    origin: known(key.origin),
    multiRegion: known(key.multiRegion),
    rotation: known(key.rotation.enabled),
    enabled: known(key.enabled),
    deletionWindowDays: key.deletionWindowDays === undefined ? null : known(key.deletionWindowDays),
    consumers: key.consumers.length,
    grants: key.grants.length,
    source: key.source ?? null,
    type: key.type ?? null,
    unit: key.unit ?? null,
  };
}

function known<T>(value: Known<T>): T | { unknown: string } | { oneOf: T[] } {
  if (isUnknown(value)) return { unknown: value.reason };
  if (isOneOf(value)) return { oneOf: (value as { options: T[] }).options };
  return value as T;
}
