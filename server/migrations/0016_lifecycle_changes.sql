-- Every lifecycle stage a contact enters, with the stage before it and what moved it. Written by
-- triggers on contacts, so every write path (forms, the API, bulk edits, imports, merges, rules) is
-- recorded the same way, set-based: one insert per statement, whatever its number of rows.
create table lifecycle_changes (
  workspace_id uuid not null,
  id uuid not null default gen_random_uuid(),
  contact_id uuid not null,
  from_stage text,
  to_stage text not null,
  -- user: a person or an API client; import; rule: one of Baken's lifecycle rules (`rule` names it).
  cause text not null check (cause in ('user', 'import', 'rule', 'workflow')),
  rule text,
  changed_at timestamptz not null,
  primary key (workspace_id, id)
);
-- No foreign key to contacts, like the audit log: the history outlives a deleted or merged contact
-- (funnel figures count it), and every contact written skips a key check. Erasing a person must
-- delete their rows here too.
create index lifecycle_changes_contact_idx on lifecycle_changes (workspace_id, contact_id, changed_at, id);

-- What caused the writes of the current transaction: the app sets `baken.lifecycle_cause` (import)
-- and the rule triggers set it around their own updates; unset means a person.
create function baken_lifecycle_cause() returns text
language sql stable
as $$
  select coalesce(nullif(split_part(current_setting('baken.lifecycle_cause', true), ':', 1), ''), 'user')
$$;

create function baken_lifecycle_rule() returns text
language sql stable
as $$
  select nullif(split_part(current_setting('baken.lifecycle_cause', true), ':', 2), '')
$$;

create function lifecycle_of_new_contacts() returns trigger
language plpgsql as $$
begin
  -- A restore brings the history back as it was: nothing is recorded or set off again.
  if current_setting('baken.lifecycle_cause', true) = 'restore' then
    return null;
  end if;
  insert into lifecycle_changes (workspace_id, contact_id, from_stage, to_stage, cause, rule, changed_at)
  select n.workspace_id, n.id, null, n.lifecycle_stage, baken_lifecycle_cause(), baken_lifecycle_rule(),
    n.created_at
  from new_rows n;
  return null;
end
$$;

create function lifecycle_of_changed_contacts() returns trigger
language plpgsql as $$
begin
  -- A restore brings the history back as it was: nothing is recorded or set off again.
  if current_setting('baken.lifecycle_cause', true) = 'restore' then
    return null;
  end if;
  insert into lifecycle_changes (workspace_id, contact_id, from_stage, to_stage, cause, rule, changed_at)
  select n.workspace_id, n.id, o.lifecycle_stage, n.lifecycle_stage, baken_lifecycle_cause(),
    baken_lifecycle_rule(), n.updated_at
  from new_rows n
  join old_rows o on o.workspace_id = n.workspace_id and o.id = n.id
  where o.lifecycle_stage is distinct from n.lifecycle_stage;
  return null;
end
$$;

create trigger contacts_lifecycle_insert after insert on contacts
  referencing new table as new_rows for each statement execute function lifecycle_of_new_contacts();
create trigger contacts_lifecycle_update after update on contacts
  referencing old table as old_rows new table as new_rows
  for each statement execute function lifecycle_of_changed_contacts();

-- How far along a stage is, for the rules that only ever move contacts forward. Disqualified counts
-- as not started: a contact on a deal or at a customer is no longer out of the running.
create function baken_lifecycle_rank(stage text) returns int
language sql immutable parallel safe
as $$
  select case stage
    when 'subscriber' then 1 when 'lead' then 2 when 'mql' then 3 when 'sql' then 4
    when 'opportunity' then 5 when 'customer' then 6 when 'evangelist' then 7 else 0 end
$$;

