import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp, tokenClient } from '../../../test/harness.ts';
import { STABLE_PLAN } from './prepared-statements.ts';

describe('prepared statements', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it('keeps reading and writing records while another server adds and drops a column of their table', async () => {
    const contact = await createContact(owner, { lastName: 'Voor' });
    const token = await tokenClient(test.app, owner);
    // A write first, sent straight (the harness would read the record before it): its transaction is
    // what a stale statement breaks, and what is then run again.
    const readAndWrite = async (jobTitle: string) => {
      const changed = await test.app.inject({
        method: 'PATCH',
        url: `/api/v1/contacts/${contact.id}`,
        headers: token.headers(),
        payload: { jobTitle },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().jobTitle).toBe(jobTitle);
      expect((await owner.get(`/api/v1/contacts/${contact.id}`)).statusCode).toBe(200);
      expect((await createContact(owner, { lastName: jobTitle })).lastName).toBe(jobTitle);
    };
    await readAndWrite('Eerst');
    // What a migration run by a newer app server does while this one holds prepared `select *`s.
    await sql`alter table contacts add column later_column text`.execute(test.ctx.db);
    await readAndWrite('Erbij');
    await readAndWrite('Weer');
    await sql`alter table contacts drop column later_column`.execute(test.ctx.db);
    await readAndWrite('Eraf');
  });

  it('plans pages and searches afresh: their statements are never prepared ones', async () => {
    await createContact(owner, { lastName: 'Lijst' });
    expect((await owner.get('/api/v1/contacts?limit=5')).statusCode).toBe(200);
    expect((await owner.get('/api/v1/contacts?q=Lijst')).statusCode).toBe(200);
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
      test.ctx.db,
    );
    // PostgreSQL keeps them per connection, and this read may have been served by another one.
    if (test.ctx.engine === 'pglite') expect(rows.length).toBeGreaterThan(0);
    const planned = rows.filter((row) => !row.statement.includes(STABLE_PLAN));
    expect(planned.filter((row) => /\blimit\b|^\s*explain\b/i.test(row.statement))).toEqual([]);
  });
});
