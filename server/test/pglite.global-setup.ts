import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

/** Migrates PGlite once per run and dumps its data folder; each test file boots from that dump. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'baken-pglite-template-'));
  const database = await openDatabase({ engine: 'pglite', dataDir: 'memory://' });
  await migrate(database.db);
  const file = join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await database.dumpDataDir!()));
  await database.close();
  project.provide('pgliteTemplateFile', file);
  return () => rm(dir, { recursive: true, force: true });
}
