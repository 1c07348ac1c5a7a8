-- Handing MQLs to sales. Every contact that becomes MQL, by whatever path (a score, a person, an
-- import), gets a handover row routed to a sales owner in the same statement (a trigger on the
-- lifecycle history, set-based); the owner accepts it (SQL) or rejects it with a reason, and the
-- first-touch service level is measured on it. Rejections and outcomes feed marketing's lead
-- quality report. Routing settings and the round robin's turn counter live per workspace.
create table lead_routing (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  settings jsonb not null,
  next_turn bigint not null default 0,
  updated_at timestamptz not null,
  updated_by uuid
);

create table lead_handovers (
  workspace_id uuid not null,
  id uuid not null default gen_random_uuid(),
  contact_id uuid not null,
  routed_to uuid,
  -- round_robin, territory, account_owner; contact_owner when nobody takes turns; unrouted.
  routed_by text not null,
  -- The contact's lead source when it became MQL, so later edits do not rewrite the report.
  source text,
  mql_at timestamptz not null,
  -- The first-touch deadline in business hours, filled in by the service level sweep.
  due_at timestamptz,
  first_touch_at timestamptz,
  breached_at timestamptz,
  -- Touched in time or breached: the sweep looks no further at it.
  settled boolean not null default false,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  reason text,
  note text,
  decided_at timestamptz,
  decided_by uuid,
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, routed_to) references memberships (workspace_id, user_id) on delete set null (routed_to)
);
create index lead_handovers_owner_idx on lead_handovers (workspace_id, routed_to, status, mql_at desc, id);
create index lead_handovers_status_idx on lead_handovers (workspace_id, status, mql_at desc, id);
create index lead_handovers_contact_idx on lead_handovers (workspace_id, contact_id);
-- What the sweep visits: deadlines to compute, and deadlines not yet settled.
create index lead_handovers_undated_idx on lead_handovers (workspace_id, id) where due_at is null;
create index lead_handovers_unsettled_idx on lead_handovers (due_at) where not settled;

-- The first territory whose every given list matches the company (empty lists match anything).
create function baken_territory_owner(ws uuid, territories jsonb, country text, postcode text, industry text)
returns uuid
language sql stable
as $$
  select (t->>'userId')::uuid
  from jsonb_array_elements(coalesce(territories, '[]')) with ordinality x(t, i)
  join memberships m on m.workspace_id = ws and m.user_id = (t->>'userId')::uuid
  where (jsonb_array_length(t->'countries') = 0 or (t->'countries') @> to_jsonb(array[country]))
    and (jsonb_array_length(t->'postcodePrefixes') = 0 or exists (
      select 1 from jsonb_array_elements_text(t->'postcodePrefixes') p
      where upper(replace(postcode, ' ', '')) like upper(replace(p, ' ', '')) || '%'))
    and (jsonb_array_length(t->'industryPrefixes') = 0 or exists (
      select 1 from jsonb_array_elements_text(t->'industryPrefixes') p where industry like p || '%'))
  order by i
  limit 1
$$;

create function lead_handovers_of_new_mqls() returns trigger
language plpgsql as $$
declare
  ws uuid;
  settings jsonb;
  turn bigint;
  pool uuid[];
  taken bigint;
begin
  -- A restore brings the history back as it was: nothing is recorded or set off again.
  if current_setting('baken.lifecycle_cause', true) = 'restore' then
    return null;
  end if;
  for ws in select distinct workspace_id from new_rows where to_stage = 'mql' loop
    select r.settings, r.next_turn into settings, turn
    from lead_routing r where r.workspace_id = ws for update;
    turn := coalesce(turn, 0);
    -- Only people still in the workspace take turns, in the order they were listed.
    pool := array(
      select u.id::uuid from jsonb_array_elements_text(coalesce(settings->'userIds', '[]')) with ordinality u(id, n)
      join memberships m on m.workspace_id = ws and m.user_id = u.id::uuid
      order by u.n);
    with mqls as (
      select n.contact_id, max(n.changed_at) as mql_at
      from new_rows n where n.workspace_id = ws and n.to_stage = 'mql'
      group by n.contact_id
    ), by_rule as (
      select q.contact_id, q.mql_at, c.owner_id as contact_owner, c.lead_source,
        case settings->>'mode'
          when 'account_owner' then a.owner_id
          when 'territory' then baken_territory_owner(ws, settings->'territories', a.country, a.postal_code, a.industry_code)
        end as rule_owner
      from mqls q
      join contacts c on c.workspace_id = ws and c.id = q.contact_id
      left join accounts a on a.workspace_id = ws and a.id = c.account_id
    ), turns as (
      select b.*,
        case when b.rule_owner is null and cardinality(pool) > 0
          then row_number() over (partition by b.rule_owner is null order by b.mql_at, b.contact_id) end as turn_no
      from by_rule b
    ), routed as (
      insert into lead_handovers (workspace_id, contact_id, routed_to, routed_by, source, mql_at)
      select ws, t.contact_id,
        coalesce(t.rule_owner, pool[((turn + t.turn_no - 1) % cardinality(pool)) + 1], t.contact_owner),
        case when t.rule_owner is not null then settings->>'mode'
          when t.turn_no is not null then 'round_robin'
          when t.contact_owner is not null then 'contact_owner'
          else 'unrouted' end,
        t.lead_source, t.mql_at
      from turns t
      returning contact_id, routed_to, routed_by
    ), owners as (
      update contacts c set owner_id = r.routed_to
      from routed r
      where c.workspace_id = ws and c.id = r.contact_id and r.routed_to is not null
        and c.owner_id is distinct from r.routed_to
    )
    select count(*) filter (where routed_by = 'round_robin') into taken from routed;
    if taken > 0 then
      update lead_routing set next_turn = next_turn + taken where workspace_id = ws;
    end if;
  end loop;
  return null;
end
$$;

create trigger lifecycle_changes_handover after insert on lifecycle_changes
  referencing new table as new_rows for each statement execute function lead_handovers_of_new_mqls();

-- In-app notifications: one row per person told.
create table notifications (
  workspace_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  kind text not null,
  -- What it is about, for the link and the text: {contactId, name, ...}.
  subject jsonb not null default '{}',
  created_at timestamptz not null,
  read_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);
create index notifications_user_idx on notifications (workspace_id, user_id, created_at desc, id desc);
