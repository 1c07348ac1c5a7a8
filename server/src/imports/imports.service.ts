import { createReadStream } from 'node:fs';
import {
  defaultImportOptions,
  type ImportOptions,
  type ImportResponse,
  type importUpdateInput,
  matchKeysOf,
} from '@baken/core/imports/import.schema';
import {
  customImportFields,
  type ImportRecordType,
  importFieldsOf,
  suggestMapping,
} from '@baken/core/imports/import-fields';
import { atLeast } from '@baken/core/platform/roles';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, invalidField, notFound } from '../platform/errors.ts';
import { enqueue } from '../platform/jobs/jobs.ts';
import { assertCanWrite } from '../platform/records/record-writes.ts';
import { analyzeFile } from './import-file.ts';
import { customFieldsOf, importJob } from './import-job.ts';
import { accountTarget, contactTarget, targetOf } from './import-targets.ts';
import {
  countChangedSince,
  deleteCreatedRecords,
  failuresAfter,
  findImport,
  type ImportRow,
  insertFileChunk,
  insertImport,
  listImports,
  restoreUpdatedRecords,
  updateImport,
} from './imports.repository.ts';

const FILE_CHUNK_BYTES = 1024 * 1024;

async function fieldsFor(ctx: RequestContext, recordType: ImportRecordType) {
  const definitions = await customFieldsOf(ctx, recordType);
  return { builtIn: importFieldsOf(recordType), custom: customImportFields(definitions), definitions };
}

