-- Sales development to account executive: when a sales development rep books a meeting on a deal, the
-- deal passes to an account executive (by rule) and remembers the rep who sourced it, who keeps
-- changing it alongside the new owner. The round robin among account executives keeps its own turn.
alter table deals add column sdr_id uuid;
alter table deals add foreign key (workspace_id, sdr_id)
  references memberships (workspace_id, user_id) on delete set null (sdr_id);
alter table lead_routing add column ae_next_turn bigint not null default 0;
