import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { Engine } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';

/**
 * A backup file is gzip-compressed NDJSON: a header line, one line per row
 * (`{"t":"<table>","r":{...}}`, column names as in SQL), and an end line with the row count of
 * every table, so that a file cut short is told apart from a complete one.
 */
export interface BackupHeader {
  format: 'baken-backup';
  version: 1;
  schemaVersion: number;
  engine: Engine;
  createdAt: string;
  scope: 'database' | 'workspace';
  workspaceId?: string;
}

export type BackupLine =
  | { kind: 'row'; table: string; row: string }
  | { kind: 'end'; rows: Record<string, number> };

export const FORMAT_VERSION = 1;

export function headerLine(header: BackupHeader): string {
  return `${JSON.stringify(header)}\n`;
}

/** `row` is PostgreSQL's JSON text of the row: written as is, so no value passes through a JS number. */
export function rowLine(table: string, row: string): string {
  return `{"t":${JSON.stringify(table)},"r":${row}}\n`;
}

export function endLine(rows: Record<string, number>): string {
  return `${JSON.stringify({ end: true, rows })}\n`;
}

// The row is taken as raw text for the same reason it is written raw: JSON.parse would round int8
// values beyond 2^53. PostgreSQL parses it (and rejects it if it is not JSON) on insert.
const ROW_LINE = /^\{"t":("(?:[^"\\]|\\.)*"),"r":(\{.*\})\}$/s;

export function parseLine(line: string, lineNumber: number): BackupLine {
  const row = ROW_LINE.exec(line);
  if (row) return { kind: 'row', table: JSON.parse(row[1]!) as string, row: row[2]! };
  const parsed = parseJson(line, lineNumber) as { end?: unknown; rows?: unknown };
  if (parsed.end === true && isCounts(parsed.rows)) return { kind: 'end', rows: parsed.rows };
  throw notABackup(`line ${lineNumber} is neither a row nor the end marker`);
}

export function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw notABackup('it is empty');
  const header = parseJson(line, 1) as Partial<BackupHeader>;
  if (header.format !== 'baken-backup') throw notABackup('its first line is not a Baken backup header');
  if (header.version !== FORMAT_VERSION) {
    throw new AppError(
      'invalid',
      `This backup has format version ${header.version}; this Baken reads version ${FORMAT_VERSION}.`,
    );
  }
  if (
    typeof header.schemaVersion !== 'number' ||
    (header.scope !== 'database' && header.scope !== 'workspace')
  ) {
    throw notABackup('its header lacks the schema version or the scope');
  }
  if (header.scope === 'workspace' && typeof header.workspaceId !== 'string')
    throw notABackup('its header lacks the workspace id');
  return header as BackupHeader;
}

function parseJson(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw notABackup(`line ${lineNumber} is not JSON`);
  }
}

function isCounts(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((count) => Number.isInteger(count))
  );
}

function notABackup(why: string): AppError {
  return new AppError('invalid', `This file is not a complete Baken backup: ${why}.`);
}

export interface BackupWriter {
  /** Resolves once the text is buffered, waiting while the disk is behind (backpressure). */
  write(text: string): Promise<void>;
  /** Flushes the file and gives it its name: until then it is `<file>.partial`. */
  close(): Promise<void>;
  /** Removes the partial file after a failure. */
  abort(): Promise<void>;
}

/** A backup file that appears under its name only when complete, so a failed backup never looks like one. */
export function openBackupWriter(file: string): BackupWriter {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(partial)).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'invalid',
      `Cannot write ${file}: ${error.code === 'ENOENT' ? 'its folder does not exist' : error.message}.`,
    );
  });
  // Observed here so that a failure while nobody awaits `done` is not an unhandled rejection.
  done.catch(() => {});
  return {
    write: async (text) => {
      if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), done]);
    },
    close: async () => {
      gzip.end();
      await done;
      await rename(partial, file);
    },
    abort: async () => {
      gzip.destroy();
      await done.catch(() => {});
      await rm(partial, { force: true });
    },
  };
}

/** The lines of a backup file, decompressed as they are read; a damaged file fails with a clear message. */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'not_found',
      `Cannot open ${file}: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}.`,
    );
  });
  const gunzip = createGunzip();
  const source = handle.createReadStream();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (pending + decoder.write(chunk as Buffer)).split('\n');
      pending = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid', `Cannot read ${file} (${reason}): it is damaged or not a Baken backup.`);
  } finally {
    gunzip.destroy();
    source.destroy();
    await handle.close().catch(() => {});
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}

/** The header of a backup file, read without going through its rows. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}