async function view(ctx: RequestContext, row: ImportRow): Promise<ImportResponse> {
  const { builtIn, custom, definitions } = await fieldsFor(ctx, row.recordType);
  const labels = new Map(definitions.map((definition) => [`custom.${definition.key}`, definition.label]));
  const all = [...builtIn, ...custom];
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    id: row.id,
    recordType: row.recordType,
    status: row.status,
    fileName: row.fileName,
    fileSize: row.fileSize,
    fileFormat: row.fileFormat,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: row.headers,
    sample: row.sample,
    totalRows: row.totalRows,
    mapping: row.mapping as (string | null)[],
    suggestedMapping: suggestMapping(row.headers, all),
    fields: all.map((field) => ({ key: field.key, label: labels.get(field.key) ?? null })),
    options: row.options as unknown as ImportOptions,
    rowsDone: row.rowsDone,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    failedCount: row.failedCount,
    check: (row.checkResult as ImportResponse['check']) ?? null,
    error: row.error,
    createdBy: row.createdBy,
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    undoneAt: iso(row.undoneAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function ownImport(
  ctx: RequestContext,
  id: string,
  forUpdate = false,
  db = ctx.db,
): Promise<ImportRow> {
  assertCanWrite(ctx);
  const row = await findImport(db, ctx.actor.workspaceId, id, forUpdate);
  if (!row) throw notFound('Import');
  return row;
}

export async function imports(ctx: RequestContext) {
  assertCanWrite(ctx);
  const rows = await listImports(ctx.db, ctx.actor.workspaceId, 50);
  return { data: await Promise.all(rows.map((row) => view(ctx, row))) };
}

export async function importOf(ctx: RequestContext, id: string) {
  return view(ctx, await ownImport(ctx, id));
}

export interface UploadedFile {
  fileName: string;
  path: string;
  size: number;
}

/** Reads the uploaded file once (kind, header, rows), keeps it in the database and suggests a mapping. */
export async function uploadImport(ctx: RequestContext, recordType: ImportRecordType, file: UploadedFile) {
  assertCanWrite(ctx);
  let facts: Awaited<ReturnType<typeof analyzeFile>>;
  try {
    facts = await analyzeFile(file.path);
  } catch (error) {
    throw new AppError('invalid', `This file cannot be read as CSV or XLSX: ${(error as Error).message}`, [
      { field: 'file', message: 'Upload a CSV or XLSX file.' },
    ]);
  }
  if (facts.headers.filter((header) => header !== '').length === 0) {
    throw invalidField('file', 'The file has no header row: its first row must name the columns.');
  }
  const { builtIn, custom } = await fieldsFor(ctx, recordType);
  const id = ctx.newId();
  const now = ctx.now();
  const mapping = suggestMapping(facts.headers, [...builtIn, ...custom]);
  const options = defaultImportOptions(recordType);
  await ctx.db.transaction().execute(async (trx) => {
    await insertImport(trx, {
      workspaceId: ctx.actor.workspaceId,
      id,
      createdBy: ctx.actor.userId,
      recordType,
      status: 'uploaded',
      fileName: file.fileName.slice(0, 255),
      fileSize: file.size,
      fileFormat: facts.format,
      encoding: facts.dialect?.encoding ?? null,
      delimiter: facts.dialect?.delimiter ?? null,
      headers: facts.headers,
      sample: JSON.stringify(facts.sample),
      totalRows: facts.totalRows,
      mapping: JSON.stringify(mapping),
      options: JSON.stringify(options),
      createdAt: now,
      updatedAt: now,
    });
    let seq = 0;
    for await (const chunk of createReadStream(file.path, { highWaterMark: FILE_CHUNK_BYTES })) {
      await insertFileChunk(trx, ctx.actor.workspaceId, id, seq++, chunk as Buffer);
    }
    await audit(ctx, trx, 'create', 'import', id, {
      recordType,
      fileName: file.fileName,
      rows: facts.totalRows,
    });
  });
  return importOf(ctx, id);
}

function checkMapping(
  recordType: ImportRecordType,
  row: ImportRow,
  mapping: (string | null)[],
  keys: Set<string>,
) {
  if (mapping.length !== row.headers.length) {
    throw invalidField('mapping', `Give one field (or null) for each of the ${row.headers.length} columns.`);
  }
  const used = new Set<string>();
  mapping.forEach((key, column) => {
    if (key === null) return;
    if (!keys.has(key))
      throw invalidField(`mapping.${column}`, `There is no ${recordType} field '${key}' to import into.`);
    if (used.has(key)) throw invalidField(`mapping.${column}`, `Field '${key}' is mapped to two columns.`);
    used.add(key);
  });
}

/** Changes the mapping or options of an import that has not started; a dry run must be done again. */
export async function changeImport(
  ctx: RequestContext,
  id: string,
  input: z.output<typeof importUpdateInput>,
) {
  // Read before the transaction: on PGlite a read through ctx.db inside it would wait for its connection.
  const { recordType } = await ownImport(ctx, id);
  const { builtIn, custom } = await fieldsFor(ctx, recordType);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await ownImport(ctx, id, true, trx);
    if (!['uploaded', 'checked'].includes(row.status)) {
      throw new AppError('conflict', `This import is ${row.status}; its mapping can no longer change.`);
    }
    const mapping = input.mapping ?? (row.mapping as (string | null)[]);
    checkMapping(row.recordType, row, mapping, new Set([...builtIn, ...custom].map((field) => field.key)));
    const options = { ...(row.options as unknown as ImportOptions), ...input.options };
    if (!(matchKeysOf[row.recordType] as readonly string[]).includes(options.matchBy)) {
      throw invalidField(
        'options.matchBy',
        `${row.recordType}s are matched by ${matchKeysOf[row.recordType].join(', ')}.`,
      );
    }
    await updateImport(trx, ctx.actor.workspaceId, id, {
      mapping: JSON.stringify(mapping),
      options: JSON.stringify(options),
      status: 'uploaded',
      checkResult: null,
      error: null,
      updatedAt: ctx.now(),
    });
    await audit(ctx, trx, 'update', 'import', id, { mapping, options });
  });
  return importOf(ctx, id);
}

