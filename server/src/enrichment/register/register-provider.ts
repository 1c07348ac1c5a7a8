// The operator's company register: a CSV file (BAKEN_REGISTER_FILE) keyed by KvK number or domain.
// It is streamed into the company_register table once per version of the file (size and time of
// change), with an index on each key, so a lookup is one index read even for millions of rows and
// the file never sits in memory.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FoundField } from '@baken/core/enrichment/enrichment.schema';
import { mapRegisterColumns, type RegisterRow, registerRow } from '@baken/core/enrichment/register-columns';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import {
  findInRegister,
  finishRegisterLoad,
  registerFileOf,
  upsertRegisterRows,
} from '../enrichment.repository.ts';
import type { EnrichmentProvider } from '../providers.ts';

const BATCH = 5000;
/** How long a lookup waits for a register that is being loaded before it reports so (the load goes on). */
const WAIT_FOR_LOAD_MS = 10_000;
const loading = new Map<string, Promise<Date>>();

/** Streams the file into the table; rows are written in batches of 5,000, one statement each. */
async function load(
  db: Kysely<DB>,
  path: string,
  configured: Record<string, string>,
  size: number,
  modifiedAt: Date,
) {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  let columns: ReturnType<typeof mapRegisterColumns>['columns'] | null = null;
  let batch: (RegisterRow & { line: number })[] = [];
  let line = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    if (!columns) {
      const mapped = mapRegisterColumns(cells, configured);
      if (mapped.problems.length > 0)
        throw new Error(
          `The company register ${basename(path)} cannot be read: ${mapped.problems.join('; ')}.`,
        );
      columns = mapped.columns;
      continue;
    }
    const row = registerRow(cells, columns);
    if (!row.kvkNumber && !row.domain) continue;
    batch.push({ ...row, line: ++line });
    if (batch.length === BATCH) {
      await upsertRegisterRows(db, batch);
      batch = [];
    }
  }
  await upsertRegisterRows(db, batch);
  await finishRegisterLoad(db, { path, size, modifiedAt, loadedAt: new Date(), rowCount: line });
}

/** Makes sure the table holds the current version of the file; answers the file's time of change. */
export async function ensureRegisterLoaded(
  db: Kysely<DB>,
  path: string,
  configured: Record<string, string> = {},
): Promise<Date> {
  const facts = await stat(path).catch(() => {
    throw new Error(`The company register ${path} cannot be opened.`);
  });
  const loaded = await registerFileOf(db, path);
  if (loaded && Number(loaded.size) === facts.size && loaded.modifiedAt.getTime() === facts.mtime.getTime())
    return facts.mtime;
  const key = `${path}:${facts.size}:${facts.mtimeMs}`;
  let running = loading.get(key);
  if (!running) {
    running = load(db, path, configured, facts.size, facts.mtime)
      .then(() => facts.mtime)
      .finally(() => loading.delete(key));
    loading.set(key, running);
  }
  return running;
}

const NUMBER_FIELDS = new Set(['employeeCount', 'foundedYear']);

/** Registers give head counts as classes ("10-49"): the lower bound is what is known for sure. */
const firstNumber = (value: string) =>
  Number(/\d+/.exec(value.replace(/[.\s](?=\d{3}\b)/g, ''))?.[0] ?? Number.NaN);

export function registerProvider(path: string, configured: Record<string, string>): EnrichmentProvider {
  return {
    source: 'register',
    label: `Company register (${basename(path)})`,
    canLookUp: (keys) => Boolean(keys.kvkNumber || keys.domain),
    async lookUp(keys, ctx) {
      const loaded = ensureRegisterLoaded(ctx.db, path, configured);
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), WAIT_FOR_LOAD_MS);
      });
      const asOf = await Promise.race([loaded, waited]).finally(() => clearTimeout(timer));
      if (!asOf) {
        loaded.catch(() => undefined);
        throw Object.assign(
          new Error(
            `The company register ${basename(path)} is being loaded into the database; try again in a few minutes.`,
          ),
          { reason: 'loading' },
        );
      }
      const row = await findInRegister(ctx.db, keys.kvkNumber, keys.domain);
      if (!row)
        return {
          status: 'not_found',
          detail: 'The company register has no row for this KvK number or domain.',
        };
      const findings = Object.entries(row.fields).map(([field, value]) => ({
        field: field as FoundField,
        value: NUMBER_FIELDS.has(field) ? firstNumber(value) : value,
        source: 'register',
        fetchedAt: asOf,
      }));
      return { status: 'found', findings };
    },
  };
}
