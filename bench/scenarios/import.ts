import { sql } from 'kysely';
import { csvOf, runJobs, uploadImportFile } from '../../server/test/imports.ts';
import { accountRow } from '../lib/account-rows.ts';
import { type CellValue, TABLE } from '../lib/bench-plan.ts';
import { contactRow } from '../lib/contact-rows.ts';
import type { BenchWorkspace } from '../lib/load-workspace.ts';
import { benchId } from '../lib/row-random.ts';
import { timed } from '../lib/samples.ts';
import type { Scenario, ScenarioContext } from '../lib/scenario.ts';

const HEADER = ['Voornaam', 'Achternaam', 'E-mail', 'Mobiel', 'Functie', 'Bedrijf'];
/** Rows turned into CSV text at a time: the file is built in parts, never as one string. */
const CSV_PART_ROWS = 10_000;

/**
 * A new contact as a spreadsheet from a fair or a purchased list has it: Dutch headers, a mobile
 * number written as people write it (06 12345678), an address that is new to the workspace, and
 * the name of a company the workspace knows (so the import links it).
 */
function importedContact(workspace: BenchWorkspace, index: number): string[] {
  const contact = contactRow(workspace, index);
  const text = (column: number) => String(contact[column] ?? '');
  const company = String(accountRow(workspace, index % workspace.size.accounts)[2]);
  // Dutch numbers as people write them at home; Belgian ones keep their +32 for a Dutch workspace.
  const mobile = text(5).replace(/^\+316/, '06 ');
  return [text(2), text(3), `import.${text(4)}`, mobile, text(6), company];
}

function importFile(workspace: BenchWorkspace, rows: number): Buffer {
  const parts: Buffer[] = [Buffer.from(csvOf([HEADER]))];
  for (let start = 0; start < rows; start += CSV_PART_ROWS) {
    const part: string[][] = [];
    for (let index = start; index < Math.min(rows, start + CSV_PART_ROWS); index++)
      part.push(importedContact(workspace, index));
    parts.push(Buffer.from(csvOf(part)));
  }
  return Buffer.concat(parts);
}

/**
 * The same rows written by the engine's fastest bulk path (COPY on PostgreSQL) into a table shaped
 * like contacts, with the same indexes and generated search text, without the app: no validation,
 * no phone numbers to E.164, no duplicate check, no company links, no undo log.
 */
async function rawLoad(context: ScenarioContext, rows: number): Promise<number> {
  const { db } = context.bench.database;
  await sql`drop table if exists bench_import_raw`.execute(db);
  await sql`create table bench_import_raw (like contacts including all)`.execute(db);
  await sql`alter table bench_import_raw add column company text`.execute(db);
  const sink = await context.bench.bulkSink();
  try {
    return await timed(() =>
      sink.load({
        table: 'bench_import_raw',
        columns: ['workspace_id', 'id', 'first_name', 'last_name', 'email', 'mobile', 'job_title', 'company'],
        count: rows,
        rows: function* () {
          for (let index = 0; index < rows; index++) {
            const cells: CellValue[] = importedContact(context.workspace, index);
            yield [context.workspace.workspaceId, benchId(TABLE.importedContacts, index), ...cells];
          }
        },
      }),
    );
  } finally {
    await sink.close();
    await sql`drop table bench_import_raw`.execute(db);
  }
}

/**
 * An import of as many new contacts as the workspace has (1,000,000 at full size) as a user runs
 * it: upload through the API, the suggested mapping, start, and the import job to the end (mapping,
 * validation, mobile numbers to E.164, the email duplicate check against the file and the
 * workspace, links to companies by name, one transaction per 2,000 rows with its undo records).
 * Timed: the upload, and the job from its start to its end (not the duplicate scan it queues). One
 * run; runs last, as it doubles the contacts. Target: 20,000 rows/s on PostgreSQL.
 */
export const importScenario: Scenario = {
  name: 'import',
  title: 'Import of a CSV of new contacts (upload, mapping, validation, duplicate check, links), one run',
  run: async (context) => {
    const rows = context.workspace.size.contacts;
    const file = importFile(context.workspace, rows);
    const { app } = context;
    let id = '';
    const uploadMs = await timed(async () => {
      const upload = await uploadImportFile(app.app, app.headers, 'contact', 'beurs.csv', file);
      if (upload.statusCode !== 201) throw new Error(`upload: ${upload.statusCode} ${upload.body}`);
      id = (upload.json() as { id: string }).id;
    });
    await app.request('POST', `/api/v1/imports/${id}/start`, {});
    // Runs the import job, then the duplicate scan its completion queued: only the import is timed.
    await runJobs(app.ctx);
    const done = (await app.request('GET', `/api/v1/imports/${id}`)) as {
      status: string;
      createdCount: number;
      failedCount: number;
      startedAt: string;
      finishedAt: string;
    };
    if (done.status !== 'completed' || done.createdCount !== rows)
      throw new Error(`import: ${done.status}, ${done.createdCount} created, ${done.failedCount} failed`);
    const apiMs = uploadMs + Date.parse(done.finishedAt) - Date.parse(done.startedAt);
    const sqlMs = await rawLoad(context, rows);
    const perSecond = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');
    console.log(
      `import: ${rows.toLocaleString('en')} rows in ${(apiMs / 1000).toFixed(1)} s = ${perSecond(apiMs)} rows/s ` +
        `(upload ${(uploadMs / 1000).toFixed(1)} s); ` +
        `the same rows by the bulk path: ${(sqlMs / 1000).toFixed(1)} s = ${perSecond(sqlMs)} rows/s`,
    );
    return { api: [apiMs], sql: [sqlMs] };
  },
};
