import { readdir, readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { ensureJobSchema } from '../jobs/job-schema.ts';
import type { DB } from './schema.ts';

const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url);
// Any constant: serialises concurrent migrators (several app servers starting at once).
const MIGRATION_LOCK = 72_616_465;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number.parseInt(file.slice(0, 4), 10),
      name: file.replace(/\.sql$/, ''),
      sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'),
    })),
  );
}

export async function latestSchemaVersion(): Promise<number> {
  const migrations = await loadMigrations();
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Applies every migration not yet applied (or those up to `upTo`), each in its own transaction;
 * returns the names applied.
 */
export async function migrate(db: Kysely<DB>, options: { upTo?: number } = {}): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const applied: string[] = [];
  const migrations = (await loadMigrations()).filter(
    (migration) => migration.version <= (options.upTo ?? Number.POSITIVE_INFINITY),
  );
  for (const migration of migrations) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const done = await sql`select 1 from schema_migrations where version = ${migration.version}`.execute(
        trx,
      );
      if (done.rows.length > 0) return false;
      await sql.raw(migration.sql).execute(trx);
      await sql`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`.execute(
        trx,
      );
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  // pg-boss keeps its queues in a schema of its own, installed and upgraded by its own plans.
  if (options.upTo === undefined) await ensureJobSchema(db);
  return applied;
}

export async function currentSchemaVersion(db: Kysely<DB>): Promise<number> {
  const result = await sql<{
    version: number | null;
  }>`select max(version) as version from schema_migrations`.execute(db);
  return result.rows[0]?.version ?? 0;
}
