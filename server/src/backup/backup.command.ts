import { loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { latestSchemaVersion, migrate } from '../platform/db/migrate.ts';
import { openRuntime } from '../platform/runtime.ts';
import { restoreBackup, writeBackup } from './backup.service.ts';
import { readBackupHeader } from './backup-file.ts';

const printProgress = (table: string, rows: number) =>
  console.log(`  ${table}: ${rows} ${rows === 1 ? 'row' : 'rows'}`);

/** `baken backup <file> [--workspace <id>]` */
export async function runBackup({
  file,
  workspaceId,
}: {
  file: string | undefined;
  workspaceId: string | undefined;
}): Promise<void> {
  if (!file) throw new Error('Name the file to write: baken backup <file> [--workspace <id>]');
  await withDatabase(async (database) => {
    console.log(
      `Backing up ${workspaceId ? `workspace ${workspaceId}` : 'the whole database'} (${database.engine}) to ${file}`,
    );
    const summary = await writeBackup(database.db, file, {
      engine: database.engine,
      workspaceId,
      onProgress: printProgress,
    });
    console.log(`Done: ${total(summary.rows)} rows, schema version ${summary.header.schemaVersion}.`);
  });
}

/**
 * `baken restore <file>`: the target is migrated up to the backup's schema version, loaded, then
 * migrated the rest of the way, so a backup from an older Baken restores into a newer one.
 */
export async function runRestore({ file }: { file: string | undefined }): Promise<void> {
  if (!file) throw new Error('Name the backup file to load: baken restore <file>');
  const header = await readBackupHeader(file);
  if (header.schemaVersion > (await latestSchemaVersion())) {
    throw new Error(
      `This backup has schema version ${header.schemaVersion}, newer than this Baken knows: upgrade Baken first.`,
    );
  }
  const database = await openDatabase(loadConfig().database);
  try {
    await migrate(database.db, { upTo: header.schemaVersion });
    console.log(`Restoring ${file} into the ${database.engine} database`);
    const summary = await restoreBackup(database.db, file, { onProgress: printProgress });
    const applied = await migrate(database.db);
    if (applied.length > 0) console.log(`Brought the restored data up to date: ${applied.join(', ')}`);
    const what =
      summary.header.scope === 'workspace' ? `workspace ${summary.header.workspaceId}` : 'the whole database';
    console.log(
      `Done: ${total(summary.rows)} rows of ${what}. Users sign in again: sessions are not part of a backup.`,
    );
  } finally {
    await database.close();
  }
}

/** The configured database, migrated to the current schema. */
async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const { database } = await openRuntime(loadConfig());
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

const total = (rows: Record<string, number>) => Object.values(rows).reduce((sum, count) => sum + count, 0);
