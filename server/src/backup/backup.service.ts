import type { Kysely } from 'kysely';
import { setLifecycleCause } from '../lifecycle/lifecycle.repository.ts';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Engine } from '../platform/db/database.ts';
import { currentSchemaVersion } from '../platform/db/migrate.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import {
  describeTables,
  emailsTakenByOtherUsers,
  insertRows,
  type RowFilter,
  readPage,
  tableHasRows,
  useUtcForThisTransaction,
  vacuumAnalyze,
  workspaceExists,
} from './backup.repository.ts';
import {
  type BackupHeader,
  type BackupWriter,
  endLine,
  FORMAT_VERSION,
  headerLine,
  openBackupWriter,
  parseHeader,
  parseLine,
  readBackupLines,
  rowLine,
} from './backup-file.ts';
import { assertWorkspaceScopable, planTables, type TablePlan } from './backup-plan.ts';

/** Rows read per query while dumping: small enough for PGlite's memory, large enough to be quick. */
const PAGE_ROWS = 2000;
/** Rows per INSERT while restoring. */
const BATCH_ROWS = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BackupOptions {
  engine: Engine;
  /** Only this workspace: its rows, the workspace itself and its members' user rows. */
  workspaceId?: string | undefined;
  now?: () => Date;
  /**
   * Called once per table with the number of rows written, while the snapshot is open: on PGlite's
   * single connection, awaiting a query here would wait for the backup, which waits for it.
   */
  onProgress?: (table: string, rows: number) => void | Promise<void>;
  /** Rows per keyset page (tests make it small to cross page boundaries). */
  pageRows?: number;
}

export interface BackupSummary {
  header: BackupHeader;
  rows: Record<string, number>;
}

/**
 * Writes a consistent dump to `file`: every table is read inside one repeatable-read transaction,
 * so the rows agree with each other even while the app keeps writing. The file appears only when
 * complete.
 */
export async function writeBackup(
  db: Kysely<DB>,
  file: string,
  options: BackupOptions,
): Promise<BackupSummary> {
  const { workspaceId } = options;
  if (workspaceId !== undefined && !UUID.test(workspaceId)) {
    throw new AppError('invalid', `'${workspaceId}' is not a workspace id (a UUID).`);
  }
  const writer = openBackupWriter(file);
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => dumpAll(trx, writer, options));
    await writer.close();
    return summary;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

// Runs inside the snapshot: on PGlite's single connection it must use `trx` only, never the outer db.
async function dumpAll(
  trx: Kysely<DB>,
  writer: BackupWriter,
  options: BackupOptions,
): Promise<BackupSummary> {
  await useUtcForThisTransaction(trx);
  const plan = planTables(await describeTables(trx));
  const filter: RowFilter = options.workspaceId === undefined ? null : { workspaceId: options.workspaceId };
  if (filter) {
    assertWorkspaceScopable(plan);
    if (!(await workspaceExists(trx, filter.workspaceId))) {
      throw new AppError('not_found', `There is no workspace with id ${filter.workspaceId}.`);
    }
  }
  const header: BackupHeader = {
    format: 'baken-backup',
    version: FORMAT_VERSION,
    schemaVersion: await currentSchemaVersion(trx),
    engine: options.engine,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    ...(filter ? { scope: 'workspace', workspaceId: filter.workspaceId } : { scope: 'database' }),
  };
  await writer.write(headerLine(header));
  const rows: Record<string, number> = {};
  for (const table of plan) {
    const count = await dumpTable(trx, writer, table, filter, options.pageRows ?? PAGE_ROWS);
    rows[table.name] = count;
    await options.onProgress?.(table.name, count);
  }
  await writer.write(endLine(rows));
  return { header, rows };
}

async function dumpTable(
  trx: Kysely<DB>,
  writer: BackupWriter,
  table: TablePlan,
  filter: RowFilter,
  pageRows: number,
): Promise<number> {
  let count = 0;
  let after: string[] | null = null;
  do {
    const page = await readPage(trx, table, filter, after, pageRows);
    if (page.rows.length > 0) await writer.write(page.rows.map((row) => rowLine(table.name, row)).join(''));
    count += page.rows.length;
    after = page.lastKey;
  } while (after !== null);
  return count;
}

export interface RestoreOptions {
  /** Called once per table with the number of rows read from the file. */
  onProgress?: (table: string, rows: number) => void;
  /** Rows per INSERT (tests make it small to cross batch boundaries). */
  batchRows?: number;
}

/**
 * Loads a backup into `db`, which must be migrated to the backup's schema version. A database backup
 * needs an empty database; a workspace backup needs its workspace to be absent, and keeps users that
 * are already there. Everything happens in one transaction: on any failure the database stays as it was.
 */
export async function restoreBackup(
  db: Kysely<DB>,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value);
    const schemaVersion = await currentSchemaVersion(db);
    if (header.schemaVersion !== schemaVersion) {
      throw new AppError(
        'conflict',
        `This backup has schema version ${header.schemaVersion} but the database has ${schemaVersion}: restore it with the Baken version that wrote it.`,
      );
    }
    const rows = await db.transaction().execute(async (trx) => {
      await setLifecycleCause(trx, 'restore');
      const plan = planTables(await describeTables(trx));
      await assertTargetReady(trx, plan, header);
      return loadRows(trx, plan, lines, options);
    });
    await vacuumAnalyze(db, Object.keys(rows));
    return { header, rows };
  } finally {
    await lines.return(undefined);
  }
}

