import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

// Reading an uploaded file as rows of text, streaming: a million rows never sit in memory.

export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CsvDialect {
  encoding: TextEncoding;
  delimiter: string;
}

export interface FileFacts {
  format: FileFormat;
  dialect: CsvDialect | null;
  headers: string[];
  /** The first rows under the header. */
  sample: string[][];
  /** Rows under the header. */
  totalRows: number;
}

const SAMPLE_ROWS = 5;
const SNIFF_BYTES = 64 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Excel's "Unicode text" and some CRM exports are UTF-16, always with a byte order mark. */
const UTF16_BOMS: [Buffer, TextEncoding][] = [
  [Buffer.from([0xff, 0xfe]), 'utf-16le'],
  [Buffer.from([0xfe, 0xff]), 'utf-16be'],
];

export function formatOf(head: Buffer): FileFormat {
  return head.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
}

/**
 * Encoding and delimiter of a CSV file from its first bytes. Text that is not valid UTF-8 is read as
 * Windows-1252, what Excel on Windows writes for "CSV"; Dutch Excel separates with semicolons. A
 * UTF-16 byte order mark wins over both.
 */
export function sniffCsv(head: Buffer): CsvDialect {
  let encoding: TextEncoding = 'utf-8';
  const utf16 = UTF16_BOMS.find(([mark]) => head.subarray(0, 2).equals(mark));
  if (utf16) encoding = utf16[1];
  else if (head.subarray(0, 3).equals(BOM)) encoding = 'utf-8-bom';
  else {
    // The sample may end inside a multi-byte character: up to three bytes cut off are no evidence.
    const valid = [0, 1, 2, 3].some((cut) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(head.length - cut, 0)));
        return true;
      } catch {
        return false;
      }
    });
    if (!valid) encoding = 'windows-1252';
  }
  const text = decoderFor(encoding).decode(head);
  return { encoding, delimiter: delimiterOf(text) };
}

/** The candidate that splits the first lines into the same number of fields, most fields first. */
function delimiterOf(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((line) => line.trim() !== '');
  let best = ',';
  let bestScore = 0;
  for (const candidate of [';', ',', '\t', '|']) {
    const counts = lines.slice(0, -1).map((line) => fieldsOutsideQuotes(line, candidate));
    if (counts.length === 0) counts.push(fieldsOutsideQuotes(lines[0] ?? '', candidate));
    const first = counts[0] ?? 0;
    const steady = counts.filter((count) => count === first).length / counts.length;
    const score = first * steady;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function fieldsOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

function decoderFor(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { ignoreBOM: false });
}

/** Bytes to text in the file's encoding, chunk by chunk (a character may straddle two chunks). */
async function* decode(source: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = decoderFor(encoding);
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Every row of a CSV file, the header first, as trimmed-free text cells. */
async function* csvRows(source: AsyncIterable<Buffer>, dialect: CsvDialect): AsyncGenerator<string[]> {
  const parser = parse({
    delimiter: dialect.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  });
  const text = Readable.from(decode(source, dialect.encoding));
  text.pipe(parser);
  text.on('error', (error) => parser.destroy(error));
  for await (const record of parser) yield record as string[];
}

/** A cell of a worksheet as text: dates as YYYY-MM-DD (or ISO with a time), formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** Every row of the first worksheet of an XLSX file, the header first; missing cells are ''. */
async function* xlsxRows(source: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // row.values is 1-based and sparse.
      const values = (row.values as ExcelJS.CellValue[]) ?? [];
      const cells: string[] = [];
      for (let index = 1; index < values.length; index++) cells.push(cellText(values[index]));
      if (cells.some((cell) => cell.trim() !== '')) yield cells;
    }
    return;
  }
}

export function fileRows(
  source: AsyncIterable<Buffer>,
  format: FileFormat,
  dialect: CsvDialect | null,
): AsyncGenerator<string[]> {
  return format === 'xlsx'
    ? xlsxRows(source)
    : csvRows(source, dialect ?? { encoding: 'utf-8', delimiter: ',' });
}

/** Reads an uploaded file once: its kind, dialect, header, first rows and number of rows. */
export async function analyzeFile(path: string): Promise<FileFacts> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(SNIFF_BYTES);
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, SNIFF_BYTES, 0));
  } finally {
    await handle.close();
  }
  const format = formatOf(head.subarray(0, length));
  const dialect = format === 'csv' ? sniffCsv(head.subarray(0, length)) : null;
  let headers: string[] | null = null;
  const sample: string[][] = [];
  let totalRows = 0;
  for await (const row of fileRows(createReadStream(path), format, dialect)) {
    if (!headers) {
      headers = row.map((cell) => cell.trim());
      continue;
    }
    if (sample.length < SAMPLE_ROWS) sample.push(row);
    totalRows++;
  }
  return { format, dialect, headers: headers ?? [], sample, totalRows };
}
