-- Core records: accounts, contacts, pipelines and stages, deals, activities, tags, custom fields.

create table tags (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  color text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index tags_name_key on tags (workspace_id, lower(name));

create table custom_field_definitions (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  record_type text not null check (record_type in ('account', 'contact', 'deal', 'activity')),
  key text not null,
  label text not null,
  type text not null check (type in ('text', 'number', 'date', 'select', 'multi_select', 'boolean', 'url')),
  options text[] not null default '{}',
  required boolean not null default false,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, record_type, key)
);

create table accounts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  domain text,
  website text,
  phone text,
  email text,
  street text,
  postal_code text,
  city text,
  region text,
  country char(2),
  kvk_number text,
  vat_number text,
  industry_code text,
  employee_count integer,
  annual_revenue bigint,
  founded_year smallint,
  technologies text[] not null default '{}',
  customer_status text not null default 'prospect'
    check (customer_status in ('prospect', 'customer', 'former_customer', 'partner', 'competitor', 'other')),
  owner_id uuid,
  description text,
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  search_text text generated always as (baken_fold(name || ' ' || coalesce(domain, ''))) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id)
);
create index accounts_name_idx on accounts (workspace_id, name, id);
create index accounts_created_idx on accounts (workspace_id, created_at, id);
create index accounts_updated_idx on accounts (workspace_id, updated_at, id);
create index accounts_employees_idx on accounts (workspace_id, employee_count, id);
create index accounts_revenue_idx on accounts (workspace_id, annual_revenue, id);
create index accounts_owner_idx on accounts (workspace_id, owner_id, id);
create index accounts_owner_name_idx on accounts (workspace_id, owner_id, name, id);
create index accounts_domain_idx on accounts (workspace_id, lower(domain));
create index accounts_tags_idx on accounts using gin (tags);
create index accounts_search_fts_idx on accounts using gin (to_tsvector('simple', search_text));
create index accounts_search_trgm_idx on accounts using gin (search_text gin_trgm_ops);

create table contacts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  first_name text,
  last_name text,
  email text,
  phone text,
  mobile text,
  job_title text,
  persona text check (persona in ('decision_maker', 'champion', 'influencer', 'user', 'gatekeeper')),
  account_id uuid,
  lifecycle_stage text not null default 'lead'
    check (lifecycle_stage in ('subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'disqualified')),
  lead_source text,
  owner_id uuid,
  marketing_consent text not null default 'unknown' check (marketing_consent in ('unknown', 'granted', 'denied', 'withdrawn')),
  consent_at timestamptz,
  consent_source text,
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  search_text text generated always as (
    baken_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, ''))
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, account_id) references accounts (workspace_id, id) on delete set null (account_id),
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id)
);
create unique index contacts_email_key on contacts (workspace_id, lower(email));
create index contacts_last_name_idx on contacts (workspace_id, last_name, id);
create index contacts_created_idx on contacts (workspace_id, created_at, id);
create index contacts_updated_idx on contacts (workspace_id, updated_at, id);
create index contacts_owner_idx on contacts (workspace_id, owner_id, id);
create index contacts_account_idx on contacts (workspace_id, account_id, id);
create index contacts_stage_idx on contacts (workspace_id, lifecycle_stage, id);
-- The lists' usual views: my contacts, contacts in a stage, my contacts in a stage, by last name.
create index contacts_owner_name_idx on contacts (workspace_id, owner_id, last_name, id);
create index contacts_stage_name_idx on contacts (workspace_id, lifecycle_stage, last_name, id);
create index contacts_owner_stage_name_idx on contacts (workspace_id, owner_id, lifecycle_stage, last_name, id);
create index contacts_tags_idx on contacts using gin (tags);
create index contacts_search_fts_idx on contacts using gin (to_tsvector('simple', search_text));
create index contacts_search_trgm_idx on contacts using gin (search_text gin_trgm_ops);

