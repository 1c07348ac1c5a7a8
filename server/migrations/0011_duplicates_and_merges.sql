-- Duplicate detection and merge: the match keys as SQL functions (twins of core/src/duplicates/
-- match-keys.ts), the pairs a scan finds, the scans themselves, and every merge with what it needs
-- to be undone.

-- One inbox, one key: lower case without surrounding spaces, no +label after the name, and no dots
-- in the name for Gmail. Written as one expression so that the planner inlines it into scans.
create function baken_email_key(email text) returns text
language sql immutable parallel safe
as $$
  select case
    when lower(btrim(email)) !~ '^.+@[^@]+$' then null
    when substring(lower(btrim(email)) from '@([^@]+)$') in ('gmail.com', 'googlemail.com') then
      nullif(replace(regexp_replace(substring(lower(btrim(email)) from '^(.*)@[^@]+$'), '\+.*$', ''), '.', ''), '')
        || '@gmail.com'
    else
      nullif(regexp_replace(substring(lower(btrim(email)) from '^(.*)@[^@]+$'), '\+.*$', ''), '')
        || '@' || substring(lower(btrim(email)) from '@([^@]+)$')
  end
$$;

-- The last nine digits of a phone number that has at least nine.
create function baken_phone_key(phone text) returns text
language sql immutable parallel safe
as $$
  select case when length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 9
    then right(regexp_replace(phone, '[^0-9]', '', 'g'), 9) end
$$;

-- The checks before a record is saved look these up one by one (KvK numbers: accounts_kvk_idx of 0009).
create index contacts_email_key_idx on contacts (workspace_id, baken_email_key(email)) where email is not null;
create index contacts_phone_key_idx on contacts (workspace_id, baken_phone_key(phone)) where phone is not null;
create index contacts_mobile_key_idx on contacts (workspace_id, baken_phone_key(mobile)) where mobile is not null;
create index accounts_city_idx on accounts (workspace_id, lower(city)) where city is not null;

create table merges (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  record_type text not null check (record_type in ('contact', 'account')),
  survivor_id uuid not null,
  merged_id uuid not null,
  -- Both rows exactly as they were (to_jsonb of the row), restored as they are on undo.
  survivor_before jsonb not null,
  merged_before jsonb not null,
  -- The survivor's updated_at right after the merge: a later change makes undo unsafe.
  survivor_after_updated_at timestamptz not null,
  -- Per relation (activities, deal links, ...): what the merge changed, to put back on undo.
  moved jsonb not null,
  status text not null default 'done' check (status in ('done', 'undone')),
  merged_at timestamptz not null,
  merged_by uuid,
  undone_at timestamptz,
  undone_by uuid,
  primary key (workspace_id, id)
);
create index merges_merged_at_idx on merges (workspace_id, merged_at, id);
create index merges_survivor_idx on merges (workspace_id, record_type, survivor_id, merged_at);

create table duplicate_pairs (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  record_type text not null check (record_type in ('contact', 'account')),
  -- The two records, lower id first. No foreign keys: a pair outlives a deleted record (the lists
  -- show only pairs whose records both exist), and keeps a dismissal for good.
  record_a uuid not null,
  record_b uuid not null,
  score smallint not null check (score between 0 and 100),
  reasons jsonb not null,
  exact boolean not null default false,
  status text not null default 'open' check (status in ('open', 'merged', 'dismissed')),
  merge_id uuid,
  -- The last scan that found the pair: open pairs a newer scan no longer finds are removed.
  scan_id uuid,
  found_at timestamptz not null,
  updated_at timestamptz not null,
  resolved_by uuid,
  primary key (workspace_id, id),
  check (record_a < record_b),
  foreign key (workspace_id, merge_id) references merges (workspace_id, id) on delete set null (merge_id)
);
create unique index duplicate_pairs_records_key
  on duplicate_pairs (workspace_id, record_type, record_a, record_b);
-- The review list: a type's open pairs, highest score first.
create index duplicate_pairs_list_idx on duplicate_pairs (workspace_id, record_type, status, score desc, id);
create index duplicate_pairs_record_b_idx on duplicate_pairs (workspace_id, record_type, record_b);
create index duplicate_pairs_merge_idx on duplicate_pairs (workspace_id, merge_id) where merge_id is not null;

create table duplicate_scans (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  record_types text[] not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  phase text,
  pairs_found integer,
  error text,
  requested_by uuid,
  started_at timestamptz not null,
  finished_at timestamptz,
  primary key (workspace_id, id)
);
-- One scan at a time per workspace (it runs as a background job).
create unique index duplicate_scans_active_key on duplicate_scans (workspace_id)
  where status in ('queued', 'running');
create index duplicate_scans_started_idx on duplicate_scans (workspace_id, started_at, id);
