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
    return { ctx: { db: database.db, engine: database.engine, config, ...systemClock() }, database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}
