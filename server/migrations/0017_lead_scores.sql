-- Lead scoring. The model is one document per workspace (core/src/scoring/lead-score.ts); the
-- behaviour it scores is contact_events (tracking, forms and email add theirs); the scores live in
-- a narrow table of their own, so rescoring a million contacts never rewrites the wide contacts
-- table or its indexes (DESIGN.md section 7), and a rescore writes only the rows that changed.
create table scoring_models (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  model jsonb not null,
  updated_at timestamptz not null,
  updated_by uuid
);

create table contact_events (
  workspace_id uuid not null,
  id uuid not null,
  contact_id uuid not null,
  type text not null,
  path text,
  occurred_at timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
);
create index contact_events_contact_idx on contact_events (workspace_id, contact_id, occurred_at);

create table contact_scores (
  workspace_id uuid not null,
  contact_id uuid not null,
  fit numeric(8, 1) not null,
  engagement numeric(8, 1) not null,
  total numeric(8, 1) not null,
  scored_at timestamptz not null,
  primary key (workspace_id, contact_id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
) with (fillfactor = 80);
