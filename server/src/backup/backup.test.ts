import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import {
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  PASSWORD,
  setUpOwner,
  type TestApp,
} from '../../test/harness.ts';
import type { Engine } from '../platform/db/database.ts';
import { runBackup, runRestore } from './backup.command.ts';
import { restoreBackup, writeBackup } from './backup.service.ts';
import { parseLine, rowLine } from './backup-file.ts';
import { excludedTables } from './backup-plan.ts';
import { apiAnswers, bearer, emailOf, fillWorkspace, logIn, openApp } from './backup-test-data.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baken-backup-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let fileCounter = 0;
const newFile = (name: string) => join(dir, `${fileCounter++}-${name}.baken.gz`);

/** Rows per table, counted by a whole-database backup (so the test needs no SQL of its own). */
async function rowCounts(test: TestApp): Promise<Record<string, number>> {
  return (await writeBackup(test.ctx.db, newFile('count'), { engine: test.ctx.engine })).rows;
}

const isEmpty = (counts: Record<string, number>) => Object.values(counts).every((count) => count === 0);

async function linesOf(file: string): Promise<string[]> {
  return gunzipSync(await readFile(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
}

/** A copy of a backup with its lines edited, compressed again so that only the content is wrong. */
async function edited(file: string, edit: (lines: string[]) => string[]): Promise<string> {
  const copy = newFile('edited');
  await writeFile(copy, gzipSync(`${edit(await linesOf(file)).join('\n')}\n`));
  return copy;
}

// PGlite needs no server, so the postgresql project restores both ways across the engines; the
// pglite project has no PostgreSQL server and restores into another PGlite.
const crossings: [Engine, Engine][] =
  testEngine === 'postgresql'
    ? [
        ['postgresql', 'pglite'],
        ['pglite', 'postgresql'],
      ]
    : [['pglite', 'pglite']];

describe.each(crossings)('baken backup on %s, baken restore on %s', (from, to) => {
  let source: TestApp;
  let owner: Client;
  let apiToken: string;
  let file: string;
  beforeAll(async () => {
    source = await openApp(from);
    owner = await setUpOwner(source.app, 'Van Dijk Groep');
    ({ apiToken } = await fillWorkspace(source, owner, 'A'));
    file = newFile(`${from}-to-${to}`);
    // Tiny pages and batches, so that keyset paging and batching cross their boundaries.
    await writeBackup(source.ctx.db, file, { engine: source.ctx.engine, pageRows: 2 });
  });
  afterAll(() => source?.close());

  it('gives identical API answers on the restored database', async () => {
    const target = await openApp(to);
    try {
      await restoreBackup(target.ctx.db, file, { batchRows: 3 });
      const restoredOwner = await logIn(target, await emailOf(owner));
      expect(await apiAnswers(restoredOwner)).toEqual(await apiAnswers(owner));
      expect(await bearer(target, apiToken).ok('GET', '/api/v1/deals')).toEqual(
        await bearer(source, apiToken).ok('GET', '/api/v1/deals'),
      );
    } finally {
      await target.close();
    }
  });
});

describe('baken backup and restore', () => {
  let source: TestApp;
  let owner: Client;
  let second: Client & { workspaceId: string };
  let file: string;
  beforeAll(async () => {
    source = await createTestApp();
    owner = await setUpOwner(source.app, 'Van Dijk Groep');
    await fillWorkspace(source, owner, 'A');
    second = await otherWorkspaceOwner(source, 'Tweede BV');
    await fillWorkspace(source, second, 'B');
    file = newFile('whole');
    await writeBackup(source.ctx.db, file, { engine: source.ctx.engine });
  });
  afterAll(() => source?.close());

  it('takes every table of the schema except the ones it excludes (excludedTables)', async () => {
    const schema = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(source.ctx.db);
    const expected = schema.rows.map((row) => row.name).filter((name) => !(name in excludedTables));
    const end = parseLine((await linesOf(file)).at(-1)!, 0);
    if (end.kind !== 'end') throw new Error('no end marker');
    expect(Object.keys(end.rows).sort()).toEqual(expected.sort());
    // The fixture fills every table, so the API comparison above covers each of them.
    for (const table of expected) expect(end.rows[table], table).toBeGreaterThan(0);
  });

  // PGlite has one session: a write simply waits for the backup, so only a server can interleave one.
  const onServer = testEngine === 'postgresql' ? it : () => undefined;
  onServer('reads one snapshot while the app keeps writing', async () => {
    const before = await rowCounts(source);
    let wrote = false;
    const during = await writeBackup(source.ctx.db, newFile('during'), {
      engine: source.ctx.engine,
      // After the first table, an account and its audit row land in tables the backup has yet to read.
      onProgress: async () => {
        if (wrote) return;
        wrote = true;
        await owner.ok('POST', '/api/v1/accounts', { name: 'Tijdens de backup BV' });
      },
    });
    expect(during.rows).toEqual(before);
    const after = await rowCounts(source);
    expect(after.accounts).toBe(before.accounts! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
  });

  it('leaves no file behind when a backup fails', async () => {
    const failed = newFile('failed');
    const nobody = '01a2184e-0000-7000-8000-000000000000';
    await expect(
      writeBackup(source.ctx.db, failed, { engine: source.ctx.engine, workspaceId: nobody }),
    ).rejects.toThrow(`There is no workspace with id ${nobody}`);
    expect(await readdir(dir)).not.toEqual(
      expect.arrayContaining([expect.stringContaining(basename(failed))]),
    );
  });

  it('writes only the workspace, its members and its rows in a workspace backup', async () => {
    const workspaceFile = newFile('workspace');
    await writeBackup(source.ctx.db, workspaceFile, {
      engine: source.ctx.engine,
      workspaceId: second.workspaceId,
    });
    const [headerText, ...rest] = await linesOf(workspaceFile);
    expect(JSON.parse(headerText!)).toMatchObject({
      format: 'baken-backup',
      scope: 'workspace',
      workspaceId: second.workspaceId,
    });
    const rows = rest.map((line, index) => parseLine(line, index + 2)).filter((line) => line.kind === 'row');
    const parsed = rows.map((line) => ({
      table: line.table,
      row: JSON.parse(line.row) as Record<string, unknown>,
    }));
    const members = (await second.ok<{ data: { email: string }[] }>('GET', '/api/v1/users')).data.map(
      (user) => user.email,
    );
    expect(parsed.filter((line) => line.table === 'users').map((line) => line.row.email)).toEqual(
      expect.arrayContaining(members),
    );
    expect(parsed.filter((line) => line.table === 'users')).toHaveLength(members.length);
    expect(parsed.filter((line) => line.table === 'workspaces').map((line) => line.row.id)).toEqual([
      second.workspaceId,
    ]);
    const tenantRows = parsed.filter((line) => 'workspace_id' in line.row);
    expect(tenantRows.length).toBeGreaterThan(20);
    expect(new Set(tenantRows.map((line) => line.row.workspace_id))).toEqual(new Set([second.workspaceId]));
  });

  it('restores a workspace next to other workspaces, and refuses to restore it twice', async () => {
    const workspaceFile = newFile('workspace');
    await writeBackup(source.ctx.db, workspaceFile, {
      engine: source.ctx.engine,
      workspaceId: second.workspaceId,
    });
    const target = await createTestApp();
    try {
      await setUpOwner(target.app, 'Ander BV');
      await restoreBackup(target.ctx.db, workspaceFile);
      const restored = await logIn(target, await emailOf(second));
      expect(await apiAnswers(restored)).toEqual(await apiAnswers(second));
      const before = await rowCounts(target);
      await expect(restoreBackup(target.ctx.db, workspaceFile)).rejects.toThrow(/already exists/);
      expect(await rowCounts(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('refuses a workspace whose user has an email address another user has here', async () => {
    const workspaceFile = newFile('workspace');
    await writeBackup(source.ctx.db, workspaceFile, {
      engine: source.ctx.engine,
      workspaceId: second.workspaceId,
    });
    const target = await createTestApp();
    try {
      const email = await emailOf(second);
      const setup = { workspaceName: 'Ander BV', name: 'Naamgenoot', email, password: PASSWORD };
      expect(
        (await target.app.inject({ method: 'POST', url: '/api/v1/setup', payload: setup })).statusCode,
      ).toBe(201);
      const before = await rowCounts(target);
      await expect(restoreBackup(target.ctx.db, workspaceFile)).rejects.toThrow(
        `different user with the email address ${email}`,
      );
      expect(await rowCounts(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore a whole database into one that has data, and leaves it as it was', async () => {
    const before = await rowCounts(source);
    await expect(restoreBackup(source.ctx.db, file)).rejects.toThrow(/not empty/);
    expect(await rowCounts(source)).toEqual(before);
  });

  describe('on a damaged file, restores nothing at all', () => {
    let target: TestApp;
    beforeAll(async () => {
      target = await createTestApp();
    });
    afterAll(() => target?.close());

    it('a file cut short', async () => {
      const cut = newFile('cut');
      const bytes = await readFile(file);
      await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      await expect(restoreBackup(target.ctx.db, cut)).rejects.toThrow(/damaged/);
      expect(isEmpty(await rowCounts(target))).toBe(true);
    });

    it('a file without its end marker, after most rows went in', async () => {
      const incomplete = await edited(file, (lines) => lines.slice(0, -1));
      await expect(restoreBackup(target.ctx.db, incomplete)).rejects.toThrow(/incomplete/);
      expect(isEmpty(await rowCounts(target))).toBe(true);
    });

    it('a row that breaks a foreign key', async () => {
      const broken = await edited(file, (lines) =>
        lines.map((line) =>
          line.startsWith('{"t":"deals"')
            ? line.replace(/"stage_id":"[^"]+"/, `"stage_id":"${crypto.randomUUID()}"`)
            : line,
        ),
      );
      await expect(restoreBackup(target.ctx.db, broken)).rejects.toThrow(/foreign key/);
      expect(isEmpty(await rowCounts(target))).toBe(true);
    });

    it('a backup of another schema version', async () => {
      const newer = await edited(file, ([header, ...rest]) => [
        JSON.stringify({ ...JSON.parse(header!), schemaVersion: 999 }),
        ...rest,
      ]);
      await expect(restoreBackup(target.ctx.db, newer)).rejects.toThrow(/schema version 999/);
      expect(isEmpty(await rowCounts(target))).toBe(true);
    });

    it('a file that is no backup at all', async () => {
      const text = newFile('text');
      await writeFile(text, 'id,name\n1,Van Dijk\n');
      await expect(restoreBackup(target.ctx.db, text)).rejects.toThrow(/not a Baken backup/);
      await expect(restoreBackup(target.ctx.db, newFile('missing'))).rejects.toThrow(/there is no such file/);
    });
  });
});

describe('the backup file format', () => {
  it('keeps integers beyond 2^53 exactly as PostgreSQL wrote them', () => {
    const line = rowLine('deals', '{"id":"x","amount":9007199254740993}').trimEnd();
    expect(parseLine(line, 2)).toEqual({
      kind: 'row',
      table: 'deals',
      row: '{"id":"x","amount":9007199254740993}',
    });
  });
});

describe('the baken backup and restore commands', () => {
  it('ask for the file when it is missing', async () => {
    await expect(runBackup({ file: undefined, workspaceId: undefined })).rejects.toThrow(
      'Name the file to write',
    );
    await expect(runRestore({ file: undefined })).rejects.toThrow('Name the backup file to load');
  });
});
