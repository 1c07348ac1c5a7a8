import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

const CONTACTS = 1_100;

describe(`exports (${testEngine})`, () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    const { id: workspaceId } = await test.ctx.db
      .selectFrom('workspaces')
      .select('id')
      .executeTakeFirstOrThrow();
    const now = new Date('2026-03-01T10:00:00Z');
    await test.ctx.db
      .insertInto('contacts')
      .values(
        Array.from({ length: CONTACTS }, (_, index) => ({
          workspaceId,
          id: test.ctx.newId(),
          firstName: index % 2 === 0 ? 'Anna' : 'Bert; "B"',
          lastName: `Export ${String(index).padStart(4, '0')}`,
          email: `export${index}@voorbeeld.nl`,
          lifecycleStage: index % 2 === 0 ? 'lead' : 'customer',
          custom: '{}',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  });
  afterAll(() => test?.close());

  it('streams every row of a filtered, sorted list as CSV with a Dutch header, across pages', async () => {
    const response = await owner.get(
      '/api/v1/exports?list=contacts&lang=nl&sort=-lastName&filter=lifecycleStage:eq:customer',
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = response.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Id,Voornaam,Achternaam,E-mailadres,/);
    expect(lines).toHaveLength(1 + CONTACTS / 2);
    expect(lines[1]).toContain(',"Bert; ""B""",Export 1099,export1099@voorbeeld.nl,');
    expect(lines.at(-1)).toContain('Export 0001');
  });

  it('writes XLSX with an English header', async () => {
    const response = await owner.get('/api/v1/exports?list=contacts&format=xlsx&q=anna');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('First name');
    expect(sheet.rowCount).toBe(1 + CONTACTS / 2);
  });

  it('refuses an unknown filter before sending anything', async () => {
    const response = await owner.get('/api/v1/exports?list=deals&filter=nope:eq:1');
    expect(response.statusCode).toBe(422);
  });
});
