// Test helpers for imports: multipart uploads over inject, running the import jobs, generated messy files.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { jobTypes } from '../src/job-types.ts';
import type { AppContext } from '../src/platform/context.ts';
import { JobRunner } from '../src/platform/jobs/job-runner.ts';

/** Uploads a file as the web app does (multipart, field "file"); `auth` are the client's headers. */
export async function uploadImportFile(
  app: FastifyInstance,
  auth: Record<string, string>,
  recordType: 'contact' | 'account',
  fileName: string,
  content: Buffer,
) {
  const boundary = `----baken${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports?recordType=${recordType}`,
    headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** Runs every queued job (imports and dry runs) to the end, as the server's runner would. */
export function runJobs(ctx: AppContext): Promise<number> {
  return new JobRunner(ctx, jobTypes, { pollMs: 50, leaseSeconds: 30 }).drain();
}

export interface MessyRow {
  index: number;
  cells: string[];
  expected: 'created' | 'updated' | 'failed';
  reason?: RegExp;
}

export const MESSY_HEADERS = [
  'Voornaam',
  'Achternaam',
  'E-mailadres',
  'Telefoonnummer',
  'Functie',
  'Bedrijfsnaam',
  'Plaats',
];
const FIRST = ['Jan', 'Zoë', 'Eva', 'Daan', 'Noor', 'Sem', 'Lotte', 'Bram', 'Anaïs', 'Thijs'];
const LAST = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Dekker',
];

export const existingEmail = (index: number) => `persoon${index}@bedrijf${index % 300}.nl`;
export const companyName = (index: number) => `Bedrijf ${index % 300} BV`;

/**
 * Rows of contacts as exported by hand from spreadsheets: mixed-case emails, blank cells, company
 * names in other case and spacing, a few duplicate rows, broken phone numbers and one row whose email
 * is no email. Rows 0..updates-1 are contacts that exist already.
 */
export function messyContactRows(count: number, updates: number): MessyRow[] {
  const rows: MessyRow[] = [];
  for (let index = 0; index < count; index++) {
    const duplicateOf = index % 1000 === 500 ? index - 1 : null;
    const source = duplicateOf ?? index;
    const email = existingEmail(source);
    const mixedCase = source % 2 === 0 ? email.toUpperCase() : email.replace(/^p/, 'P');
    const badEmail = index === Math.floor(count / 2);
    const badPhone = duplicateOf === null && !badEmail && index % 97 === 3;
    const blank = index % 7 === 0;
    const company = companyName(source);
    const cells = [
      FIRST[source % FIRST.length]!,
      LAST[source % LAST.length]!,
      badEmail ? 'geen-email-adres' : ` ${mixedCase} `,
      badPhone ? 'bel me maar' : blank ? '' : `+31 20 ${String(1000000 + source).slice(-7)}`,
      blank ? '' : `Functie ${source % 13}`,
      source % 3 === 0
        ? company.toUpperCase()
        : source % 3 === 1
          ? `  ${company.replace(' ', '  ')} `
          : company,
      'Amsterdam',
    ];
    const expected =
      duplicateOf !== null || badEmail || badPhone ? 'failed' : index < updates ? 'updated' : 'created';
    // Row problems are written in the language of the person importing: the owner's is Dutch.
    const reason =
      duplicateOf !== null
        ? /Zelfde e-mailadres als rij/
        : badEmail
          ? /E-mailadres/
          : badPhone
            ? /Telefoonnummer/
            : undefined;
    rows.push({ index, cells, expected, ...(reason ? { reason } : {}) });
  }
  return rows;
}

const csvCell = (cell: string, delimiter: string) =>
  cell.includes(delimiter) || cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : cell;

export function csvOf(rows: string[][], delimiter = ','): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/** Windows-1252 for text within Latin-1, as Excel on Windows saves "CSV (semicolon)". */
export function windows1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contacten');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
