import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type Engine, openDatabase } from '../../server/src/platform/db/database.ts';
import { migrate } from '../../server/src/platform/db/migrate.ts';
import { type Cluster, startCluster } from '../../server/test/postgres-cluster.ts';
import { type BulkSink, copySink, insertSink } from './bulk-sinks.ts';
import { QueryTap } from './query-tap.ts';

/** A migrated, empty database of one engine, opened the way the app opens it, with a query tap. */
export interface BenchEngine {
  engine: Engine;
  database: Database;
  /** Sees every query the app's database handle runs (the SQL a request costs). */
  tap: QueryTap;
  bulkSink(): Promise<BulkSink>;
  /** Reclaims space and refreshes planner statistics after a bulk load. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchEngine(engine: Engine): Promise<BenchEngine> {
  return engine === 'postgresql' ? openPostgres() : openPglite();
}

async function openPostgres(): Promise<BenchEngine> {
  const cluster: Cluster = await startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const url = cluster.urlOf('bench');
    const tap = new QueryTap();
    const database = await openDatabase({ engine: 'postgresql', url }, { onQuery: tap.onQuery });
    await migrate(database.db);
    return {
      engine: 'postgresql',
      database,
      tap,
      bulkSink: () => copySink(url),
      settle: () => tap.runRaw(database.db, 'analyze'),
      close: async () => {
        await database.close();
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

async function openPglite(): Promise<BenchEngine> {
  // On disk rather than memory://: the data then lives outside PGlite's 2 GiB WASM heap.
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-bench-pglite-'));
  const tap = new QueryTap();
  const database = await openDatabase({ engine: 'pglite', dataDir }, { onQuery: tap.onQuery });
  await migrate(database.db);
  return {
    engine: 'pglite',
    database,
    tap,
    bulkSink: async () => insertSink(database.db),
    // PGlite has no autovacuum, and its WAL grows until a checkpoint (DESIGN.md section 7).
    settle: async () => {
      await tap.runRaw(database.db, 'vacuum analyze');
      await tap.runRaw(database.db, 'checkpoint');
    },
    close: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
