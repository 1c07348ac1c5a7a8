import { PassThrough, Readable } from 'node:stream';
import { type ExportList, exportColumns, type exportQuery } from '@baken/core/exports/export.schema';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { accountService } from '../accounts/accounts.service.ts';
import { activityService } from '../activities/activities.service.ts';
import { contactService } from '../contacts/contacts.service.ts';
import { dealService } from '../deals/deals.service.ts';
import type { RequestContext } from '../platform/context.ts';

/** Rows per read: each is one keyset page of the list, so memory stays flat whatever the list's size. */
const PAGE = 1000;

const services: Record<ExportList, { list: (typeof contactService)['list'] }> = {
  contacts: contactService,
  accounts: accountService as unknown as { list: (typeof contactService)['list'] },
  deals: dealService as unknown as { list: (typeof contactService)['list'] },
  activities: activityService as unknown as { list: (typeof contactService)['list'] },
};

type Query = z.output<typeof exportQuery>;

/** Every row of the list view, page after page through the list's own service (same rights, filters, sort, search). */
async function* rowsOf(ctx: RequestContext, query: Query): AsyncGenerator<Record<string, unknown>[]> {
  const { list, format: _format, lang: _lang, ...view } = query;
  let cursor: string | undefined;
  do {
    const page = await services[list].list(ctx, { ...view, limit: PAGE, ...(cursor ? { cursor } : {}) });
    yield page.data as Record<string, unknown>[];
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

const csvCell = (text: string) => (/[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The export as a stream of CSV (UTF-8 with BOM, so Excel reads it right) or XLSX. */
export async function exportList(
  ctx: RequestContext,
  query: Query,
): Promise<{ stream: Readable; fileName: string; type: string }> {
  const columns = exportColumns[query.list];
  const header = columns.map((column) => column[query.lang]);
  const day = ctx.now().toISOString().slice(0, 10);
  const fileName = `${query.list}-${day}.${query.format}`;
  // Fail before the first byte when the query is wrong (an unknown filter answers 422, not a cut-off file).
  const pages = rowsOf(ctx, query);
  const first = await pages.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* pages;
  }
  if (query.format === 'csv') {
    async function* lines() {
      yield `\ufeff${header.map(csvCell).join(',')}\r\n`;
      for await (const rows of all()) {
        yield rows
          .map((row) => `${columns.map((column) => csvCell(cellText(row[column.field]))).join(',')}\r\n`)
          .join('');
      }
    }
    return { stream: Readable.from(lines()), fileName, type: 'text/csv; charset=utf-8' };
  }
  const output = new PassThrough();
  void (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(query.list);
    sheet.addRow(header).commit();
    for await (const rows of all()) {
      for (const row of rows) sheet.addRow(columns.map((column) => cellText(row[column.field]))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => output.destroy(error));
  return {
    stream: output,
    fileName,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
