import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlankDatabase } from '../../test/database.ts';
import { addMember, type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';
import { migrate } from '../platform/db/migrate.ts';
import { restoreBackup } from './backup.service.ts';
import { readBackupHeader } from './backup-file.ts';

describe('GET /api/v1/workspace/backup', () => {
  let test: TestApp;
  let owner: Client;
  let dir: string;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app, 'Download BV');
    await owner.ok('POST', '/api/v1/accounts', { name: 'Meegenomen BV' });
    dir = await mkdtemp(join(tmpdir(), 'baken-download-test-'));
  });
  afterAll(async () => {
    await test.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the owner a backup of the running workspace that restores elsewhere', async () => {
    const response = await owner.get('/api/v1/workspace/backup');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/gzip');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="baken-.*\.ndjson\.gz"/);
    const file = join(dir, 'download.gz');
    await writeFile(file, response.rawPayload);
    const me = await owner.ok<{ workspace: { id: string } }>('GET', '/api/v1/auth/me');
    expect(await readBackupHeader(file)).toMatchObject({ scope: 'workspace', workspaceId: me.workspace.id });

    const target = await openBlankDatabase('pglite');
    try {
      await migrate(target.db);
      await restoreBackup(target.db, file);
      const names = await sql<{ name: string }>`select name from accounts`.execute(target.db);
      expect(names.rows).toEqual([{ name: 'Meegenomen BV' }]);
    } finally {
      await target.close();
    }
    const log = await owner.ok<{ data: unknown[] }>('GET', '/api/v1/audit-log?filter=entityType:eq:backup');
    expect(log.data).toHaveLength(1);
  });

  it('is for owners only', async () => {
    const admin = await addMember(test.app, owner, 'admin');
    expect((await admin.get('/api/v1/workspace/backup')).statusCode).toBe(403);
  });
});
