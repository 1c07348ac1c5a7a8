-- A record's timeline shows the imports that created or changed it: one index range scan per record,
-- newest first, like its other timeline sources.
create index import_records_record_idx on import_records (workspace_id, record_type, record_id, written_at, import_id);
