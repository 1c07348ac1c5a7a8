import type { Config } from './config.ts';
import { type AppContext, systemClock } from './context.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';

/** Opens the configured database, brings its schema up to date, and builds the app context. */
export async function openRuntime(
  config: Config,
): Promise<{ ctx: AppContext; database: Database; applied: string[] }> {
  const database = await openDatabase(config.database);
  try {
    const applied = await migrate(database.db);
    return {
      ctx: { db: database.db, engine: database.engine, config, ...systemClock(config.clockOffsetMs) },
      database,
      applied,
    };
  } catch (error) {
    await database.close();
    throw explainConnectionError(config, error);
  }
}

/** A server that cannot be reached is a setup problem: say which one, without its password. */
function explainConnectionError(config: Config, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (
    config.database.engine !== 'postgresql' ||
    !code ||
    !/^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|28P01|28000|3D000)$/.test(code)
  ) {
    return error;
  }
  const url = new URL(config.database.url);
  url.password = '';
  const reason = (error as Error).message;
  return new Error(
    `Cannot use the PostgreSQL database at ${url.toString()} (DATABASE_URL): ${reason}. Check that the server runs and the URL is right.`,
  );
}
