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

export interface OpenOptions {
  /** Sees every query that ran, e.g. to EXPLAIN it in a test. */
  onQuery?: (query: { sql: string; parameters: readonly unknown[] }) => void;
}

function kyselyOver(pool: pg.Pool, options: OpenOptions, preparedStatements = true): Kysely<DB> {
  // Column names become camelCase, but keys inside jsonb values (custom field keys such as
  // renewal_date, audit changes) are data and must come back exactly as they were stored.
  const camelCase = new CamelCasePlugin({ maintainNestedObjectKeys: true });
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
