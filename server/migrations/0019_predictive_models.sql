-- The predictive lead score: a model learned from the workspace's own history (which contacts became
-- customers), kept as one JSON document (core/src/scoring/predictive.ts) and applied when read.
create table predictive_models (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  model jsonb not null,
  trained_at timestamptz not null,
  trained_by uuid
);
