-- Up Migration
-- The organisation-wide key index: each repository's inventory per indexed commit (src/index/).

create table repositories (
  id bigserial primary key,
  -- owner/name as GitHub spells it; a folder's name for `kms-review index` without --repository.
  full_name text not null unique,
  owner text not null,
  private boolean not null default false,
  installation_id bigint,
  default_branch text,
  -- The snapshot cross-repository lookups read: the latest indexed commit of the default branch.
  current_snapshot bigint,
  updated_at timestamptz not null default now()
);

create table snapshots (
  id bigserial primary key,
  repository_id bigint not null references repositories (id) on delete cascade,
  commit text not null,
  ref text,
  indexed_at timestamptz not null default now(),
  files integer not null default 0,
  keys integer not null default 0,
  consumers integer not null default 0,
  findings integer not null default 0,
  -- Counts by severity, for the findings trend.
  severities jsonb not null default '{}',
  unique (repository_id, commit)
);

alter table repositories
  add constraint repositories_current_snapshot_fkey foreign key (current_snapshot) references snapshots (id) on delete set null;

create table keys (
  id bigserial primary key,
  snapshot_id bigint not null references snapshots (id) on delete cascade,
  -- The inventory's key id: `<unit>:<address>` when declared, the ARN / alias / key id when referenced.
  key text not null,
  declared boolean not null,
  manager text not null,
  arn text,
  account text,
  region text,
  aliases text[] not null default '{}',
  environment text,
  workload text,
  data_class text,
  owner text,
  -- Each classification with its provenance ({value, from, detail}); spec, usage, rotation… as the inventory knows them.
  classified jsonb not null default '{}',
  facts jsonb not null default '{}',
  file text,
  line integer,
  unique (snapshot_id, key)
);

-- What a key can be recognised by in another repository: its key id (from an ARN or bare), an alias
-- name; with the account and region when known (null: not known, matches any).
create table key_matches (
  key_row bigint not null references keys (id) on delete cascade,
  kind text not null check (kind in ('key', 'alias')),
  value text not null,
  account text,
  region text,
  primary key (key_row, kind, value)
);
create index key_matches_lookup on key_matches (kind, value);

create table consumers (
  id bigserial primary key,
  key_row bigint not null references keys (id) on delete cascade,
  resource text not null,
  type text not null,
  service text not null,
  attribute text not null,
  via text,
  kind text,
  environment text,
  workload text,
  data_class text,
  owner text,
  classified jsonb not null default '{}',
  file text not null,
  line integer not null
);
create index consumers_key on consumers (key_row);

create table grants (
  key_row bigint not null references keys (id) on delete cascade,
  grant_id text not null,
  grantee jsonb,
  operations jsonb,
  constraints jsonb,
  live boolean not null default false,
  file text,
  line integer
);
create index grants_key on grants (key_row);

create table access (
  key_row bigint not null references keys (id) on delete cascade,
  principal text not null,
  principal_kind text not null,
  account text,
  groups text[] not null,
  actions text[] not null,
  via jsonb not null,
  restricted_by text[] not null default '{}'
);
create index access_key on access (key_row);

create table findings (
  snapshot_id bigint not null references snapshots (id) on delete cascade,
  rule text not null,
  severity text not null,
  key text,
  fingerprint text not null,
  message text not null,
  file text,
  line integer,
  suppressed boolean not null default false
);
create index findings_snapshot on findings (snapshot_id);

-- Key references the inventory could not follow: kept, never dropped.
create table unresolved (
  snapshot_id bigint not null references snapshots (id) on delete cascade,
  resource text not null,
  type text not null,
  attribute text not null,
  expr text not null,
  reason text not null,
  file text not null,
  line integer not null
);
create index unresolved_snapshot on unresolved (snapshot_id);

-- Down Migration
drop table unresolved;
drop table findings;
drop table access;
drop table grants;
drop table consumers;
drop table key_matches;
drop table keys;
alter table repositories drop constraint repositories_current_snapshot_fkey;
drop table snapshots;
drop table repositories;
