import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import { JOB_SCHEMA } from './job-schema.ts';
import { bossOver, enqueueRecurring, type JobRun, type JobType } from './jobs.ts';

export interface JobRunnerOptions {
  /** How often each queue is asked for work while idle. */
  pollMs: number;
  /**
   * A running job renews its lease every third of this; a job whose lease ran out (its server died)
   * is handed to the next runner that looks.
   */
  leaseSeconds: number;
  log?: (message: string, details: Record<string, unknown>) => void;
}

// biome-ignore lint/suspicious/noExplicitAny: a runner holds job types of any payload.
type AnyJobType = JobType<any>;

interface Running {
  type: AnyJobType;
  id: string;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Works the queues of the given job types in this process: `baken start` runs one; tests call
 * `drain()` instead. pg-boss hands out jobs (SKIP LOCKED, so several servers share the work), retries
 * failures and archives finished jobs; this runner adds leases for crash recovery and a clean stop.
 */
export class JobRunner {
  readonly #ctx: AppContext;
  readonly #types: AnyJobType[];
  readonly #options: JobRunnerOptions;
  readonly #boss: PgBoss;
  readonly #running = new Map<string, Running>();
  #timer: NodeJS.Timeout | null = null;
  #leaseTimer: NodeJS.Timeout | null = null;
  #recurringTimer: NodeJS.Timeout | null = null;
  #stopping = false;
  #started = false;

  constructor(ctx: AppContext, types: AnyJobType[], options: JobRunnerOptions) {
    this.#ctx = ctx;
    this.#types = types;
    this.#options = options;
    this.#boss = bossOver(ctx.db);
  }

  /** Creates the queues, hands back work a dead server left behind, and starts polling. */
  async start(): Promise<void> {
    await this.prepare();
    this.#started = true;
    this.#schedulePoll(0);
    this.#leaseTimer = setInterval(() => void this.#renewLeases(), (this.#options.leaseSeconds * 1000) / 3);
    this.#leaseTimer.unref();
    void this.#enqueueRecurring();
    this.#recurringTimer = setInterval(() => void this.#enqueueRecurring(), 60_000);
    this.#recurringTimer.unref();
  }

  async #enqueueRecurring(): Promise<void> {
    try {
      await enqueueRecurring(this.#ctx.db, this.#types, this.#ctx.now());
    } catch (error) {
      this.#options.log?.('enqueueing recurring jobs failed', { error: (error as Error).message });
    }
  }

  /** Queues exist and jobs orphaned by a crash are ready to run again. */
  async prepare(): Promise<void> {
    for (const type of this.#types) {
      if (!(await this.#boss.getQueue(type.name))) {
        await this.#boss.createQueue(type.name, { name: type.name, policy: 'standard' });
      }
    }
    await this.#recoverOrphans();
  }

  /**
   * PGlite is opened by one process only (the data-folder lock), so every job still active at start
   * belongs to a process that died. On PostgreSQL another server may be running it: only jobs whose
   * lease ran out are taken back.
   */
  async #recoverOrphans(): Promise<void> {
    const names = this.#types.map((type) => type.name);
    const expired = this.#ctx.engine === 'pglite' ? 'true' : 'started_on + expire_in < now()';
    // Like pg-boss's own expiry: a crash counts as an attempt, and the last one fails the job.
    await this.#sql(
      `update ${JOB_SCHEMA}.job set
         state = case when retry_count < retry_limit then 'retry' else 'failed' end::${JOB_SCHEMA}.job_state,
         completed_on = case when retry_count < retry_limit then null else now() end,
         start_after = now()
       where name = any($1) and state = 'active' and ${expired}`,
      [names],
    );
  }

