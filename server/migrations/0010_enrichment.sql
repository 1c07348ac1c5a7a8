-- Enrichment: where the value of each account field came from, and the operator's company register.

-- One row per account field whose current value has a known origin: a provider that found it
-- (`source` = the provider, `fetched_at` = when it was found) or a person who typed it (`source` =
-- 'user', `fetched_at` = when). Fields without a row were set by a person before anyone kept track
-- (a form, the API, an import) and count as a person's. Fields without an account column
-- (socialLinks, language) live only here. `user_id` is who typed the value or asked for the
-- enrichment; null for a background run.
create table account_field_sources (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  account_id uuid not null,
  field text not null,
  set_by text not null check (set_by in ('user', 'provider')),
  source text not null,
  value jsonb,
  fetched_at timestamptz not null,
  user_id uuid,
  primary key (workspace_id, account_id, field),
  foreign key (workspace_id, account_id) references accounts (workspace_id, id) on delete cascade
);

-- The operator's company register (BAKEN_REGISTER_FILE), streamed in once per version of the file
-- and shared by every workspace: it is reference data of the installation, not of a tenant.
create table company_register_files (
  path text primary key,
  size bigint not null,
  modified_at timestamptz not null,
  loaded_at timestamptz not null,
  row_count integer not null
);

create table company_register (
  line integer primary key,
  kvk_number text,
  domain text,
  fields jsonb not null
);
create index company_register_kvk_idx on company_register (kvk_number) where kvk_number is not null;
create index company_register_domain_idx on company_register (domain) where domain is not null;
