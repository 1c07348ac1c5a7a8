import type { CustomFieldDefinition } from '@baken/core/custom-fields/custom-field-values';
import type { ImportCheckResult, ImportOptions } from '@baken/core/imports/import.schema';
import { customImportFields, importFieldsOf } from '@baken/core/imports/import-fields';
import { rowMapper } from '@baken/core/imports/import-rows';
import type { Role } from '@baken/core/platform/roles';
import { customFields } from '../custom-fields/custom-fields.service.ts';
import { scanAfterImport } from '../duplicates/duplicates.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { AppContext, RequestContext } from '../platform/context.ts';
import { languageOf } from '../platform/i18n/translate.ts';
import { defineJob } from '../platform/jobs/jobs.ts';
import { findUserById } from '../users/users.repository.ts';
import { defaultCountryOf } from '../workspaces/workspaces.service.ts';
import {
  type BatchContext,
  countBatch,
  planBatch,
  rememberKey,
  type SourceRow,
  writeBatch,
} from './import-batch.ts';
import { type FileFormat, fileRows } from './import-file.ts';
import { targetOf } from './import-targets.ts';
import {
  deleteFileChunks,
  failedRowNumbers,
  fileChunks,
  findImport,
  type ImportRow,
  roleOfMember,
  saveCheckpoint,
  updateImport,
} from './imports.repository.ts';

/** Rows per transaction: large enough for set-based SQL to pay off, small enough to keep locks short. */
export const IMPORT_BATCH_ROWS = 2000;
const MAX_PROBLEMS = 100;

export interface ImportJobData {
  workspaceId: string;
  importId: string;
  /** The dry run: plan every row, write nothing. */
  check: boolean;
}

/** The importer as the actor of the import's writes and audit rows. */
function importerContext(ctx: AppContext, row: ImportRow, role: Role): RequestContext {
  return {
    ...ctx,
    actor: {
      workspaceId: row.workspaceId,
      userId: row.createdBy!,
      role,
      via: 'session',
      tokenId: null,
      sessionId: null,
      scope: 'read_write',
    },
  };
}

/** The custom fields of a record type, through the custom fields service. */
export async function customFieldsOf(
  ctx: RequestContext,
  recordType: 'contact' | 'account',
): Promise<CustomFieldDefinition[]> {
  return (await customFields(ctx, recordType)).map(({ key, label, type, options, required }) => ({
    key,
    label,
    type,
    options,
    required,
  }));
}

async function batchContext(ctx: RequestContext, row: ImportRow): Promise<BatchContext> {
  const target = targetOf(row.recordType);
  const definitions = await customFieldsOf(ctx, row.recordType);
  const mapping = row.mapping as (string | null)[];
  const headerOf = new Map<string, string>();
  mapping.forEach((key, column) => {
    if (key) headerOf.set(key, row.headers[column] ?? key);
  });
  return {
    target,
    workspaceId: row.workspaceId,
    importId: row.id,
    actor: { userId: ctx.actor.userId, role: ctx.actor.role },
    options: row.options as unknown as ImportOptions,
    mapper: rowMapper(
      [...importFieldsOf(row.recordType), ...customImportFields(definitions)],
      definitions,
      mapping,
    ),
    definitions,
    headerOf,
    defaultCountry: await defaultCountryOf(ctx.db, row.workspaceId),
    language: languageOf((await findUserById(ctx.db, ctx.actor.userId))?.locale),
    seen: new Map(),
    createdAccounts: new Map(),
    newId: ctx.newId,
  };
}

/** The data rows of the stored file, numbered as a spreadsheet numbers them (the header is row 1). */
async function* sourceRows(ctx: AppContext, row: ImportRow): AsyncGenerator<SourceRow> {
  let rowNumber = 0;
  const dialect =
    row.fileFormat === 'csv' ? { encoding: row.encoding as 'utf-8', delimiter: row.delimiter ?? ',' } : null;
  for await (const cells of fileRows(
    fileChunks(ctx.db, row.workspaceId, row.id),
    row.fileFormat as FileFormat,
    dialect,
  )) {
    rowNumber++;
    if (rowNumber > 1) yield { rowNumber, cells };
  }
}

async function runCheck(ctx: RequestContext, row: ImportRow, signal: AbortSignal): Promise<void> {
  const batch = await batchContext(ctx, row);
  const result: ImportCheckResult = {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    problems: [],
  };
  let rows: SourceRow[] = [];
  const flush = async () => {
    const outcome = countBatch(await planBatch(ctx.db, batch, rows));
    result.rows += rows.length;
    result.created += outcome.created;
    result.updated += outcome.updated;
    result.unchanged += outcome.unchanged;
    result.failed += outcome.failed;
    for (const failure of outcome.failures) {
      if (result.problems.length < MAX_PROBLEMS)
        result.problems.push({ row: failure.rowNumber, reason: failure.reason });
    }
    result.problems.sort((a, b) => a.row - b.row);
    rows = [];
    await updateImport(ctx.db, row.workspaceId, row.id, { checkResult: JSON.stringify(result) });
  };
  for await (const source of sourceRows(ctx, row)) {
    rows.push(source);
    if (rows.length === IMPORT_BATCH_ROWS) await flush();
    if (signal.aborted) return;
  }
  if (rows.length > 0) await flush();
  await updateImport(ctx.db, row.workspaceId, row.id, {
    status: 'checked',
    checkResult: JSON.stringify(result),
    updatedAt: ctx.now(),
  });
}

