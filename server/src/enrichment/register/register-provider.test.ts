import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { ensureRegisterLoaded, registerProvider } from './register-provider.ts';

const kvk = (line: number) => String(10_000_000 + line);
const csv = (rows: number, header = 'KvK;Naam;Werkzame personen;Website') =>
  [
    header,
    ...Array.from(
      { length: rows },
      (_, i) => `${kvk(i)};Bedrijf ${i};${i % 50}-${(i % 50) + 9};bedrijf${i}.nl`,
    ),
  ].join('\n');

describe('company register', () => {
  let database: Database;
  let folder: string;
  let file: string;
  const ctx = () => ({ db: database.db, now: () => new Date() }) as AppContext;
  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('companyRegister')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'baken-register-'));
    file = join(folder, 'register.csv');
  });
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('streams the file into the table in batches and looks a company up by KvK number or domain', async () => {
    writeFileSync(file, csv(2_500));
    const provider = registerProvider(file, {});
    const byKvk = await provider.lookUp({ kvkNumber: kvk(2_400), domain: null, website: null }, ctx());
    expect(await count()).toBe(2_500);
    expect(byKvk).toMatchObject({ status: 'found' });
    const values =
      byKvk.status === 'found' ? Object.fromEntries(byKvk.findings.map((f) => [f.field, f.value])) : {};
    expect(values).toMatchObject({ name: 'Bedrijf 2400', employeeCount: 0, kvkNumber: kvk(2_400) });
    const byDomain = await provider.lookUp(
      { kvkNumber: null, domain: 'bedrijf1234.nl', website: null },
      ctx(),
    );
    expect(byDomain.status === 'found' && byDomain.findings.find((f) => f.field === 'name')?.value).toBe(
      'Bedrijf 1234',
    );
    expect(await provider.lookUp({ kvkNumber: '99999999', domain: null, website: null }, ctx())).toEqual({
      status: 'not_found',
      detail: 'The company register has no row for this KvK number or domain.',
    });
  });

  it('reads the file once, and again only after it changed, dropping rows the new version lacks', async () => {
    const first = await ensureRegisterLoaded(database.db, file);
    await database.db
      .updateTable('companyRegister')
      .set({ domain: 'touched.nl' })
      .where('line', '=', 1)
      .execute();
    expect(await ensureRegisterLoaded(database.db, file)).toEqual(first);
    const untouched = await database.db
      .selectFrom('companyRegister')
      .select('domain')
      .where('line', '=', 1)
      .executeTakeFirst();
    expect(untouched?.domain).toBe('touched.nl');
    writeFileSync(file, csv(10));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    await ensureRegisterLoaded(database.db, file);
    expect(await count()).toBe(10);
    const provider = registerProvider(file, {});
    expect(
      (await provider.lookUp({ kvkNumber: kvk(2_400), domain: null, website: null }, ctx())).status,
    ).toBe('not_found');
    expect(
      (await provider.lookUp({ kvkNumber: null, domain: 'bedrijf0.nl', website: null }, ctx())).status,
    ).toBe('found');
  });

  it('refuses a file without a column to look companies up by, saying which', async () => {
    const bad = join(folder, 'bad.csv');
    writeFileSync(bad, 'Naam;Plaats\nJansen;Delft\n');
    await expect(ensureRegisterLoaded(database.db, bad)).rejects.toThrow(
      'The company register bad.csv cannot be read: the register needs a KvK number, domain or website column to look companies up by.',
    );
  });
});
