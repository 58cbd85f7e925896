-- Up Migration
-- Dashboard sign-ins (GitHub OAuth): who, and which repositories GitHub said they can read, until when.
-- In the database, so any replica of the App serves any session.
create table dashboard_sessions (
  id text primary key,
  login text not null,
  repositories text[] not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index dashboard_sessions_expiry on dashboard_sessions (expires_at);
create index repositories_current_snapshot on repositories (current_snapshot);

-- Down Migration
drop index repositories_current_snapshot;
drop table dashboard_sessions;