/**
 * Writes batches one after the other, each in its own transaction with its checkpoint, while the
 * next one is read and planned: the app's work on a batch (parsing, checks, phone numbers) then runs
 * on one core while the database writes the batch before on the other. On PGlite, which has one
 * connection, the next batch's reads simply wait for the write.
 */
class BatchPipeline {
  private writing: Promise<void> | null = null;

  constructor(
    private readonly ctx: RequestContext,
    private readonly batch: BatchContext,
    private readonly workspaceId: string,
    private readonly importId: string,
  ) {}

  /** Plans the rows, waits for the batch before to be committed, and starts writing these. */
  async add(rows: SourceRow[]): Promise<void> {
    const planned = await planBatch(this.ctx.db, this.batch, rows);
    await this.finish();
    const through = rows.at(-1)!.rowNumber - 1;
    const writing = this.ctx.db.transaction().execute(async (trx) => {
      const outcome = await writeBatch(trx, this.batch, planned);
      await saveCheckpoint(trx, this.workspaceId, this.importId, through, outcome, this.ctx.now());
    });
    // Its failure is thrown by the next add() or finish(); until then it must not count as unhandled.
    writing.catch(() => undefined);
    this.writing = writing;
  }

  /** Waits for the batch being written; throws if its transaction failed. */
  async finish(): Promise<void> {
    const writing = this.writing;
    this.writing = null;
    await writing;
  }

  /**
   * When reading or planning fails: lets the write in flight end before the job gives up, so that a
   * new attempt never starts while a batch it will redo is still being committed.
   */
  async settle(): Promise<void> {
    await this.writing?.catch(() => undefined);
  }
}

/**
 * The import itself. Each batch is one transaction with its checkpoint (rows done and counts), so a
 * new attempt after a crash skips exactly the rows committed before it (remembering their match keys
 * for the duplicate check) and no row is written twice.
 */
async function runImport(ctx: RequestContext, row: ImportRow, signal: AbortSignal): Promise<void> {
  const batch = await batchContext(ctx, row);
  const { workspaceId, id } = row;
  if (row.status === 'queued') {
    await updateImport(ctx.db, workspaceId, id, {
      status: 'running',
      startedAt: ctx.now(),
      updatedAt: ctx.now(),
    });
  }
  const failedBefore =
    row.rowsDone > 0 ? await failedRowNumbers(ctx.db, workspaceId, id, row.rowsDone) : new Set<number>();
  const batches = new BatchPipeline(ctx, batch, workspaceId, id);
  let rows: SourceRow[] = [];
  try {
    for await (const source of sourceRows(ctx, row)) {
      if (source.rowNumber - 1 <= row.rowsDone) {
        if (!failedBefore.has(source.rowNumber)) rememberKey(batch, source);
        continue;
      }
      rows.push(source);
      if (rows.length === IMPORT_BATCH_ROWS) {
        await batches.add(rows);
        rows = [];
        if (signal.aborted) return await batches.finish();
      }
    }
    if (rows.length > 0) await batches.add(rows);
    await batches.finish();
  } catch (error) {
    await batches.settle();
    throw error;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const final = (await findImport(trx, workspaceId, id, true))!;
    const now = ctx.now();
    await updateImport(trx, workspaceId, id, { status: 'completed', finishedAt: now, updatedAt: now });
    await deleteFileChunks(trx, workspaceId, id);
    if (final.createdCount + final.updatedCount > 0) await scanAfterImport(ctx, trx, row.recordType);
    // One audit row for the whole import; what it did to each record is in import_records.
    await audit(ctx, trx, 'update', 'import', id, {
      status: { from: final.status, to: 'completed' },
      created: final.createdCount,
      updated: final.updatedCount,
      unchanged: final.unchangedCount,
      failed: final.failedCount,
    });
  });
}

export const importJob = defineJob<ImportJobData>({
  name: 'import',
  retryLimit: 5,
  retryDelaySeconds: 2,
  async run(job) {
    const { ctx, data } = job;
    const row = await findImport(ctx.db, data.workspaceId, data.importId);
    // A job that no longer matches its import (re-checked, started, undone meanwhile) does nothing.
    if (
      !row ||
      (data.check ? row.status !== 'checking' : row.status !== 'queued' && row.status !== 'running')
    )
      return;
    const role = row.createdBy ? await roleOfMember(ctx.db, row.workspaceId, row.createdBy) : null;
    if (!role || role === 'viewer')
      throw new Error('The person who started this import can no longer write records.');
    const importer = importerContext(ctx, row, role as Role);
    if (data.check) await runCheck(importer, row, job.signal);
    else await runImport(importer, row, job.signal);
  },
  async failed(ctx, data, error) {
    // A failed dry run leaves the import as uploaded, to be checked or started again.
    await updateImport(ctx.db, data.workspaceId, data.importId, {
      status: data.check ? 'uploaded' : 'failed',
      error: error.message,
      ...(data.check ? {} : { finishedAt: ctx.now() }),
      updatedAt: ctx.now(),
    });
  },
});
