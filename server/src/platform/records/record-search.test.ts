import type { Contact } from '@baken/core/contacts/contact.schema';
import { contactFieldSpecs } from '@baken/core/contacts/contact.schema';
import { type Cursor, parseSort, searchWords } from '@baken/core/records/list-query';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';
import { allPages, createContact, expectedOrder, list, unique } from '../../../test/factories.ts';
import {
  appOn,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
} from '../../../test/harness.ts';
import { cursorValue } from '../db/list-query.ts';
import { matchingRows, prefixQuery } from './record-search.ts';

const CONTACTS = '/api/v1/contacts';

describe('typo-tolerant search', () => {
  let test: TestApp;
  let owner: Client;
  let tag: string;
  let people: Record<string, Contact>;
  const search = async (q: string, query: Record<string, string | number> = {}) =>
    (await list<Contact>(owner, CONTACTS, { q, filter: `tags:contains:${tag}`, ...query })).data.map(
      (row) => `${row.firstName} ${row.lastName}`,
    );

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    tag = unique('typo');
    people = {};
    for (const [firstName, lastName, email] of [
      ['Jan', 'Vermeulen', 'jan@bouwbedrijf-vermeulen.nl'],
      ['Piet', 'Vermeulen', null],
      ['Fatma', 'Timmermans', 'fatma@timmermans.be'],
      ['Jan', 'Jansen', null],
      ['Anouk', 'de Graaf', 'anouk@zwaluwstaart.nl'],
    ] as const) {
      people[`${firstName} ${lastName}`] = await createContact(owner, {
        firstName,
        lastName,
        email,
        tags: [tag],
      });
    }
  });
  afterAll(() => test.close());

  it('finds the contact whose name was misspelt, and no other', async () => {
    expect(await search('timmremans')).toEqual(['Fatma Timmermans']);
    expect(await search('Vermuelen')).toEqual(['Jan Vermeulen', 'Piet Vermeulen']);
  });

  it('corrects the misspelt word and keeps the words typed right', async () => {
    expect(await search('jan vermuelen')).toEqual(['Jan Vermeulen']);
    expect(await search('piet vermuelen')).toEqual(['Piet Vermeulen']);
  });

  it('corrects a word of an email address', async () => {
    expect(await search('zwaluwstrat')).toEqual(['Anouk de Graaf']);
  });

  it('finds a contact by the words around markup in its name', async () => {
    const marked = unique('markup');
    await createContact(owner, {
      firstName: '<script>alert(1)</script>',
      lastName: 'Zwanenburg',
      tags: [marked],
    });
    await createContact(owner, {
      firstName: 'Smit &amp; Zonen',
      lastName: '<b>Hoogland</b>',
      tags: [marked],
    });
    const found = async (q: string) =>
      (await list<Contact>(owner, CONTACTS, { q, filter: `tags:contains:${marked}` })).data.map(
        (row) => row.lastName,
      );
    expect(await found('zwanenburg')).toEqual(['Zwanenburg']);
    expect(await found('alert')).toEqual(['Zwanenburg']);
    expect(await found('zonen hoogland')).toEqual(['<b>Hoogland</b>']);
  });

  it('finds nothing for words like no word of the workspace', async () => {
    expect(await search('qwxyzzy')).toEqual([]);
    expect(await search('jan qwxyzzy')).toEqual([]);
  });

  it('pages through what a typo finds in list order, each contact once', async () => {
    const family = unique('family');
    const made: Contact[] = [];
    for (const firstName of ['Eva', 'Bram', 'Noor', 'Sem', 'Lotte']) {
      made.push(await createContact(owner, { firstName, lastName: 'Kwakkelstein', tags: [family] }));
    }
    made.push(await createContact(owner, { firstName: 'Kwakkelstein', lastName: null, tags: [family] }));
    for (const sort of ['lastName', '-lastName', 'createdAt', '-createdAt']) {
      const { rows, pages } = await allPages<Contact>(owner, CONTACTS, {
        q: 'kwakelstein',
        filter: `tags:contains:${family}`,
        sort,
      });
      const field = sort.replace('-', '') as 'lastName' | 'createdAt';
      const direction = sort.startsWith('-') ? 'desc' : 'asc';
      expect(
        rows.map((row) => row.id),
        sort,
      ).toEqual(expectedOrder(made, (row) => row[field], direction));
      expect(pages, sort).toBe(3);
    }
  });

  it('learns the words of new and renamed contacts', async () => {
    const renamed = await createContact(owner, { firstName: 'Sanne', lastName: 'Oudejans', tags: [tag] });
    expect(await search('oudejnas')).toEqual(['Sanne Oudejans']);
    await owner.ok('PATCH', `${CONTACTS}/${renamed.id}`, { lastName: 'Pannenkoek' });
    expect(await search('pannekoek')).toEqual(['Sanne Pannenkoek']);
  });

  it('keeps only words a typo can be corrected to: four letters or more, no digits', async () => {
    const other = await otherWorkspaceOwner(test, 'Woordenboek BV');
    await createContact(other, {
      firstName: 'Bo',
      lastName: 'van Wijngaarden',
      email: 'bo.wijngaarden42@tuin-7.nl',
    });
    const { rows } = await sql<{ word: string }>`
      select word from search_words where workspace_id = ${other.workspaceId} and record_type = 'contact'
      order by word`.execute(test.ctx.db);
    expect(rows.map((row) => row.word)).toEqual(['tuin', 'wijngaarden']);
  });

  it('suggests no word of another workspace', async () => {
    const other = await otherWorkspaceOwner(test, 'Zuiderzee Handel');
    await createContact(other, { firstName: 'Geert', lastName: 'Zeldenrust' });
    expect((await list<Contact>(other, CONTACTS, { q: 'zeldenrsut' })).data).toHaveLength(1);
    expect((await list<Contact>(owner, CONTACTS, { q: 'zeldenrsut' })).data).toEqual([]);
    const { rows } = await sql<{ workspaceId: string }>`
      select distinct workspace_id from search_words where word = 'zeldenrust'`.execute(test.ctx.db);
    expect(rows.map((row) => row.workspaceId)).toEqual([other.workspaceId]);
    // Nor the other way round: Vermeulen is a word of the first workspace only.
    expect((await list<Contact>(other, CONTACTS, { q: 'vermuelen' })).data).toEqual([]);
  });

  it('keeps a typo search on its own pages: a cursor of it does not fall back to the words as typed', async () => {
    const first = await list<Contact>(owner, CONTACTS, {
      q: 'vermuelen',
      filter: `tags:contains:${tag}`,
      limit: 1,
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await list<Contact>(owner, CONTACTS, {
      q: 'vermuelen',
      filter: `tags:contains:${tag}`,
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect([...first.data, ...second.data].map((row) => row.firstName)).toEqual(['Jan', 'Piet']);
  });
});

describe('finding the matches of a search, by walking the sort order or through the full-text index', () => {
  let test: TestApp;
  let owner: Client;
  let workspaceId: string;
  let tag: string;
  const queries: { sql: string; parameters: readonly unknown[] }[] = [];

  beforeAll(async () => {
    test = await appOn(await openTestDatabase(undefined, { onQuery: (query) => queries.push(query) }));
    owner = await setUpOwner(test.app);
    workspaceId = (await owner.ok<{ id: string }>('GET', '/api/v1/workspace')).id;
    tag = unique('walk');
    const lastNames = ['Bakker', 'Visser', null, 'de Boer', 'Bakker', null, 'Smit', 'Bakker', 'Mulder'];
    for (const [index, lastName] of lastNames.entries()) {
      // Every third contact is called Jan; the rest are found by neither query.
      const firstName = index % 3 === 0 ? 'Jan' : 'Kees';
      await createContact(owner, { firstName, lastName, email: `c${index}@bakkerij.nl`, tags: [tag] });
    }
  });
  afterAll(() => test.close());

  const base = () =>
    test.ctx.db
      .selectFrom('contacts')
      .selectAll('contacts')
      .where('contacts.workspaceId', '=', workspaceId)
      .where(sql<boolean>`${tag} = any(contacts.tags)`);

  /** Every page of `count` rows, each found with a walk of `walk` rows first (0: the index at once). */
  async function pagesOf(q: string, sortText: string, walk: number, count: number) {
    const sort = parseSort(sortText, contactFieldSpecs, 'lastName');
    const ids: string[] = [];
    let cursor: Cursor | null = null;
    for (let page = 0; page < 20; page++) {
      const rows: { id: string; [column: string]: unknown }[] = await matchingRows(
        test.ctx.db,
        base(),
        prefixQuery(searchWords(q)),
        sort,
        cursor,
        count,
        'contacts',
        async () => walk,
      );
      ids.push(...rows.map((row) => row.id));
      if (rows.length < count) return ids;
      const last = rows.at(-1)!;
      cursor = { sort: sortText, value: cursorValue(last[sort.field]), id: last.id };
    }
    throw new Error('the cursor does not advance');
  }

  it('returns the same rows in the same order whichever way, on every page, nulls included', async () => {
    for (const q of ['jan', 'bakk', 'jan bakk', 'bakkerij', 'jan d', 'kees v']) {
      for (const sort of ['lastName', '-lastName', 'createdAt', '-createdAt']) {
        const plain = await pagesOf(q, sort, 0, 100);
        expect(plain.length, q).toBeGreaterThan(0);
        for (const walk of [1, 2, 3, 5, 1000]) {
          for (const count of [1, 2, 4]) {
            expect(await pagesOf(q, sort, walk, count), `${q} ${sort} walk ${walk} page ${count}`).toEqual(
              plain,
            );
          }
        }
      }
    }
  });

  it('checks a word of one or two letters on the rows the longer words find', async () => {
    const lastNamesOf = async (q: string) => {
      const ids = await pagesOf(q, 'lastName', 0, 100);
      const rows = await base()
        .where('contacts.id', 'in', ids.length > 0 ? ids : [crypto.randomUUID()])
        .execute();
      return ids.map((id) => rows.find((row) => row.id === id)?.lastName);
    };
    expect(prefixQuery(['jan', 'd'])).toEqual({ all: 'jan:* & d:*', indexed: 'jan:*' });
    expect(prefixQuery(['de', 'b'])).toEqual({ all: 'de:* & b:*', indexed: 'de:* & b:*' });
    expect(await lastNamesOf('jan d')).toEqual(['de Boer']);
    expect(await lastNamesOf('kees m')).toEqual(['Mulder']);
    expect(await lastNamesOf('jan x')).toEqual([]);
  });

  interface PlanNode {
    'Node Type': string;
    'Index Name'?: string;
    Plans?: PlanNode[];
  }
  const nodesOf = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];

  it('walks the sort index for the first rows and reads the rest through the full-text index', async () => {
    const sort = parseSort('lastName', contactFieldSpecs, 'lastName');
    queries.length = 0;
    await matchingRows(test.ctx.db, base(), prefixQuery(['jan']), sort, null, 51, 'contacts', async () => 2);
    const selects = [...queries];
    const plans = await test.ctx.db.connection().execute(async (connection) => {
      // A handful of rows make a full scan look cheapest; without it the planner shows the index it would use.
      await sql`set enable_seqscan = off`.execute(connection);
      try {
        const found: PlanNode[][] = [];
        for (const query of selects) {
          const result = await connection.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
          );
          found.push(nodesOf(result.rows[0]!['QUERY PLAN'][0].Plan));
        }
        return found;
      } finally {
        await sql`reset enable_seqscan`.execute(connection);
      }
    });
    // For the last names, then for the contacts without one: the walk, the row it stopped at, and the
    // rest, which is sorted after it is found: which index finds it depends on the statistics (at a
    // million contacts, the full-text index: bench/README.md).
    expect(plans).toHaveLength(6);
    const types = (nodes: PlanNode[]) => nodes.map((node) => node['Node Type']);
    for (const first of [0, 3]) {
      const [walk, , rest] = plans.slice(first, first + 3);
      expect(walk!.map((node) => node['Index Name'])).toContain('contacts_last_name_idx');
      expect(types(walk!)).toEqual(['Limit', 'Subquery Scan', 'Limit', 'Index Scan']);
      expect(types(rest!)).toContain('Sort');
    }
  });
});
