-- Sales targets: an amount (cents, the workspace's currency) per person, or for the whole workspace
-- (user_id null), per month or quarter. Attainment is computed from the won deals when read.
create table quotas (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  user_id uuid,
  unit text not null check (unit in ('month', 'quarter')),
  period_start date not null,
  amount bigint not null check (amount >= 0),
  updated_at timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);
-- One quota per person (or the workspace) and period.
create unique index quotas_period_idx on quotas (workspace_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'), unit, period_start);
