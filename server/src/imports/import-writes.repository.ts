import type { ImportMatchKey } from '@baken/core/imports/import.schema';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { ImportColumn, ImportTarget } from './import-targets.ts';

// The set-based SQL of an import batch: every statement takes the whole batch as one JSON parameter
// (jsonb_to_recordset), so a batch of thousands of rows costs a handful of statements.

type Row = Record<string, unknown> & { id: string };

const recordDefinition = (columns: ImportColumn[]) =>
  columns.map((column) => `${column.column} ${column.type}`).join(', ');
const columnValue = (column: ImportColumn) =>
  column.default ? `coalesce(x.${column.column}, ${column.default})` : `x.${column.column}`;

/** Records of the batch's keys that exist already, full rows, by key. */
export async function findMatches(
  db: Kysely<DB>,
  target: ImportTarget,
  workspaceId: string,
  matchBy: ImportMatchKey,
  keys: string[],
): Promise<Map<string, Row>> {
  const expression = target.matchColumns[matchBy];
  if (!expression || keys.length === 0) return new Map();
  const { rows } = await sql<Row & { matchKey: string }>`
    select *, ${sql.raw(expression)} as match_key from ${sql.table(target.table)}
    where workspace_id = ${workspaceId} and ${sql.raw(expression)} = any(${keys}::text[])
    order by id`.execute(db);
  const found = new Map<string, Row>();
  for (const { matchKey, searchText: _search, workspaceId: _workspace, ...row } of rows) {
    if (!found.has(matchKey)) found.set(matchKey, row as Row);
  }
  return found;
}

/** Writes new records; returns the ids written (a row that hits a unique key, such as an email, is left out). */
export async function insertRecords(
  db: Kysely<DB>,
  target: ImportTarget,
  workspaceId: string,
  now: Date,
  rows: Record<string, unknown>[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const columns = target.columns;
  const names = columns.map((column) => column.column).join(', ');
  const values = columns.map(columnValue).join(', ');
  const { rows: written } = await sql<{ id: string }>`
    insert into ${sql.table(target.table)} (workspace_id, id, owner_id, created_at, updated_at, ${sql.raw(names)})
    select ${workspaceId}, x.id, x.owner_id, ${now}, ${now}, ${sql.raw(values)}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id uuid, owner_id uuid, ${sql.raw(recordDefinition(columns))})
    on conflict do nothing
    returning id`.execute(db);
  return new Set(written.map((row) => row.id));
}

/** Gives existing records the values of the batch (all importable columns, merged in the caller). */
export async function updateRecords(
  db: Kysely<DB>,
  target: ImportTarget,
  workspaceId: string,
  now: Date,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const set = target.columns.map((column) => `${column.column} = ${columnValue(column)}`).join(', ');
  await sql`
    update ${sql.table(target.table)} as t set ${sql.raw(set)}, updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, ${sql.raw(recordDefinition(target.columns))})
    where t.workspace_id = ${workspaceId} and t.id = x.id`.execute(db);
}

/** Emails of other records than `exceptIds`, among `emails`: an update cannot take them. */
export async function takenEmails(
  db: Kysely<DB>,
  workspaceId: string,
  emails: string[],
  exceptIds: string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const { rows } = await sql<{ email: string }>`
    select lower(email) as email from contacts
    where workspace_id = ${workspaceId} and lower(email) = any(${emails}::text[]) and id <> all(${exceptIds}::uuid[])`.execute(
    db,
  );
  return new Set(rows.map((row) => row.email));
}

/** Accounts by company name, case and spacing ignored; the oldest one when several share a name. */
export async function accountsByCompanyKey(
  db: Kysely<DB>,
  workspaceId: string,
  names: string[],
): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const { rows } = await sql<{ key: string; id: string }>`
    select baken_company_key(name) as key, id from accounts
    where workspace_id = ${workspaceId} and baken_company_key(name) = any(${names}::text[])
    order by id`.execute(db);
  const found = new Map<string, string>();
  for (const row of rows) if (!found.has(row.key)) found.set(row.key, row.id);
  return found;
}

/** Accounts by domain; the oldest one when several share a domain. */
export async function accountsByDomain(
  db: Kysely<DB>,
  workspaceId: string,
  domains: string[],
): Promise<Map<string, string>> {
  if (domains.length === 0) return new Map();
  const { rows } = await sql<{ key: string; id: string }>`
    select lower(domain) as key, id from accounts
    where workspace_id = ${workspaceId} and lower(domain) = any(${domains}::text[])
    order by id`.execute(db);
  const found = new Map<string, string>();
  for (const row of rows) if (!found.has(row.key)) found.set(row.key, row.id);
  return found;
}

export interface ImportRecordEntry {
  recordType: 'contact' | 'account';
  recordId: string;
  rowNumber: number;
  action: 'created' | 'updated';
  /** Previous values of the changed columns (updates), by column name. */
  before: Record<string, unknown> | null;
}

export async function insertImportRecords(
  db: Kysely<DB>,
  workspaceId: string,
  importId: string,
  writtenAt: Date,
  entries: ImportRecordEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const json = entries.map((entry) => ({
    record_type: entry.recordType,
    record_id: entry.recordId,
    row_number: entry.rowNumber,
    action: entry.action,
    before: entry.before,
  }));
  await sql`
    insert into import_records (workspace_id, import_id, record_type, record_id, row_number, action, before, written_at)
    select ${workspaceId}, ${importId}, x.record_type, x.record_id, x.row_number, x.action, x.before, ${writtenAt}
    from jsonb_to_recordset(${JSON.stringify(json)}::jsonb)
      as x(record_type text, record_id uuid, row_number integer, action text, before jsonb)`.execute(db);
}

export interface ImportFailureEntry {
  rowNumber: number;
  reason: string;
  cells: string[];
}

export async function insertImportFailures(
  db: Kysely<DB>,
  workspaceId: string,
  importId: string,
  failures: ImportFailureEntry[],
): Promise<void> {
  if (failures.length === 0) return;
  const json = failures.map((failure) => ({
    row_number: failure.rowNumber,
    reason: failure.reason,
    cells: failure.cells,
  }));
  await sql`
    insert into import_failures (workspace_id, import_id, row_number, reason, cells)
    select ${workspaceId}, ${importId}, x.row_number, x.reason, x.cells
    from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(row_number integer, reason text, cells text[])`.execute(
    db,
  );
}
