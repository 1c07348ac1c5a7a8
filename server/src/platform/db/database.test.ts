import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../../test/database.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { openDatabase } from './database.ts';

describe('PGlite data folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baken-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second process on the same folder, with a message that says what to do', async () => {
    const first = await openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      await expect(openDatabase({ engine: 'pglite', dataDir: dir })).rejects.toThrow(
        /in use by another Baken process/,
      );
    } finally {
      await first.close();
    }
  });

  it('takes over the lock of a process that was killed', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    await new Promise((resolve) => child.once('spawn', resolve));
    await writeFile(join(dir, 'baken.pid'), String(child.pid));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const database = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(await readFile(join(dir, 'baken.pid'), 'utf8')).toBe(String(process.pid));
    await sql`create table if not exists kept (value int)`.execute(database.db);
    await sql`insert into kept values (42)`.execute(database.db);
    await database.close();
    const reopened = await openDatabase({ engine: 'pglite', dataDir: dir });
    const rows = await sql<{ value: number }>`select value from kept`.execute(reopened.db);
    expect(rows.rows).toEqual([{ value: 42 }]);
    await reopened.close();
  });
});

describe('a long query', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  // PGlite runs in a worker thread, so the HTTP thread stays free while the database works.
  it(`does not block the HTTP event loop on ${testEngine}`, async () => {
    const lags: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      lags.push(now - last - 10);
      last = now;
    }, 10);
    const slow = sql`select pg_sleep(3)`.execute(test.ctx.db);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    await slow;
    clearInterval(timer);
    expect(lags.length).toBeGreaterThan(30);
    // A blocked loop would stall once for the whole 3 s; a busy CI machine stalls for far less.
    expect(Math.max(...lags)).toBeLessThan(1500);
  });
});
