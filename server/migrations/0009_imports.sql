-- Imports of contacts and accounts from CSV and XLSX files: the uploaded file (kept in the database so
-- that any app server can run the job, and dropped when the import is done), the mapping and options,
-- progress with a checkpoint per committed batch, what every row created or changed (for undo), and
-- the rows that failed with their reason (the error report).

create table imports (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  created_by uuid,
  record_type text not null check (record_type in ('contact', 'account')),
  status text not null check (status in
    ('uploaded', 'checking', 'checked', 'queued', 'running', 'completed', 'failed', 'undone')),
  file_name text not null,
  file_size bigint not null,
  file_format text not null check (file_format in ('csv', 'xlsx')),
  -- CSV only: what the upload detected.
  encoding text,
  delimiter text,
  headers text[] not null,
  -- The first rows, for the mapping screen.
  sample jsonb not null default '[]',
  total_rows integer not null,
  mapping jsonb not null default '[]',
  options jsonb not null default '{}',
  -- The checkpoint: data rows done by committed batches; the job starts again after them.
  rows_done integer not null default 0,
  created_count integer not null default 0,
  updated_count integer not null default 0,
  unchanged_count integer not null default 0,
  failed_count integer not null default 0,
  -- The dry run's counts and first problems.
  check_result jsonb,
  error text,
  started_at timestamptz,
  finished_at timestamptz,
  undone_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, created_by) references memberships (workspace_id, user_id) on delete set null (created_by)
);
create index imports_created_idx on imports (workspace_id, created_at, id);

create table import_file_chunks (
  workspace_id uuid not null,
  import_id uuid not null,
  seq integer not null,
  data bytea not null,
  primary key (workspace_id, import_id, seq),
  foreign key (workspace_id, import_id) references imports (workspace_id, id) on delete cascade
);

-- One row per record an import created or changed; `before` holds the previous values of the fields
-- it changed, `written_at` the record's updated_at as the import left it (a later one means someone
-- changed the record since).
create table import_records (
  workspace_id uuid not null,
  import_id uuid not null,
  record_type text not null check (record_type in ('contact', 'account')),
  record_id uuid not null,
  row_number integer not null,
  action text not null check (action in ('created', 'updated')),
  before jsonb,
  written_at timestamptz not null,
  primary key (workspace_id, import_id, record_type, record_id),
  foreign key (workspace_id, import_id) references imports (workspace_id, id) on delete cascade
);

create table import_failures (
  workspace_id uuid not null,
  import_id uuid not null,
  row_number integer not null,
  reason text not null,
  cells text[] not null,
  primary key (workspace_id, import_id, row_number),
  foreign key (workspace_id, import_id) references imports (workspace_id, id) on delete cascade
);

-- Matching keys of an import: an id from another system, KvK number, company name whatever its case
-- and spacing.
alter table contacts add column external_id text;
alter table accounts add column external_id text;
create unique index contacts_external_id_key on contacts (workspace_id, external_id);
create unique index accounts_external_id_key on accounts (workspace_id, external_id);
create index accounts_kvk_idx on accounts (workspace_id, kvk_number);

create function baken_company_key(name text) returns text
language sql immutable parallel safe
as $$ select lower(regexp_replace(btrim(name), '\s+', ' ', 'g')) $$;

create index accounts_company_key_idx on accounts (workspace_id, baken_company_key(name));
