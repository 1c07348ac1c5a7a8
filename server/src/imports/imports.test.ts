import type { ImportResponse } from '@baken/core/imports/import.schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { type Client, createTestApp, setUpOwner, type TestApp, tokenClient } from '../../test/harness.ts';
import {
  companyName,
  csvOf,
  existingEmail,
  MESSY_HEADERS,
  type MessyRow,
  messyContactRows,
  runJobs,
  uploadImportFile,
  windows1252,
  xlsxOf,
} from '../../test/imports.ts';

const ROWS = 10_000;
const EXISTING = 200;

/** Everything an import touches, in a stable order: to compare before and after an undo. */
async function dump(test: TestApp) {
  const { rows: contacts } = await sql`select * from contacts order by id`.execute(test.ctx.db);
  const { rows: accounts } = await sql`select * from accounts order by id`.execute(test.ctx.db);
  return { contacts, accounts };
}

describe(`imports (${testEngine})`, () => {
  let test: TestApp;
  let owner: Client;
  let api: Client & { tokenId: string };
  let rows: MessyRow[];

  const upload = async (fileName: string, content: Buffer, recordType: 'contact' | 'account' = 'contact') => {
    const response = await uploadImportFile(test.app, api.headers(), recordType, fileName, content);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ImportResponse;
  };
  const get = (id: string) => api.ok<ImportResponse>('GET', `/api/v1/imports/${id}`);

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    api = await tokenClient(test.app, owner);
    const { id: workspaceId } = await test.ctx.db
      .selectFrom('workspaces')
      .select('id')
      .executeTakeFirstOrThrow();
    const now = new Date('2026-01-01T00:00:00Z');
    // Contacts that exist before the import (rows 0..EXISTING-1 update them) and half the companies.
    await test.ctx.db
      .insertInto('contacts')
      .values(
        Array.from({ length: EXISTING }, (_, index) => ({
          workspaceId,
          id: test.ctx.newId(),
          firstName: 'Oud',
          lastName: `Contact ${index}`,
          email: existingEmail(index),
          custom: '{}',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
    await test.ctx.db
      .insertInto('accounts')
      .values(
        Array.from({ length: 100 }, (_, index) => ({
          workspaceId,
          id: test.ctx.newId(),
          name: companyName(index),
          custom: '{}',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
    rows = messyContactRows(ROWS, EXISTING);
  });
  afterAll(() => test?.close());

  const expectedCounts = (subset = rows) => ({
    created: subset.filter((row) => row.expected === 'created').length,
    updated: subset.filter((row) => row.expected === 'updated').length,
    failed: subset.filter((row) => row.expected === 'failed').length,
  });

  describe('a 10,000-row CSV with Dutch headers and messy data', () => {
    let imported: ImportResponse;
    let before: Awaited<ReturnType<typeof dump>>;

    beforeAll(async () => {
      before = await dump(test);
      const file = Buffer.from(csvOf([MESSY_HEADERS, ...rows.map((row) => row.cells)]), 'utf8');
      imported = await upload('contacten.csv', file);
    });

    it('reads the header, counts the rows and maps every Dutch column', () => {
      expect(imported.status).toBe('uploaded');
      expect(imported.totalRows).toBe(ROWS);
      expect(imported.delimiter).toBe(',');
      expect(imported.encoding).toBe('utf-8');
      expect(imported.mapping).toEqual([
        'firstName',
        'lastName',
        'email',
        'phone',
        'jobTitle',
        'account.name',
        'account.city',
      ]);
      expect(imported.sample[0]?.[0]).toBe('Jan');
    });

    it('reports in a dry run exactly what the import will do, writing nothing', async () => {
      await api.ok('PATCH', `/api/v1/imports/${imported.id}`, { options: { createAccounts: true } });
      await api.ok('POST', `/api/v1/imports/${imported.id}/check`, {}, 202);
      await runJobs(test.ctx);
      const checked = await get(imported.id);
      expect(checked.status).toBe('checked');
      const counts = expectedCounts();
      expect(checked.check).toMatchObject({ rows: ROWS, ...counts, unchanged: 0 });
      expect(checked.check?.problems.length).toBe(Math.min(100, counts.failed));
      expect(await dump(test)).toEqual(before);
    });

    it('imports with exactly the expected created, updated and failed counts', async () => {
      await api.ok('POST', `/api/v1/imports/${imported.id}/start`, {}, 202);
      expect((await get(imported.id)).status).toBe('queued');
      await runJobs(test.ctx);
      const done = await get(imported.id);
      const counts = expectedCounts();
      expect(done).toMatchObject({
        status: 'completed',
        rowsDone: ROWS,
        createdCount: counts.created,
        updatedCount: counts.updated,
        unchangedCount: 0,
        failedCount: counts.failed,
      });
      const { rows: stats } = await sql<{ contacts: number; accounts: number; linked: number }>`
        select (select count(*)::int from contacts) as contacts, (select count(*)::int from accounts) as accounts,
          (select count(*)::int from contacts where account_id is not null) as linked`.execute(test.ctx.db);
      expect(stats[0]).toEqual({
        contacts: EXISTING + counts.created,
        accounts: 300,
        linked: counts.created + counts.updated,
      });
    });

    it('stores emails in lower case and links contacts to companies whatever their case and spacing', async () => {
      const { rows: contact } = await sql<{ email: string; account: string; job: string | null }>`
        select c.email, a.name as account, c.job_title as job from contacts c join accounts a on a.id = c.account_id
        where c.email = ${existingEmail(1234)}`.execute(test.ctx.db);
      expect(contact).toEqual([
        { email: existingEmail(1234), account: companyName(1234), job: 'Functie 12' },
      ]);
    });

    it("shows the import on each record's timeline, with the file and the row", async () => {
      const { rows: found } = await sql<{ contact: string }>`
        select c.id as contact from contacts c
        where c.email = ${existingEmail(1234)}`.execute(test.ctx.db);
      const timelineOf = async (path: string) =>
        (
          await owner.ok<{ data: { kind: string; data: Record<string, unknown> }[] }>('GET', path)
        ).data.filter((entry) => entry.kind === 'import');
      const row = rows.find((candidate) => candidate.index === 1234)!;
      expect(await timelineOf(`/api/v1/contacts/${found[0]!.contact}/timeline`)).toEqual([
        expect.objectContaining({
          data: {
            action: row.expected,
            importId: imported.id,
            fileName: 'contacten.csv',
            rowNumber: 1236,
            undone: false,
          },
        }),
      ]);
      // Companies 100 and up were new: the import created them.
      const { rows: company } = await sql<{ id: string }>`
        select id from accounts where regexp_replace(lower(btrim(name)), '\s+', ' ', 'g') = ${companyName(150).toLowerCase()}`.execute(
        test.ctx.db,
      );
      expect(await timelineOf(`/api/v1/accounts/${company[0]!.id}/timeline`)).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ action: 'created', importId: imported.id }),
        }),
      ]);
    });

    it('gives an error report of the failed rows with their reason and cells', async () => {
      const response = await api.get(`/api/v1/imports/${imported.id}/errors`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(`row,reason,${MESSY_HEADERS.join(',')}`);
      const failed = rows.filter((row) => row.expected === 'failed');
      expect(lines.length - 1).toBe(failed.length);
      for (const [index, row] of failed.entries()) {
        const line = lines[index + 1]!;
        expect(line.startsWith(`${row.index + 2},`), line).toBe(true);
        expect(line).toMatch(row.reason!);
      }
    });

    it('writes one audit row for the import, not one per record', async () => {
      const { rows: audit } = await sql<{ entityType: string; count: number }>`
        select entity_type, count(*)::int as count from audit_log group by entity_type order by entity_type`.execute(
        test.ctx.db,
      );
      expect(audit.find((row) => row.entityType === 'contact')).toBeUndefined();
      expect(audit.find((row) => row.entityType === 'import')?.count).toBe(5);
    });

    it('refuses to undo when records were changed since, unless forced', async () => {
      const { rows: changed } = await sql<{
        id: string;
      }>`select id from contacts where email = ${existingEmail(2000)}`.execute(test.ctx.db);
      await owner.ok('PATCH', `/api/v1/contacts/${changed[0]!.id}`, { jobTitle: 'Later gewijzigd' });
      const refused = await api.post(`/api/v1/imports/${imported.id}/undo`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toMatch(/1 of the records/);
    });

    it('undoes the whole import: created records gone, updated ones exactly as before', async () => {
      const undone = await api.ok<{ deleted: number; restored: number; changedSince: number }>(
        'POST',
        `/api/v1/imports/${imported.id}/undo`,
        { force: true },
        200,
      );
      const counts = expectedCounts();
      expect(undone).toMatchObject({
        deleted: counts.created + 200,
        restored: counts.updated,
        changedSince: 1,
      });
      expect(await dump(test)).toEqual(before);
      expect((await get(imported.id)).status).toBe('undone');
    });
  });

  it('reads a semicolon-separated Windows-1252 file as Dutch Excel saves it', async () => {
    const subset = rows.slice(0, 2000);
    const text = csvOf([MESSY_HEADERS, ...subset.map((row) => row.cells)], ';');
    const imported = await upload('excel.csv', windows1252(text));
    expect(imported).toMatchObject({ delimiter: ';', encoding: 'windows-1252', totalRows: 2000 });
    expect(imported.sample[0]?.[0]).toBe('Jan');
    expect(imported.sample[1]?.[0]).toBe('Zoë');
    await api.ok('PATCH', `/api/v1/imports/${imported.id}`, { options: { createAccounts: true } });
    await api.ok('POST', `/api/v1/imports/${imported.id}/start`, {}, 202);
    await runJobs(test.ctx);
    const counts = expectedCounts(subset);
    expect(await get(imported.id)).toMatchObject({
      status: 'completed',
      createdCount: counts.created,
      updatedCount: counts.updated,
      failedCount: counts.failed,
    });
    const { rows: zoe } = await sql<{
      firstName: string;
    }>`select first_name from contacts where email = ${existingEmail(1)}`.execute(test.ctx.db);
    expect(zoe[0]?.firstName).toBe('Zoë');
  });

  it("reads a tab-separated UTF-16 file as Excel's Unicode text export saves it", async () => {
    const text = [
      'Voornaam\tAchternaam\tE-mail',
      'Şükrü\tÇelik\tsukru.celik@example.nl',
      'Zoë\tDijkstra\t',
    ].join('\r\n');
    const imported = await upload(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect(imported).toMatchObject({ delimiter: '\t', encoding: 'utf-16le', totalRows: 2 });
    expect(imported.headers).toEqual(['Voornaam', 'Achternaam', 'E-mail']);
    expect(imported.mapping).toEqual(['firstName', 'lastName', 'email']);
    expect(imported.sample).toEqual([
      ['Şükrü', 'Çelik', 'sukru.celik@example.nl'],
      ['Zoë', 'Dijkstra', ''],
    ]);
  });

  it('imports an XLSX file, updating what the CSV import created', async () => {
    const subset = rows.slice(0, 2000);
    const imported = await upload(
      'contacten.xlsx',
      await xlsxOf([MESSY_HEADERS, ...subset.map((row) => row.cells)]),
    );
    expect(imported).toMatchObject({ fileFormat: 'xlsx', totalRows: 2000, encoding: null });
    expect(imported.mapping[2]).toBe('email');
    await api.ok('PATCH', `/api/v1/imports/${imported.id}`, { options: { mode: 'update' } });
    await api.ok('POST', `/api/v1/imports/${imported.id}/start`, {}, 202);
    await runJobs(test.ctx);
    const done = await get(imported.id);
    const counts = expectedCounts(subset);
    // Everything the semicolon file wrote is there already, with the same values.
    expect(done).toMatchObject({
      status: 'completed',
      createdCount: 0,
      updatedCount: 0,
      failedCount: counts.failed,
    });
    expect(done.unchangedCount).toBe(counts.created + counts.updated);
  });

  it('lets a later row with the same email in when the first one failed', async () => {
    const imported = await upload(
      'tweede-poging.csv',
      Buffer.from(
        csvOf([
          ['Voornaam', 'Achternaam', 'E-mail', 'Telefoon'],
          ['Sem', 'Verbeek', 'sem.verbeek@tuinbouw.nl', 'bel me maar'],
          ['Sem', 'Verbeek', 'sem.verbeek@tuinbouw.nl', '06 1234 5678'],
          ['Sem', 'Verbeek', 'Sem.Verbeek@tuinbouw.nl', '06 8765 4321'],
        ]),
      ),
    );
    await api.ok('POST', `/api/v1/imports/${imported.id}/start`, {}, 202);
    await runJobs(test.ctx);
    expect(await get(imported.id)).toMatchObject({ status: 'completed', createdCount: 1, failedCount: 2 });
    const report = (await api.get(`/api/v1/imports/${imported.id}/errors`)).body;
    expect(report).toMatch(/^2,.*Telefoon/m);
    expect(report).toMatch(/^4,.*rij 3/m);
    const { rows: stored } = await sql<{ phone: string }>`
      select phone from contacts where email = 'sem.verbeek@tuinbouw.nl'`.execute(test.ctx.db);
    expect(stored).toEqual([{ phone: '+31612345678' }]);
  });

  it('flags likely duplicates: completing an import queues a scan of its record type, which finds them', async () => {
    await owner.ok('POST', '/api/v1/contacts', {
      firstName: 'Marieke',
      lastName: 'Wolters',
      email: 'marieke.wolters@gmail.com',
    });
    const imported = await upload(
      'beurs.csv',
      Buffer.from(
        csvOf([
          ['Voornaam', 'Achternaam', 'E-mail'],
          ['Marieke', 'Wolters', 'Marieke.Wolters+beurs@gmail.com'],
        ]),
      ),
    );
    await api.ok('POST', `/api/v1/imports/${imported.id}/start`, {}, 202);
    await runJobs(test.ctx);
    const done = await get(imported.id);
    expect(done).toMatchObject({ status: 'completed', createdCount: 1 });
    const { scan } = await api.ok<{ scan: { status: string; recordTypes: string[]; startedAt: string } }>(
      'GET',
      '/api/v1/duplicates/scan',
    );
    expect(scan).toMatchObject({ status: 'done', recordTypes: ['contact'] });
    expect(Date.parse(scan.startedAt)).toBeGreaterThanOrEqual(Date.parse(done.finishedAt!));
    const pairs = await api.ok<{ data: { a: { email: string }; b: { email: string } }[] }>(
      'GET',
      '/api/v1/duplicates/contacts?limit=100',
    );
    const emails = pairs.data.map((pair) => [pair.a.email, pair.b.email].sort());
    expect(emails).toContainEqual(['marieke.wolters+beurs@gmail.com', 'marieke.wolters@gmail.com']);
  });

  it('refuses an upload that is not multipart', async () => {
    const notMultipart = await api.post('/api/v1/imports?recordType=contact', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
  });
});
