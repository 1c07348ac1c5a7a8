import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CamelCasePlugin, Kysely, type KyselyConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { PgliteWorkerData, PgliteWorkerReply, PgliteWorkerRequest } from './pglite-messages.ts';
import { preparingPool } from './prepared-statements.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgresql';

export type DatabaseTarget =
  | {
      engine: 'postgresql';
      url: string;
      poolSize?: number;
      /** Off for a pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode). */
      preparedStatements?: boolean;
    }
  /** `dataDir` 'memory://' keeps everything in memory; `loadDataDirFile` starts from a dumped data dir. */
  | { engine: 'pglite'; dataDir: string; loadDataDirFile?: string };

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** A tarball of the PGlite data dir (PGlite only): used to build test templates. */
  dumpDataDir?: () => Promise<ArrayBuffer>;
  close(): Promise<void>;
}

// Identical JavaScript values from both engines: counts and money (int8) as numbers (all ours stay far
// below 2^53), calendar dates as 'YYYY-MM-DD' strings instead of local-midnight Date objects.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const digitsOf = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};
type TimestampParser = ((value: string) => unknown) & { general?: (value: string) => unknown };
const current = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as TimestampParser;
const generalTimestamptz = current.general ?? current;

/**
 * timestamptz as PostgreSQL writes it in UTC ('2026-11-26 17:23:47.123456+00'), read without the
 * regular expressions of the general parser (three times faster; a 50-row page has 100 to 250 of
 * them). Anything else (another time zone, BC, infinity, years before 1000) goes to the general one,
 * which this matches to the millisecond.
 */
export const parseTimestamptz: TimestampParser = (text) => {
  const length = text.length;
  const fraction = length - 23; // digits after the decimal point
  if (
    length >= 22 &&
    length <= 29 &&
    length !== 23 &&
    text.endsWith('+00') &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 32 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58 &&
    (length === 22 || text.charCodeAt(19) === 46)
  ) {
    const year = digitsOf(text, 0, 4);
    const month = digitsOf(text, 5, 7);
    const day = digitsOf(text, 8, 10);
    const hour = digitsOf(text, 11, 13);
    const minute = digitsOf(text, 14, 16);
    const second = digitsOf(text, 17, 19);
    const digits = fraction > 0 ? digitsOf(text, 20, length - 3) : 0;
    const millisecond =
      fraction <= 0
        ? 0
        : Math.floor(fraction >= 3 ? digits / 10 ** (fraction - 3) : digits * 10 ** (3 - fraction));
    if (year >= 1000 && month > 0 && day > 0 && hour >= 0 && minute >= 0 && second >= 0 && digits >= 0) {
      return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
    }
  }
  return generalTimestamptz(text);
};
parseTimestamptz.general = generalTimestamptz;
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, parseTimestamptz);

export interface OpenOptions {
  /** Sees every query that ran, e.g. to EXPLAIN it in a test. */
  onQuery?: (query: { sql: string; parameters: readonly unknown[] }) => void;
}

type Row = Record<string, unknown>;

/**
 * Column names become camelCase, but keys inside jsonb values (custom field keys such as
 * renewal_date, audit changes) are data and must come back exactly as they were stored. Rows are
 * renamed by a function made once per set of columns, instead of key by key for every row.
 */
class CamelCaseRows extends CamelCasePlugin {
  readonly #renamers = new Map<string, (row: Row) => Row>();

  constructor() {
    super({ maintainNestedObjectKeys: true });
  }

  #renamerOf(columns: string[]): (row: Row) => Row {
    const shape = columns.join('\u0000');
    let renamer = this.#renamers.get(shape);
    if (!renamer) {
      const fields = columns.map(
        (column) => `${JSON.stringify(this.camelCase(column))}: row[${JSON.stringify(column)}]`,
      );
      renamer = new Function('row', `return { ${fields.join(', ')} };`) as (row: Row) => Row;
      if (this.#renamers.size < 1000) this.#renamers.set(shape, renamer);
    }
    return renamer;
  }

  override async transformResult(
    args: Parameters<CamelCasePlugin['transformResult']>[0],
  ): ReturnType<CamelCasePlugin['transformResult']> {
    const rows = args.result.rows as Row[] | undefined;
    const first = rows?.[0];
    if (!rows || !first) return args.result;
    // A literal `"__proto__": …` would set the prototype: leave such a row to the plugin's own loop.
    if (Object.hasOwn(first, '__proto__')) return super.transformResult(args);
    // Every row of one result has the same columns.
    const rename = this.#renamerOf(Object.keys(first));
    return { ...args.result, rows: rows.map(rename) };
  }
}

function kyselyOver(pool: pg.Pool, options: OpenOptions, preparedStatements = true): Kysely<DB> {
  const camelCase = new CamelCaseRows();
  const { onQuery } = options;
  const log: KyselyConfig['log'] = onQuery
    ? (event) => {
        if (event.level === 'query') onQuery(event.query);
      }
    : undefined;
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: preparedStatements ? preparingPool(pool) : pool }),
    plugins: [camelCase],
    ...(log ? { log } : {}),
  });
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.engine === 'postgresql') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover) is replaced on the next query; without
    // a listener the pool's error event would end the process.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
    const db = kyselyOver(pool, options, target.preparedStatements);
    return { db, engine: 'postgresql', close: () => db.destroy() };
  }
  return openPglite(target, options);
}

async function openPglite(
  target: { dataDir: string; loadDataDirFile?: string },
  options: OpenOptions,
): Promise<Database> {
  const inMemory = target.dataDir.startsWith('memory://');
  const lock: DataDirLock | null = inMemory ? null : await acquireDataDirLock(target.dataDir);
  const socketDir = await mkdtemp(join(tmpdir(), 'baken-pglite-'));
  const socketPort = 5432;
  const workerData: PgliteWorkerData = {
    dataDir: target.dataDir,
    socketPath: join(socketDir, `.s.PGSQL.${socketPort}`),
    ...(target.loadDataDirFile ? { loadDataDirFile: target.loadDataDirFile } : {}),
  };
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData,
  });
  try {
    await nextReply(worker, 'ready');
  } catch (error) {
    await worker.terminate();
    await lock?.release();
    throw error;
  }
  // One connection: PGlite has a single session (see pglite-worker.ts); the pool queues the rest.
  const pool = new pg.Pool({
    host: socketDir,
    port: socketPort,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    // Kept open while idle: a new connection would start without the prepared statements.
    idleTimeoutMillis: 0,
  });
  const db = kyselyOver(pool, options);
  let closed = false;
  return {
    db,
    engine: 'pglite',
    dumpDataDir: async () => {
      const reply = nextReply(worker, 'dump');
      worker.postMessage({ type: 'dump' } satisfies PgliteWorkerRequest);
      const message = await reply;
      return (message as Extract<PgliteWorkerReply, { type: 'dump' }>).data;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      const done = nextReply(worker, 'closed');
      worker.postMessage({ type: 'close' } satisfies PgliteWorkerRequest);
      await done;
      await worker.terminate();
      await rm(socketDir, { recursive: true, force: true });
      await lock?.release();
    },
  };
}

function nextReply(worker: Worker, type: PgliteWorkerReply['type']): Promise<PgliteWorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: PgliteWorkerReply) => {
      if (message.type !== type && message.type !== 'error') return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (message.type === 'error') reject(new Error(`PGlite: ${message.message}`));
      else resolve(message);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
  });
}
