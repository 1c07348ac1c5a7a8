import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Reads and writes by key run as named prepared statements: the server parses and plans each
 * statement once per connection instead of on every execution. For a primary-key read that was
 * three quarters of the database's work (about 100 µs of CPU per query down to 25 µs here), and the
 * driver has less to send and parse as well.
 *
 * Statements whose best plan can depend on the values (pages with `limit`, aggregates, search
 * operators, EXPLAINs asking for an estimate) stay unnamed and are planned afresh every time: a
 * generic plan made for one workspace or filter value could be a bad one for another. So do
 * statements without parameters.
 */
const VALUE_DEPENDENT = /^\s*explain\b|\blimit\b|\bgroup\s+by\b|@@|<%|%>|\blike\b|\bilike\b/i;
/**
 * Put in a statement that pages (`limit`) yet has one good plan whatever the values, e.g. a union of
 * index range scans by key: it is prepared after all. PostgreSQL still plans it with the values
 * while a generic plan would cost more.
 */
export const STABLE_PLAN = '/* stable plan */';

/** Per connection; beyond it new statements run unnamed (a bound on the server's memory). */
const MAX_STATEMENTS_PER_CONNECTION = 200;
const MAX_NAMES = 5000;

const names = new Map<string, string>();

function nameOf(sql: string): string | null {
  let name = names.get(sql);
  if (name === undefined) {
    name = `baken_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size < MAX_NAMES) names.set(sql, name);
  }
  return name;
}

/** A prepared `select *` whose table gained or lost a column (a migration run by another server). */
export function isStalePlan(error: unknown): boolean {
  return (
    (error as { code?: string }).code === '0A000' &&
    /cached plan must not change result type/.test((error as Error).message)
  );
}

/** Bumped when a prepared statement went stale: every connection made before then is replaced. */
let generation = 0;

class PreparingClient implements PostgresPoolClient {
  readonly #client: pg.PoolClient;
  readonly #prepared = new Set<string>();
  readonly #generation = generation;
  #inTransaction = false;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  get #stale(): boolean {
    return this.#generation !== generation;
  }

  #nameFor(sql: string, parameters: ReadonlyArray<unknown>): string | null {
    if (parameters.length === 0 || this.#stale) return null;
    if (VALUE_DEPENDENT.test(sql) && !sql.includes(STABLE_PLAN)) return null;
    const name = nameOf(sql);
    if (name && !this.#prepared.has(name)) {
      if (this.#prepared.size >= MAX_STATEMENTS_PER_CONNECTION) return null;
      this.#prepared.add(name);
    }
    return name;
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      return (this.#client as unknown as PostgresPoolClient).query(sqlOrCursor);
    }
    return this.#run<R>(sqlOrCursor, parameters);
  }

  async #run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    if (parameters.length === 0) {
      // Kysely opens and ends transactions with these plain statements.
      const command = sql.trimStart().slice(0, 8).toLowerCase();
      if (command.startsWith('begin') || command.startsWith('start')) this.#inTransaction = true;
      else if (command.startsWith('commit') || command.startsWith('rollback')) this.#inTransaction = false;
    }
    const values = [...parameters];
    const name = this.#nameFor(sql, parameters);
    if (!name) return this.#client.query(sql, values) as unknown as Promise<PostgresQueryResult<R>>;
    try {
      return (await this.#client.query({ name, text: sql, values })) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      generation++;
      // The statement did not run; outside a transaction it can simply run again, unnamed. Inside one
      // the transaction is lost: record writes run it again (see record-writes.ts).
      if (this.#inTransaction) throw error;
      return this.#client.query(sql, values) as unknown as Promise<PostgresQueryResult<R>>;
    }
  }

  release(destroy?: boolean): void {
    this.#client.release(destroy || this.#stale);
  }
}

/** `pool` for Kysely's PostgresDialect, running reads and writes by key as prepared statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let preparing = clients.get(client);
      if (!preparing) {
        preparing = new PreparingClient(client);
        clients.set(client, preparing);
      }
      return preparing;
    },
    end: () => pool.end(),
  };
}