async function assertTargetReady(trx: Kysely<DB>, plan: TablePlan[], header: BackupHeader): Promise<void> {
  if (header.scope === 'workspace') {
    if (header.workspaceId && (await workspaceExists(trx, header.workspaceId))) {
      throw new AppError(
        'conflict',
        `Workspace ${header.workspaceId} already exists in this database: a workspace backup restores only where its workspace is absent.`,
      );
    }
    return;
  }
  for (const table of plan) {
    if (await tableHasRows(trx, table.name)) {
      throw new AppError(
        'conflict',
        `This database is not empty (table ${table.name} has rows): restore a whole-database backup only into an empty database.`,
      );
    }
  }
}

/** Inserts the rows of the file in batches, in the file's (foreign-key) order, and checks the end marker. */
async function loadRows(
  trx: Kysely<DB>,
  plan: TablePlan[],
  lines: AsyncIterator<string>,
  options: RestoreOptions,
): Promise<Record<string, number>> {
  const tables = new Map(plan.map((table) => [table.name, table]));
  const rows: Record<string, number> = {};
  const batch = new RowBatch(trx, options.batchRows ?? BATCH_ROWS, (table) =>
    options.onProgress?.(table, rows[table] ?? 0),
  );
  for (let lineNumber = 2; ; lineNumber++) {
    const next = await lines.next();
    if (next.done) {
      throw new AppError('invalid', 'This backup ends before its end marker: the file is incomplete.');
    }
    if (next.value === '') continue;
    const line = parseLine(next.value, lineNumber);
    if (line.kind === 'end') {
      await batch.finish();
      assertCounts(rows, line.rows);
      await assertNothingAfterEnd(lines);
      return rows;
    }
    const table = tables.get(line.table);
    if (!table) {
      throw new AppError(
        'invalid',
        `Line ${lineNumber} of the backup is for table ${line.table}, which this database does not restore.`,
      );
    }
    await batch.add(table, line.row);
    rows[table.name] = (rows[table.name] ?? 0) + 1;
  }
}

/** Collects the rows of one table and inserts them `size` at a time; reports each table when done. */
class RowBatch {
  private table: TablePlan | null = null;
  private rows: string[] = [];

  constructor(
    private readonly trx: Kysely<DB>,
    private readonly size: number,
    private readonly tableDone: (table: string) => void,
  ) {}

  async add(table: TablePlan, row: string): Promise<void> {
    if (table !== this.table) {
      await this.finish();
      this.table = table;
    }
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    if (this.table) this.tableDone(this.table.name);
  }

  private async flush(): Promise<void> {
    if (this.table && this.rows.length > 0) await insertBatch(this.trx, this.table, this.rows);
    this.rows = [];
  }
}

async function insertBatch(trx: Kysely<DB>, table: TablePlan, rows: string[]): Promise<void> {
  const rowsJson = `[${rows.join(',')}]`;
  // Users are global: a workspace backup brings its members, some of whom may already be here.
  const keepExisting = table.scope === 'members';
  if (keepExisting) {
    const taken = await emailsTakenByOtherUsers(trx, rowsJson);
    if (taken.length > 0) {
      throw new AppError(
        'conflict',
        `This database already has a different user with the email address ${taken.join(', ')}: the backup's user cannot be restored next to it.`,
      );
    }
  }
  await insertRows(trx, table, rowsJson, keepExisting);
}

function assertCounts(restored: Record<string, number>, expected: Record<string, number>): void {
  for (const table of new Set([...Object.keys(restored), ...Object.keys(expected)])) {
    if ((restored[table] ?? 0) !== (expected[table] ?? 0)) {
      throw new AppError(
        'invalid',
        `This backup is damaged: it holds ${restored[table] ?? 0} rows of ${table} but its end marker counts ${expected[table] ?? 0}.`,
      );
    }
  }
}

async function assertNothingAfterEnd(lines: AsyncIterator<string>): Promise<void> {
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    if (next.value !== '') {
      throw new AppError('invalid', 'This backup has content after its end marker: the file is damaged.');
    }
  }
}

/** A backup of the caller's workspace into `file` (owners only), noted in the audit log. */
export async function backUpWorkspace(ctx: RequestContext, file: string): Promise<BackupSummary> {
  if (ctx.actor.role !== 'owner')
    throw new AppError('forbidden', 'Only owners can download a backup of the workspace.');
  const summary = await writeBackup(ctx.db, file, {
    engine: ctx.engine,
    workspaceId: ctx.actor.workspaceId,
    now: ctx.now,
  });
  const rows = Object.values(summary.rows).reduce((sum, count) => sum + count, 0);
  await ctx.db.transaction().execute((trx) => audit(ctx, trx, 'create', 'backup', ctx.newId(), { rows }));
  return summary;
}
