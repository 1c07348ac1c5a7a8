import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';
import { currentSchemaVersion, latestSchemaVersion, migrate } from '../platform/db/migrate.ts';
import { runRestore } from './backup.command.ts';
import { writeBackup } from './backup.service.ts';

describe('baken restore', () => {
  let dir: string;
  const env = { ...process.env };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baken-restore-'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    process.env = env;
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('restores a backup of an older schema version and migrates it the rest of the way', async () => {
    const latest = await latestSchemaVersion();
    const older = latest - 1;
    const source = await openDatabase({ engine: 'pglite', dataDir: join(dir, 'source') });
    await migrate(source.db, { upTo: older });
    expect(await currentSchemaVersion(source.db)).toBe(older);
    await sql`insert into workspaces (id, name) values ('01900000-0000-7000-8000-0000000000aa', 'Oud Archief BV')`.execute(
      source.db,
    );
    const file = join(dir, 'older.baken.gz');
    await writeBackup(source.db, file, { engine: 'pglite' });
    await source.close();

    delete process.env.DATABASE_URL;
    process.env.BAKEN_DATA_DIR = join(dir, 'target');
    await runRestore({ file });

    const target = await openDatabase({ engine: 'pglite', dataDir: join(dir, 'target') });
    try {
      expect(await currentSchemaVersion(target.db)).toBe(latest);
      const names = await sql<{ name: string }>`select name from workspaces`.execute(target.db);
      expect(names.rows).toEqual([{ name: 'Oud Archief BV' }]);
    } finally {
      await target.close();
    }
  });
});
