import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../server/src/platform/auth/secrets.ts';
import { loadConfig } from '../../server/src/platform/config.ts';
import type { AppContext } from '../../server/src/platform/context.ts';
import { createWorkspaceWithOwner } from '../../server/src/workspaces/workspaces.service.ts';
import { accountRows } from './account-rows.ts';
import { activityRows } from './activity-rows.ts';
import type { BenchEngine } from './bench-engine.ts';
import { type BenchPlan, type BenchStage, TABLE, type TableRows } from './bench-plan.ts';
import { contactRows } from './contact-rows.ts';
import type { DatasetSize } from './dataset-size.ts';
import { dealRows, stageChangeRows } from './deal-rows.ts';
import { benchId } from './row-random.ts';

export const BENCH_PASSWORD = 'Tulpen-in-de-lente-2026';
export const BENCH_OWNER_EMAIL = 'eigenaar@bench.baken.test';

export interface TableLoad {
  table: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  method: string;
}

/** What scenarios (and the load and page-timing benches) need to act in the loaded workspace. */
export interface BenchWorkspace extends BenchPlan {
  ownerEmail: string;
  password: string;
  /** The account with the most contacts, activities and deals: the heaviest timeline. */
  busyAccountId: string;
  loads: TableLoad[];
  settleSeconds: number;
}

/**
 * A workspace of `size` rows from `seed`: workspace, owner and default pipeline through the real
 * service (as first-run setup makes them), then everything else bulk-loaded straight into the tables.
 */
export async function loadBenchWorkspace(
  bench: BenchEngine,
  size: DatasetSize,
  seed: number,
  log: (line: string) => void = console.log,
): Promise<BenchWorkspace> {
  const plan = await createWorkspace(bench, size, seed);
  const sink = await bench.bulkSink();
  const loads: TableLoad[] = [];
  try {
    for (const rows of [accountRows, contactRows, dealRows, stageChangeRows, activityRows]) {
      loads.push(await loadTable(rows(plan), sink, log));
    }
  } finally {
    await sink.close();
  }
  const settleStarted = performance.now();
  await bench.settle();
  const settleSeconds = (performance.now() - settleStarted) / 1000;
  log(
    `settled (analyze${bench.engine === 'pglite' ? ', vacuum, checkpoint' : ''}) in ${settleSeconds.toFixed(1)} s`,
  );
  return {
    ...plan,
    ownerEmail: BENCH_OWNER_EMAIL,
    password: BENCH_PASSWORD,
    busyAccountId: benchId(TABLE.accounts, 0),
    loads,
    settleSeconds,
  };
}

async function loadTable(
  rows: TableRows,
  sink: Awaited<ReturnType<BenchEngine['bulkSink']>>,
  log: (line: string) => void,
) {
  const started = performance.now();
  const count = await sink.load(rows);
  const seconds = (performance.now() - started) / 1000;
  const load = {
    table: rows.table,
    rows: count,
    seconds,
    rowsPerSecond: Math.round(count / seconds),
    method: sink.method,
  };
  log(
    `${rows.table.padEnd(18)} ${String(count).padStart(9)} rows in ${seconds.toFixed(1).padStart(6)} s = ${String(load.rowsPerSecond).padStart(7)} rows/s (${sink.method})`,
  );
  return load;
}

async function createWorkspace(bench: BenchEngine, size: DatasetSize, seed: number): Promise<BenchPlan> {
  const db = bench.database.db;
  const ctx: AppContext = {
    db,
    engine: bench.engine,
    config: loadConfig({}),
    now: () => new Date(),
    newId: uuidv7,
  };
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { workspaceId, userId } = await db.transaction().execute((trx) =>
    createWorkspaceWithOwner(
      ctx,
      trx,
      {
        workspaceName: 'Bench BV',
        name: 'Eva de Vries',
        email: BENCH_OWNER_EMAIL,
        password: BENCH_PASSWORD,
      },
      passwordHash,
    ),
  );
  const reps = await addSalesReps(bench, workspaceId, size.owners, passwordHash);
  const pipeline = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'name', 'probability', 'kind'])
    .where('workspaceId', '=', workspaceId)
    .where('pipelineId', '=', pipeline.id)
    .orderBy('position')
    .execute();
  return {
    seed,
    size,
    workspaceId,
    ownerIds: [userId, ...reps],
    pipelineId: pipeline.id,
    stages: stages as BenchStage[],
  };
}

/** Sales reps who own records; they never sign in, so they share the owner's password hash. */
async function addSalesReps(bench: BenchEngine, workspaceId: string, count: number, passwordHash: string) {
  const ids = Array.from({ length: count }, (_, index) => benchId(TABLE.users, index));
  if (count === 0) return ids;
  const db = bench.database.db;
  await db
    .insertInto('users')
    .values(
      ids.map((id, index) => ({
        id,
        email: `verkoper${index + 1}@bench.baken.test`,
        name: `Verkoper ${index + 1}`,
        passwordHash,
      })),
    )
    .execute();
  await db
    .insertInto('memberships')
    .values(ids.map((userId) => ({ workspaceId, userId, role: 'sales' })))
    .execute();
  return ids;
}
