import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../../server/src/platform/db/schema.ts';
import type { CellValue, TableRows } from './bench-plan.ts';

/** Writes one table's rows by the fastest path an engine offers; returns how many it wrote. */
export interface BulkSink {
  method: string;
  load(rows: TableRows): Promise<number>;
  close(): Promise<void>;
}

// COPY text format: backslash escapes for the characters that separate fields and rows.
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyCell = (value: CellValue) =>
  value === null ? '\\N' : String(value).replace(/[\\\t\n\r]/g, (char) => copyEscapes[char]!);

/** Lines of COPY text joined into ~256 KB chunks: one stream write per row would dominate the time. */
function* copyChunks(rows: Iterable<CellValue[]>, counter: { rows: number }): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyCell).join('\t')}\n`;
    counter.rows++;
    if (chunk.length >= 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** PostgreSQL: `COPY ... FROM STDIN` on a connection of its own. */
export async function copySink(url: string): Promise<BulkSink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    method: 'COPY FROM STDIN',
    load: async ({ table, columns, rows }) => {
      const counter = { rows: 0 };
      const target = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      await pipeline(Readable.from(copyChunks(rows(), counter)), target);
      return counter.rows;
    },
    close: () => client.end(),
  };
}

const INSERT_BATCH = 1000;

/**
 * PGlite behind our socket: COPY FROM STDIN loses protocol sync there (the worker hands PGlite one
 * message at a time, and CopyData between messages is not supported), so 1000-row INSERTs, each
 * batch one JSON parameter unpacked by json_populate_recordset (one parameter instead of 15,000).
 */
export function insertSink(db: Kysely<DB>): BulkSink {
  return {
    method: `INSERT ... json_populate_recordset, ${INSERT_BATCH} rows a statement`,
    load: async ({ table, columns, rows }) => {
      const list = columns.join(', ');
      const text = `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1::json)`;
      let batch: Record<string, CellValue>[] = [];
      let count = 0;
      const flush = async () => {
        await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(batch)]));
        count += batch.length;
        batch = [];
      };
      for (const row of rows()) {
        batch.push(Object.fromEntries(columns.map((column, index) => [column, row[index] ?? null])));
        if (batch.length === INSERT_BATCH) await flush();
      }
      if (batch.length > 0) await flush();
      return count;
    },
    close: async () => undefined,
  };
}
