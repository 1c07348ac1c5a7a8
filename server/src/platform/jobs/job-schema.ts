import { CompiledQuery, type Kysely, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/schema.ts';

/** The PostgreSQL schema that holds pg-boss's queues and jobs, next to ours (public). */
export const JOB_SCHEMA = 'pgboss';

/** What pg-boss calls `db`: one function that runs SQL. */
export interface JobSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * pg-boss's SQL through our Kysely handle (the database, or a transaction to enqueue inside it), so
 * that it shares the one connection of PGlite and the pool of PostgreSQL instead of opening its own.
 * Without plugins: pg-boss reads its own snake_case columns.
 */
export function jobSqlOver(db: Kysely<DB>): JobSql {
  const raw = db.withoutPlugins();
  return {
    async executeSql(text, values = []) {
      const result = await raw.executeQuery(CompiledQuery.raw(text, values));
      return { rows: (result.rows ?? []) as Record<string, unknown>[] };
    },
  };
}

/**
 * Installs pg-boss's schema, or brings it up to the version of the installed pg-boss, with pg-boss's
 * own plans. Runs after our migrations (migrate.ts), so every migrated database (a server's, a test
 * template) can take jobs. The plans lock and open their own transaction; a second server doing the
 * same at the same moment loses the race harmlessly.
 */
export async function ensureJobSchema(db: Kysely<DB>): Promise<void> {
  const installed = await sql<{
    name: string | null;
  }>`select to_regclass(${`${JOB_SCHEMA}.version`}) as name`.execute(db);
  const run = async (plans: string, race: string) => {
    try {
      await sql.raw(plans).execute(db);
    } catch (error) {
      if (!(error as Error).message.includes(race)) throw error;
    }
  };
  if (!installed.rows[0]?.name) {
    await run(PgBoss.getConstructionPlans(JOB_SCHEMA), 'already exists');
    return;
  }
  const current = await sql<{
    version: number;
  }>`select version from ${sql.table(`${JOB_SCHEMA}.version`)}`.execute(db);
  const version = Number(current.rows[0]?.version ?? 0);
  if (version < PGBOSS_SCHEMA_VERSION) {
    // 'division by zero' is how pg-boss's migration says another process got there first.
    await run(PgBoss.getMigrationPlans(JOB_SCHEMA, String(version)), 'division by zero');
  }
}

/** The schema version of the pg-boss we run (package.json pins 10.x; its version.json says 24). */
const PGBOSS_SCHEMA_VERSION = 24;
