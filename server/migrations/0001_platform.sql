-- Platform: workspaces, users, memberships, sessions, API tokens, invitations, audit log.
-- Every tenant table leads its primary key, unique constraints and foreign keys with workspace_id
-- (docs/scaling.md): tables can be distributed by workspace without a schema change.

create extension if not exists pg_trgm;

-- Lower-case, accent-free text for search: immutable, so it can feed generated columns and indexes.
-- Separators of emails, domains and phone numbers become spaces so each part is a word on its own.
create function baken_fold(value text) returns text
language sql immutable parallel safe
as $$
  select lower(translate(value,
    'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÇçÑñŠšŽžŒœ@._-/+',
    'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyCcNnSsZzOo      '))
$$;

create table workspaces (
  id uuid primary key,
  name text not null,
  time_zone text not null default 'Europe/Amsterdam',
  currency char(3) not null default 'EUR',
  locale text not null default 'nl',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- A person can belong to several workspaces, so users are global; what they may do lives in memberships.
create table users (
  id uuid primary key,
  email text not null,
  name text not null,
  password_hash text not null,
  locale text not null default 'nl',
  time_zone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table memberships (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'manager', 'sales', 'marketing', 'viewer')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table sessions (
  workspace_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  token_hash bytea not null,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

create table api_tokens (
  workspace_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  name text not null,
  token_hash bytea not null,
  scope text not null check (scope in ('read', 'read_write')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

create table invitations (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  email text not null,
  role text not null check (role in ('owner', 'admin', 'manager', 'sales', 'marketing', 'viewer')),
  token_hash bytea not null,
  invited_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid,
  revoked_at timestamptz,
  primary key (workspace_id, id)
);

-- Append-only. No foreign key to users or records: the trail outlives what it describes.
create table audit_log (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  at timestamptz not null,
  actor_user_id uuid,
  actor_token_id uuid,
  action text not null check (action in ('create', 'update', 'delete')),
  entity_type text not null,
  entity_id uuid not null,
  changes jsonb not null,
  primary key (workspace_id, id)
);
create index audit_log_at_idx on audit_log (workspace_id, at, id);
create index audit_log_entity_idx on audit_log (workspace_id, entity_type, entity_id, at desc, id desc);