-- Moves the given contacts to `stage` where they are not that far yet, at the time of the write that
-- set the rule off (the app's clock, as every other time stamp), recorded as the rule's doing.
create function baken_lifecycle_advance(ws uuid, contact_ids uuid[], stage text, rule text, at timestamptz)
returns void
language plpgsql as $$
declare
  outer_cause text := current_setting('baken.lifecycle_cause', true);
begin
  perform set_config('baken.lifecycle_cause', 'rule:' || rule, true);
  update contacts set lifecycle_stage = stage, updated_at = at
  where workspace_id = ws and id = any(contact_ids)
    and baken_lifecycle_rank(lifecycle_stage) < baken_lifecycle_rank(stage);
  perform set_config('baken.lifecycle_cause', coalesce(outer_cause, ''), true);
end
$$;

-- Rule: a contact put on an open deal is an opportunity.
create function lifecycle_rule_deal_contacts() returns trigger
language plpgsql as $$
declare
  ws uuid;
  ids uuid[];
  at timestamptz;
begin
  -- A restore brings the history back as it was: nothing is recorded or set off again.
  if current_setting('baken.lifecycle_cause', true) = 'restore' then
    return null;
  end if;
  for ws, ids, at in
    select n.workspace_id, array_agg(distinct n.contact_id), max(n.created_at)
    from new_rows n
    join deals d on d.workspace_id = n.workspace_id and d.id = n.deal_id
    join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
    where s.kind = 'open'
    group by n.workspace_id
  loop
    perform baken_lifecycle_advance(ws, ids, 'opportunity', 'deal_opened', at);
  end loop;
  return null;
end
$$;

create trigger deal_contacts_lifecycle after insert on deal_contacts
  referencing new table as new_rows for each statement execute function lifecycle_rule_deal_contacts();

-- Rule: when a deal is won, its contacts and every contact of its company are customers.
create function baken_lifecycle_deals_won(ws uuid, deal_ids uuid[], at timestamptz) returns void
language plpgsql as $$
begin
  perform baken_lifecycle_advance(ws, array(
    select dc.contact_id from deal_contacts dc where dc.workspace_id = ws and dc.deal_id = any(deal_ids)
    union
    select c.id from deals d
    join contacts c on c.workspace_id = d.workspace_id and c.account_id = d.account_id
    where d.workspace_id = ws and d.id = any(deal_ids)
  ), 'customer', 'deal_won', at);
end
$$;

create function lifecycle_rule_new_deals() returns trigger
language plpgsql as $$
declare
  ws uuid;
  ids uuid[];
  at timestamptz;
begin
  -- A restore brings the history back as it was: nothing is recorded or set off again.
  if current_setting('baken.lifecycle_cause', true) = 'restore' then
    return null;
  end if;
  for ws, ids, at in
    select n.workspace_id, array_agg(n.id), max(n.updated_at) from new_rows n
    join stages s on s.workspace_id = n.workspace_id and s.id = n.stage_id and s.kind = 'won'
    group by n.workspace_id
  loop
    perform baken_lifecycle_deals_won(ws, ids, at);
  end loop;
  return null;
end
$$;

-- Only deals whose stage changed: a won deal edited later (its amount) must not pull back a contact
-- someone has moved on by hand since.
create function lifecycle_rule_changed_deals() returns trigger
language plpgsql as $$
declare
  ws uuid;
  ids uuid[];
  at timestamptz;
begin
  -- A restore brings the history back as it was: nothing is recorded or set off again.
  if current_setting('baken.lifecycle_cause', true) = 'restore' then
    return null;
  end if;
  for ws, ids, at in
    select n.workspace_id, array_agg(n.id), max(n.updated_at) from new_rows n
    join old_rows o on o.workspace_id = n.workspace_id and o.id = n.id and o.stage_id <> n.stage_id
    join stages s on s.workspace_id = n.workspace_id and s.id = n.stage_id and s.kind = 'won'
    group by n.workspace_id
  loop
    perform baken_lifecycle_deals_won(ws, ids, at);
  end loop;
  return null;
end
$$;

create trigger deals_lifecycle_insert after insert on deals
  referencing new table as new_rows for each statement execute function lifecycle_rule_new_deals();
create trigger deals_lifecycle_update after update on deals
  referencing old table as old_rows new table as new_rows
  for each statement execute function lifecycle_rule_changed_deals();

-- The stages contacts are in today, with the time of their last change, for every contact so far.
insert into lifecycle_changes (workspace_id, contact_id, from_stage, to_stage, cause, changed_at)
select workspace_id, id, null, lifecycle_stage, 'user', created_at from contacts;
