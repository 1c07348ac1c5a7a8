-- Routing keeps a contact with its owner when that owner is one of the people taking turns: a rep's
-- own contact that becomes MQL stays theirs; contacts of marketing or of nobody are routed as before.
create or replace function lead_handovers_of_new_mqls() returns trigger
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
    ), kept as (
      -- A contact already owned by someone who takes turns stays with them.
      select b.*, coalesce(b.contact_owner = any(pool), false) as keeps_owner from by_rule b
    ), turns as (
      select k.*,
        case when not k.keeps_owner and k.rule_owner is null and cardinality(pool) > 0
          then row_number() over (partition by not k.keeps_owner and k.rule_owner is null
            order by k.mql_at, k.contact_id) end as turn_no
      from kept k
    ), routed as (
      insert into lead_handovers (workspace_id, contact_id, routed_to, routed_by, source, mql_at)
      select ws, t.contact_id,
        case when t.keeps_owner then t.contact_owner
          else coalesce(t.rule_owner, pool[((turn + t.turn_no - 1) % cardinality(pool)) + 1], t.contact_owner) end,
        case when t.keeps_owner then 'contact_owner'
          when t.rule_owner is not null then settings->>'mode'
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
