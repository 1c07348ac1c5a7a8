-- The ideal customer profile (one document per workspace, core/src/scoring/icp.ts) and each company's
-- fit to it, 0-100, in a narrow table of its own like contact_scores. A null score is stale: written
-- by the trigger below for every company added or changed in a workspace with a profile, and scored
-- again set-based by the account-fit sweep, so no write path (forms, imports, enrichment, merges)
-- can leave an old score behind for long.
create table icp_profiles (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  profile jsonb not null,
  updated_at timestamptz not null,
  updated_by uuid
);

create table account_fit_scores (
  workspace_id uuid not null,
  account_id uuid not null,
  score smallint,
  scored_at timestamptz not null,
  primary key (workspace_id, account_id),
  foreign key (workspace_id, account_id) references accounts (workspace_id, id) on delete cascade
) with (fillfactor = 80);
-- Prospect lists: the best-fitting companies first.
create index account_fit_scores_rank_idx on account_fit_scores (workspace_id, score desc, account_id)
  where score is not null;
create index account_fit_scores_stale_idx on account_fit_scores (workspace_id) where score is null;

create function account_fit_stale() returns trigger
language plpgsql as $$
begin
  -- A restore brings the scores back as they were.
  if current_setting('baken.lifecycle_cause', true) = 'restore' then
    return null;
  end if;
  insert into account_fit_scores (workspace_id, account_id, score, scored_at)
  select n.workspace_id, n.id, null, now()
  from new_rows n
  where exists (select 1 from icp_profiles p where p.workspace_id = n.workspace_id)
  on conflict (workspace_id, account_id) do update set score = null;
  return null;
end
$$;

create trigger accounts_fit_insert after insert on accounts
  referencing new table as new_rows for each statement execute function account_fit_stale();
create trigger accounts_fit_update after update on accounts
  referencing new table as new_rows for each statement execute function account_fit_stale();