  /** Stops taking work, asks running jobs to stop at their next checkpoint and waits for them. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#leaseTimer) clearInterval(this.#leaseTimer);
    if (this.#recurringTimer) clearInterval(this.#recurringTimer);
    for (const running of this.#running.values()) running.abort.abort();
    await Promise.all([...this.#running.values()].map((running) => running.done));
  }

  /** Runs every job that is ready, one after another, until none is left (for tests and commands). */
  async drain(): Promise<number> {
    if (!this.#started) await this.prepare();
    let ran = 0;
    for (;;) {
      let found = false;
      for (const type of this.#types) {
        const [job] = await this.#fetch(type, 1);
        if (!job) continue;
        found = true;
        ran++;
        await this.#run(type, job).done;
      }
      if (!found) return ran;
    }
  }

  #schedulePoll(delay: number): void {
    if (this.#stopping) return;
    this.#timer = setTimeout(() => void this.#poll(), delay);
  }

  async #poll(): Promise<void> {
    try {
      for (const type of this.#types) {
        const busy = [...this.#running.values()].filter((running) => running.type === type).length;
        const free = (type.concurrency ?? 1) - busy;
        if (free <= 0 || this.#stopping) continue;
        for (const job of await this.#fetch(type, free)) {
          if (this.#stopping) await this.#release(type, job.id);
          else this.#run(type, job);
        }
      }
    } catch (error) {
      this.#options.log?.('job polling failed', { error: (error as Error).message });
    }
    this.#schedulePoll(this.#options.pollMs);
  }

  async #fetch(type: AnyJobType, count: number): Promise<PgBoss.JobWithMetadata<object>[]> {
    const jobs = await this.#boss.fetch<object>(type.name, { batchSize: count, includeMetadata: true });
    // The lease starts now: until then a fetched job carries pg-boss's default expiry.
    if (jobs.length > 0)
      await this.#renew(
        type.name,
        jobs.map((job) => job.id),
      );
    return jobs;
  }

  #run(type: AnyJobType, job: PgBoss.JobWithMetadata<object>): Running {
    const abort = new AbortController();
    const run: JobRun<object> = {
      id: job.id,
      data: job.data,
      attempt: job.retryCount + 1,
      signal: abort.signal,
      ctx: this.#ctx,
      progress: async (value) => {
        await this.#sql(
          `update ${JOB_SCHEMA}.job set output = $3::jsonb where name = $1 and id = $2 and state = 'active'`,
          [type.name, job.id, JSON.stringify(value)],
        );
      },
    };
    const done = (async () => {
      try {
        await type.run(run);
        if (abort.signal.aborted) await this.#release(type, job.id);
        else await this.#boss.complete(type.name, job.id);
      } catch (error) {
        if (abort.signal.aborted) {
          await this.#release(type, job.id);
          return;
        }
        const failure = error instanceof Error ? error : new Error(String(error));
        this.#options.log?.('job failed', { job: type.name, id: job.id, error: failure.message });
        await this.#boss.fail(type.name, job.id, { message: failure.message });
        if (job.retryCount >= job.retryLimit) await type.failed?.(this.#ctx, job.data, failure);
      }
    })()
      .catch((error) => this.#options.log?.('job bookkeeping failed', { error: (error as Error).message }))
      .finally(() => this.#running.delete(job.id));
    const running = { type, id: job.id, abort, done };
    this.#running.set(job.id, running);
    return running;
  }

  /** A job stopped by a shutdown goes back to the queue without counting as a failed attempt. */
  async #release(type: AnyJobType, id: string): Promise<void> {
    await this.#sql(
      `update ${JOB_SCHEMA}.job set state = 'retry', start_after = now(), started_on = null
       where name = $1 and id = $2 and state = 'active'`,
      [type.name, id],
    );
  }

  async #renewLeases(): Promise<void> {
    const byType = new Map<string, string[]>();
    for (const running of this.#running.values()) {
      byType.set(running.type.name, [...(byType.get(running.type.name) ?? []), running.id]);
    }
    try {
      for (const [name, ids] of byType) await this.#renew(name, ids);
      if (this.#ctx.engine === 'postgresql') await this.#recoverOrphans();
    } catch (error) {
      this.#options.log?.('job lease renewal failed', { error: (error as Error).message });
    }
  }

  async #renew(name: string, ids: string[]): Promise<void> {
    await this.#sql(
      `update ${JOB_SCHEMA}.job set started_on = now(), expire_in = $3 * interval '1 second'
       where name = $1 and id = any($2::uuid[]) and state = 'active'`,
      [name, ids, this.#options.leaseSeconds],
    );
  }

  async #sql(text: string, values: unknown[]): Promise<void> {
    await this.#ctx.db.withoutPlugins().executeQuery(CompiledQuery.raw(text, values));
  }
}
