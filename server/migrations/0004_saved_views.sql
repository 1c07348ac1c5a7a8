-- Saved views of the record lists: a user's own named sort, filters, search and columns per list,
-- kept on the server so they follow the user to any browser. A view belongs to a membership and
-- leaves with it.
create table saved_views (
  workspace_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  list text not null check (list in ('accounts', 'contacts', 'deals', 'activities')),
  name text not null check (char_length(name) between 1 and 80),
  view jsonb not null check (jsonb_typeof(view) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);
-- One name per user and list whatever its case; also the index of the menu (a user's views of a list by name).
create unique index saved_views_name_key on saved_views (workspace_id, user_id, list, lower(name));
