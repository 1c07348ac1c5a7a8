// An import survives a crash: the real server is killed with SIGKILL in the middle of an import and
// started again on the same data. The job resumes after the last committed batch and finishes with
// every row imported exactly once.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportResponse } from '@baken/core/imports/import.schema';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { csvOf } from '../../test/imports.ts';
import {
  apiTokenFor,
  type ServerDatabase,
  type ServerProcess,
  startServerProcess,
} from '../../test/server-process.ts';
import { openDatabase } from '../platform/db/database.ts';

const ROWS = 10_000;
const JOB_ENV = { BAKEN_JOB_POLL_MS: '100', BAKEN_JOB_LEASE_SECONDS: '2' };

async function freshDatabase(): Promise<{ database: ServerDatabase; cleanUp(): Promise<void> }> {
  if (testEngine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-import-crash-'));
    return { database: { dataDir }, cleanUp: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `import_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template baken_template`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { database: { databaseUrl: url.toString() }, cleanUp: async () => undefined };
}

async function call<T>(server: ServerProcess, token: string, method: string, path: string, body?: BodyInit) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`an import killed mid-way (${testEngine})`, () => {
  let target: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await target?.cleanUp();
  });

  it('resumes after a restart and imports every row exactly once', async () => {
    target = await freshDatabase();
    server = await startServerProcess(target.database, JOB_ENV);
    const credentials = { email: 'eva@import-crash.example.nl', password: 'Tulpen-in-de-lente-2026' };
    const token = await apiTokenFor(server.url, {
      path: '/setup',
      body: { workspaceName: 'Import Crash BV', name: 'Eva de Vries', ...credentials },
    });
    const rows = Array.from({ length: ROWS }, (_, index) => [
      `Naam ${index}`,
      `Contact ${index}`,
      `c${index}@crash-import.nl`,
    ]);
    const form = new FormData();
    form.append('file', new Blob([csvOf([['Voornaam', 'Achternaam', 'E-mailadres'], ...rows])]), 'groot.csv');
    const uploaded = await call<ImportResponse>(server, token, 'POST', '/imports?recordType=contact', form);
    await call(server, token, 'POST', `/imports/${uploaded.id}/start`, '{}');

    let atKill = 0;
    await waitFor(
      async () => {
        atKill = (await call<ImportResponse>(server!, token, 'GET', `/imports/${uploaded.id}`)).rowsDone;
        return atKill >= 2000;
      },
      120_000,
      'the first batches',
    );
    server.child.kill('SIGKILL');
    await server.stop();
    server = await startServerProcess(target.database, JOB_ENV);
    const again = await apiTokenFor(server.url, { path: '/auth/login', body: credentials });
    let done: ImportResponse | undefined;
    await waitFor(
      async () => {
        done = await call<ImportResponse>(server!, again, 'GET', `/imports/${uploaded.id}`);
        return done.status === 'completed' || done.status === 'failed';
      },
      180_000,
      'the import to finish after the restart',
    );
    await server.stop();
    server = undefined;

    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(ROWS);
    expect(done).toMatchObject({ status: 'completed', rowsDone: ROWS, createdCount: ROWS, failedCount: 0 });
    const database = await ('dataDir' in target.database
      ? openDatabase({ engine: 'pglite', dataDir: target.database.dataDir })
      : openDatabase({ engine: 'postgresql', url: target.database.databaseUrl, poolSize: 1 }));
    try {
      const { rows: counts } = await sql<{ contacts: number; records: number; distinct: number }>`
        select (select count(*)::int from contacts) as contacts, (select count(*)::int from import_records) as records,
          (select count(distinct row_number)::int from import_records) as distinct`.execute(database.db);
      expect(counts[0]).toEqual({ contacts: ROWS, records: ROWS, distinct: ROWS });
    } finally {
      await database.close();
    }
  }, 400_000);
});
