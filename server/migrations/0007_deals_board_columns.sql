-- The deals board loads each stage's column on its own, soonest expected close first, a page at a
-- time: one index delivers a column's deals in that order. It also serves what deals_board_idx
-- served (a pipeline's deals by stage, for the column heads), so that index goes.
create index deals_board_column_idx on deals (workspace_id, pipeline_id, stage_id, expected_close_date, id);
drop index deals_board_idx;
