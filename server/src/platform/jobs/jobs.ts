import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { JOB_SCHEMA, jobSqlOver } from './job-schema.ts';

/** One run of a job, as its handler sees it. */
export interface JobRun<Data> {
  id: string;
  data: Data;
  /** 1 on the first run; higher after a failure, a crash or a restart picked it up again. */
  attempt: number;
  /** Aborted when the server stops: return soon (between two committed steps), the rest runs after the next start. */
  signal: AbortSignal;
  ctx: AppContext;
  /** Keeps a small progress value with the job (read back with jobStatus). */
  progress(value: Record<string, unknown>): Promise<void>;
}

/**
 * A kind of background work. `run` must be safe to start again after a crash: commit work in steps,
 * each step in one transaction together with a checkpoint of how far it got, and on a new attempt
 * continue after the last checkpoint.
 */
export interface JobType<Data extends object> {
  /** Queue name: letters, digits, - and _. */
  name: string;
  run(job: JobRun<Data>): Promise<void>;
  /** Called once when the last attempt has failed, to mark the feature's own record as failed. */
  failed?(ctx: AppContext, data: Data, error: Error): Promise<void>;
  /** Attempts after the first one (a crash counts as one). Default 3. */
  retryLimit?: number;
  /** Seconds between attempts. Default 5. */
  retryDelaySeconds?: number;
  /** How many run at once in one server process. Default 1. */
  concurrency?: number;
  /**
   * Runs by itself every this many minutes (from midnight UTC): a running server enqueues it once per
   * period, under a key of the period, so several servers still run it once.
   */
  everyMinutes?: number;
}

export function defineJob<Data extends object>(type: JobType<Data>): JobType<Data> {
  return type;
}

export interface EnqueueOptions {
  /**
   * Idempotency key: enqueueing the same type with the same key again adds no second job (while the
   * first is kept, 12 hours after it finished). The job id is derived from it.
   */
  key?: string;
  startAfter?: Date;
}

/** A job id derived from its type and key (a name-based UUID), so that a repeated enqueue collides. */
export function jobIdFor(name: string, key: string): string {
  const hex = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** pg-boss over one Kysely handle, for sending and for queue administration; never started. */
export function bossOver(db: Kysely<DB>): PgBoss {
  const boss = new PgBoss({
    db: jobSqlOver(db),
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  boss.on('error', () => undefined);
  return boss;
}

/**
 * Adds a job. Pass the transaction that writes what the job will work on (`trx`), never `ctx.db`
 * from inside a transaction: the job then exists exactly when that write commits, and on PGlite a
 * second handle would wait for the one connection the transaction holds (a deadlock).
 */
export async function enqueue<Data extends object>(
  db: Kysely<DB>,
  type: JobType<Data>,
  data: Data,
  options: EnqueueOptions = {},
): Promise<string> {
  const boss = bossOver(db);
  const id = options.key ? jobIdFor(type.name, options.key) : undefined;
  const send = () =>
    boss.send(type.name, data, {
      ...(id ? { id, singletonKey: options.key } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      retryLimit: type.retryLimit ?? 3,
      retryDelay: type.retryDelaySeconds ?? 5,
    });
  let sent = await send();
  if (sent === null && !(await boss.getQueue(type.name))) {
    await boss.createQueue(type.name, { name: type.name, policy: 'standard' });
    sent = await send();
  }
  if (sent === null && id) return id; // enqueued before under this key
  if (sent === null) throw new Error(`Could not enqueue a ${type.name} job.`);
  return sent;
}

/** Enqueues the recurring job types whose period has begun (once per period, whoever asks). */
export async function enqueueRecurring(
  db: Kysely<DB>,
  // biome-ignore lint/suspicious/noExplicitAny: job types of any payload.
  types: JobType<any>[],
  now: Date,
): Promise<void> {
  for (const type of types) {
    if (!type.everyMinutes) continue;
    const period = Math.floor(now.getTime() / (type.everyMinutes * 60_000));
    await enqueue(db, type, {}, { key: `every:${period}` });
  }
}

export interface JobStatus {
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  attempts: number;
  output: Record<string, unknown> | null;
}

/** Where a job is: waiting, running (with its last progress value), done or failed. Null if unknown. */
export async function jobStatus(
  db: Kysely<DB>,
  type: { name: string },
  id: string,
): Promise<JobStatus | null> {
  const job = await bossOver(db).getJobById(type.name, id, { includeArchive: true });
  if (!job) return null;
  return {
    state: job.state,
    attempts: job.retryCount + (job.startedOn ? 1 : 0),
    output: (job.output as Record<string, unknown> | null) ?? null,
  };
}