async function queue(ctx: RequestContext, id: string, check: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await ownImport(ctx, id, true, trx);
    if (!['uploaded', 'checked'].includes(row.status)) {
      throw new AppError(
        'conflict',
        `This import is ${row.status}; it cannot be ${check ? 'checked' : 'started'} now.`,
      );
    }
    if (!(row.mapping as (string | null)[]).some((key) => key !== null)) {
      throw invalidField('mapping', 'Map at least one column to a field first.');
    }
    const status = check ? 'checking' : 'queued';
    await updateImport(trx, ctx.actor.workspaceId, id, {
      status,
      error: null,
      ...(check ? { checkResult: null } : {}),
      updatedAt: ctx.now(),
    });
    const data = { workspaceId: ctx.actor.workspaceId, importId: id, check };
    // The run has one job for good; each dry run is a job of its own.
    await enqueue(trx, importJob, data, check ? {} : { key: `${id}:run` });
    await audit(ctx, trx, 'update', 'import', id, { status: { from: row.status, to: status } });
  });
  return importOf(ctx, id);
}

/** The dry run: every row is checked as the import would, nothing is written. */
export const checkImport = (ctx: RequestContext, id: string) => queue(ctx, id, true);
export const startImport = (ctx: RequestContext, id: string) => queue(ctx, id, false);

const csvCell = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The failed rows as CSV: row number, reason, then the row's cells under the file's own headers. */
export async function errorReport(ctx: RequestContext, id: string) {
  const row = await ownImport(ctx, id);
  const { workspaceId } = ctx.actor;
  async function* lines(): AsyncGenerator<string> {
    yield `\ufeff${csvLine(['row', 'reason', ...row.headers])}`;
    for (let after = 0; ; ) {
      const page = await failuresAfter(ctx.db, workspaceId, id, after, 1000);
      if (page.length === 0) return;
      yield page
        .map((failure) => csvLine([String(failure.rowNumber), failure.reason, ...failure.cells]))
        .join('');
      after = page.at(-1)!.rowNumber;
    }
  }
  return { fileName: `${row.fileName.replace(/\.[^.]+$/, '')}-errors.csv`, lines: lines() };
}

/**
 * Takes a finished import back in one transaction: records it created are deleted, records it
 * changed get their previous values. Refused (409) when records were changed since, unless forced.
 */
export async function undoImport(ctx: RequestContext, id: string, force: boolean) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await ownImport(ctx, id, true, trx);
    if (row.createdBy !== ctx.actor.userId && !atLeast(ctx.actor.role, 'manager')) {
      throw new AppError('forbidden', 'Only the person who ran this import or a manager can undo it.');
    }
    if (row.status !== 'completed' && row.status !== 'failed') {
      throw new AppError('conflict', `This import is ${row.status}; only a finished import can be undone.`);
    }
    const { workspaceId } = ctx.actor;
    const target = targetOf(row.recordType);
    let changedSince = await countChangedSince(trx, target, workspaceId, id);
    if (target === contactTarget)
      changedSince += await countChangedSince(trx, accountTarget, workspaceId, id);
    if (changedSince > 0 && !force) {
      throw new AppError(
        'conflict',
        `${changedSince} of the records this import wrote were changed since; undo with force to overwrite those changes.`,
      );
    }
    const restored = await restoreUpdatedRecords(trx, target, workspaceId, id);
    let deleted = await deleteCreatedRecords(trx, target, workspaceId, id);
    if (target === contactTarget) deleted += await deleteCreatedRecords(trx, accountTarget, workspaceId, id);
    const now = ctx.now();
    await updateImport(trx, workspaceId, id, { status: 'undone', undoneAt: now, updatedAt: now });
    await audit(ctx, trx, 'update', 'import', id, {
      status: { from: row.status, to: 'undone' },
      deleted,
      restored,
      changedSince,
    });
    return { deleted, restored, changedSince };
  });
  return { ...result, import: await importOf(ctx, id) };
}
