import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine } from '../../../test/database.ts';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { JobRunner } from './job-runner.ts';
import { defineJob, enqueue, type JobRun, jobStatus } from './jobs.ts';

interface Note {
  text: string;
}

function recorder(name: string, behaviour: (job: JobRun<Note>) => Promise<void> = async () => undefined) {
  const runs: { text: string; attempt: number }[] = [];
  const failures: string[] = [];
  const type = defineJob<Note>({
    name,
    retryLimit: 1,
    retryDelaySeconds: 0,
    async run(job) {
      runs.push({ text: job.data.text, attempt: job.attempt });
      await behaviour(job);
    },
    async failed(_ctx, data, error) {
      failures.push(`${data.text}: ${error.message}`);
    },
  });
  return { type, runs, failures };
}

describe(`jobs (${testEngine})`, () => {
  let database: Database;
  let ctx: AppContext;
  const runner = (types: ConstructorParameters<typeof JobRunner>[1]) =>
    new JobRunner(ctx, types, { pollMs: 50, leaseSeconds: 30 });

  beforeAll(async () => {
    database = await openTestDatabase();
    ctx = {
      db: database.db,
      engine: database.engine,
      config: loadConfig({}),
      now: () => new Date(),
      newId: uuidv7,
    };
  });
  afterAll(() => database.close());

  it('runs an enqueued job once with its data, and keeps it as completed', async () => {
    const { type, runs } = recorder('test-once');
    const id = await enqueue(ctx.db, type, { text: 'hallo' });
    expect(await runner([type]).drain()).toBe(1);
    expect(runs).toEqual([{ text: 'hallo', attempt: 1 }]);
    expect((await jobStatus(ctx.db, type, id))?.state).toBe('completed');
  });

  it('adds one job for one idempotency key, however often it is enqueued', async () => {
    const { type, runs } = recorder('test-key');
    const first = await enqueue(ctx.db, type, { text: 'a' }, { key: 'import-1' });
    const second = await enqueue(ctx.db, type, { text: 'b' }, { key: 'import-1' });
    expect(second).toBe(first);
    await runner([type]).drain();
    expect(runs.map((run) => run.text)).toEqual(['a']);
  });

  it('enqueues inside a transaction through that transaction: committed with it, gone with a rollback', async () => {
    const { type, runs } = recorder('test-transaction');
    await ctx.db.transaction().execute(async (trx) => {
      await enqueue(trx, type, { text: 'committed' });
    });
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, type, { text: 'rolled back' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await runner([type]).drain();
    expect(runs.map((run) => run.text)).toEqual(['committed']);
  });

  it('retries a failing job up to its limit, then reports the failure once', async () => {
    const { type, runs, failures } = recorder('test-fail', async () => {
      throw new Error('kapot');
    });
    const id = await enqueue(ctx.db, type, { text: 'x' });
    await runner([type]).drain();
    expect(runs.map((run) => run.attempt)).toEqual([1, 2]);
    expect(failures).toEqual(['x: kapot']);
    expect((await jobStatus(ctx.db, type, id))?.state).toBe('failed');
  });

  it('keeps the progress a job reports', async () => {
    let seen: unknown = null;
    const { type } = recorder('test-progress', async (job) => {
      await job.progress({ done: 5, total: 10 });
      seen = (await jobStatus(job.ctx.db, { name: 'test-progress' }, job.id))?.output;
    });
    await enqueue(ctx.db, type, { text: 'p' });
    await runner([type]).drain();
    expect(seen).toEqual({ done: 5, total: 10 });
  });

  it('gives a job that a dead server left active to the next runner, as a new attempt', async () => {
    const { type, runs } = recorder('test-orphan');
    const id = await enqueue(ctx.db, type, { text: 'orphan' });
    // A server took the job and died: active, with a lease that has run out.
    await sql`update pgboss.job set state = 'active', started_on = now() - interval '1 hour',
      expire_in = interval '1 minute' where id = ${id}`.execute(ctx.db);
    await runner([type]).drain();
    expect(runs).toEqual([{ text: 'orphan', attempt: 2 }]);
  });

  it('on PostgreSQL leaves a job alone while another server holds its lease', async () => {
    if (testEngine !== 'postgresql') return;
    const { type, runs } = recorder('test-leased');
    const id = await enqueue(ctx.db, type, { text: 'leased' });
    await sql`update pgboss.job set state = 'active', started_on = now(), expire_in = interval '1 minute'
      where id = ${id}`.execute(ctx.db);
    await runner([type]).drain();
    expect(runs).toEqual([]);
  });

  it('stops cleanly: a running job is asked to stop and goes back to the queue without losing an attempt', async () => {
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const { type, runs } = recorder('test-stop', async (job) => {
      if (job.attempt > 1 || runs.length > 1) return;
      started();
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve()));
    });
    const id = await enqueue(ctx.db, type, { text: 'long' });
    const first = runner([type]);
    await first.start();
    await running;
    await first.stop();
    expect((await jobStatus(ctx.db, type, id))?.state).toBe('retry');
    await runner([type]).drain();
    expect(runs).toEqual([
      { text: 'long', attempt: 1 },
      { text: 'long', attempt: 1 },
    ]);
    expect((await jobStatus(ctx.db, type, id))?.state).toBe('completed');
  });
});