create table pipelines (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  position integer not null default 0,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

create table stages (
  workspace_id uuid not null,
  id uuid not null,
  pipeline_id uuid not null,
  name text not null,
  position integer not null,
  probability smallint not null check (probability between 0 and 100),
  kind text not null default 'open' check (kind in ('open', 'won', 'lost')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  -- lets deals prove by foreign key that their stage belongs to their pipeline
  unique (workspace_id, pipeline_id, id),
  foreign key (workspace_id, pipeline_id) references pipelines (workspace_id, id) on delete cascade
);

create table deals (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  account_id uuid,
  pipeline_id uuid not null,
  stage_id uuid not null,
  amount bigint not null default 0 check (amount >= 0),
  currency char(3) not null default 'EUR',
  recurring_amount bigint not null default 0 check (recurring_amount >= 0),
  expected_close_date date,
  actual_close_date date,
  probability smallint not null check (probability between 0 and 100),
  forecast_category text not null default 'pipeline'
    check (forecast_category in ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
  owner_id uuid,
  lost_reason text,
  source text,
  stage_entered_at timestamptz not null,
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  search_text text generated always as (baken_fold(name)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, account_id) references accounts (workspace_id, id) on delete set null (account_id),
  foreign key (workspace_id, pipeline_id, stage_id) references stages (workspace_id, pipeline_id, id),
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id)
);
create index deals_name_idx on deals (workspace_id, name, id);
create index deals_created_idx on deals (workspace_id, created_at, id);
create index deals_updated_idx on deals (workspace_id, updated_at, id);
create index deals_amount_idx on deals (workspace_id, amount, id);
create index deals_close_idx on deals (workspace_id, expected_close_date, id);
create index deals_closed_idx on deals (workspace_id, actual_close_date, id);
create index deals_recurring_idx on deals (workspace_id, recurring_amount, id);
create index deals_probability_idx on deals (workspace_id, probability, id);
create index deals_stage_entered_idx on deals (workspace_id, stage_entered_at, id);
create index deals_board_idx on deals (workspace_id, pipeline_id, stage_id, id);
create index deals_owner_idx on deals (workspace_id, owner_id, id);
create index deals_owner_close_idx on deals (workspace_id, owner_id, expected_close_date, id);
create index deals_account_idx on deals (workspace_id, account_id, id);
create index deals_tags_idx on deals using gin (tags);
create index deals_search_fts_idx on deals using gin (to_tsvector('simple', search_text));
create index deals_search_trgm_idx on deals using gin (search_text gin_trgm_ops);

create table deal_stage_changes (
  workspace_id uuid not null,
  id uuid not null,
  deal_id uuid not null,
  from_stage_id uuid,
  to_stage_id uuid not null,
  changed_at timestamptz not null,
  changed_by uuid,
  primary key (workspace_id, id),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade
);
create index deal_stage_changes_deal_idx on deal_stage_changes (workspace_id, deal_id, changed_at desc, id desc);

create table deal_contacts (
  workspace_id uuid not null,
  deal_id uuid not null,
  contact_id uuid not null,
  role text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, deal_id, contact_id),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade,
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
);
create index deal_contacts_contact_idx on deal_contacts (workspace_id, contact_id);

create table activities (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  type text not null check (type in ('call', 'email', 'meeting', 'visit', 'task', 'note')),
  subject text,
  body text,
  direction text check (direction in ('inbound', 'outbound')),
  outcome text,
  due_at timestamptz,
  done_at timestamptz,
  duration_minutes integer check (duration_minutes >= 0),
  contact_id uuid,
  account_id uuid,
  deal_id uuid,
  owner_id uuid,
  custom jsonb not null default '{}',
  -- when it happened (or will): what the timeline sorts by
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete set null (contact_id),
  foreign key (workspace_id, account_id) references accounts (workspace_id, id) on delete set null (account_id),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete set null (deal_id),
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id)
);
create index activities_contact_idx on activities (workspace_id, contact_id, occurred_at desc, id desc);
create index activities_account_idx on activities (workspace_id, account_id, occurred_at desc, id desc);
create index activities_deal_idx on activities (workspace_id, deal_id, occurred_at desc, id desc);
create index activities_owner_due_idx on activities (workspace_id, owner_id, due_at, id);
create index activities_occurred_idx on activities (workspace_id, occurred_at, id);
create index activities_due_idx on activities (workspace_id, due_at, id);
create index activities_done_idx on activities (workspace_id, done_at, id);
create index activities_created_idx on activities (workspace_id, created_at, id);
create index activities_updated_idx on activities (workspace_id, updated_at, id);
