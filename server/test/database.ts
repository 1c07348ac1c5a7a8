import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, type Engine, type OpenOptions, openDatabase } from '../src/platform/db/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    pgliteTemplateFile: string;
  }
}

export const testEngine = (process.env.BAKEN_TEST_ENGINE ?? 'pglite') as Engine;

/** A fresh, migrated, empty database on the engine this test project runs on. */
export async function openTestDatabase(
  engine: Engine = testEngine,
  options: OpenOptions = {},
): Promise<Database> {
  if (engine === 'pglite') {
    return openDatabase(
      { engine: 'pglite', dataDir: 'memory://', loadDataDirFile: inject('pgliteTemplateFile') },
      options,
    );
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template baken_template`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openDatabase({ engine: 'postgresql', url: url.toString() }, options);
}

/** An empty database that has not been migrated (for migration and restore tests). */
export async function openBlankDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ engine: 'pglite', dataDir: 'memory://' });
  const adminUrl = inject('postgresAdminUrl');
  const name = `blank_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openDatabase({ engine: 'postgresql', url: url.toString() });
}
