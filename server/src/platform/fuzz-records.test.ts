import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createContact,
  createDeal,
  defaultPipeline,
  queryString,
} from '../../test/factories.ts';
import { expectTablesIntact, hostileStrings, tableCounts } from '../../test/fuzz.ts';
import {
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  type Response,
  setUpOwner,
  type TestApp,
} from '../../test/harness.ts';

// Records written with injection payloads come back byte for byte, and a write that fails at any
// step (schema, custom fields, references, the database) leaves no row behind.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text a person could mean: no NUL, no half of a surrogate pair (which UTF-8 cannot store). */
const storable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

const payload = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings.filter((text) => text.length <= 200)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);

let markers = 0;
/** A word only this run's record has, to find it with `q`. */
const marker = () => `mrk${Date.now().toString(36)}n${markers++}x`;

describe('hostile text in records', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    for (const recordType of ['account', 'contact']) {
      await owner.ok('POST', '/api/v1/custom-fields', {
        recordType,
        key: 'notitie',
        label: 'Notitie',
        type: 'text',
      });
    }
  });
  afterAll(() => test.close());

  /** Creates a record; a refusal must be a 422 for input that cannot be stored, and write nothing. */
  async function createOrRefuse(
    path: string,
    body: Record<string, string | Record<string, string>>,
    texts: string[],
  ) {
    const before = await tableCounts(test);
    const response = await owner.post(path, body);
    const where = `POST ${path} ${JSON.stringify(body)} -> ${response.statusCode} ${response.body}`;
    if (response.statusCode === 201) return response;
    expect(response.statusCode, where).toBe(422);
    expect(texts.every(storable), `refused text that can be stored: ${where}`).toBe(false);
    expect(await tableCounts(test), where).toEqual(before);
    return null;
  }

  async function expectFoundVerbatim(
    path: string,
    created: Response,
    word: string,
    fields: Record<string, unknown>,
  ) {
    const record = created.json() as { id: string; custom: Record<string, unknown> };
    const stored = await owner.ok<Record<string, unknown>>('GET', `${path}/${record.id}`);
    expect(stored).toMatchObject(fields);
    const { data } = await owner.ok<{ data: { id: string }[] }>('GET', `${path}${queryString({ q: word })}`);
    expect(data.map((row) => row.id)).toEqual([record.id]);
    expect(data[0]).toEqual(stored);
  }

  it('stores account names, addresses and descriptions verbatim, finds them by search, and drops no table', async () => {
    await fc.assert(
      fc.asyncProperty(payload, payload, async (text, other) => {
        const word = marker();
        const name = `${word} ${text}`.slice(0, 300);
        const body = { name, city: other.slice(0, 200), description: text, custom: { notitie: other } };
        const created = await createOrRefuse('/api/v1/accounts', body, [name, text, other]);
        if (!created) return;
        const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
        await expectFoundVerbatim('/api/v1/accounts', created, word, {
          name: name.trim(),
          city: orNull(other.slice(0, 200)),
          description: orNull(text),
          custom: other === '' ? {} : { notitie: other },
        });
        const contains = text.trim().slice(0, 500);
        if (contains !== '') {
          const filtered = await owner.ok<{ data: { id: string }[] }>(
            'GET',
            `/api/v1/accounts${queryString({ q: word, filter: `name:contains:${contains}` })}`,
          );
          expect(filtered.data.map((row) => row.id)).toEqual([created.json().id]);
        }
      }),
      { numRuns: 120 },
    );
    await expectTablesIntact(test);
  });

  it('stores contact names and job titles verbatim, finds them by search, and drops no table', async () => {
    await fc.assert(
      fc.asyncProperty(payload, payload, async (text, other) => {
        const word = marker();
        const lastName = `${word} ${text}`.slice(0, 200);
        const body = {
          firstName: other.slice(0, 200),
          lastName,
          jobTitle: text.slice(0, 200),
          leadSource: other.slice(0, 200),
        };
        const created = await createOrRefuse('/api/v1/contacts', body, [lastName, text, other]);
        if (!created) return;
        const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
        await expectFoundVerbatim('/api/v1/contacts', created, word, {
          firstName: orNull(other.slice(0, 200)),
          lastName: lastName.trim(),
          jobTitle: orNull(text.slice(0, 200)),
          leadSource: orNull(other.slice(0, 200)),
        });
      }),
      { numRuns: 120 },
    );
    await expectTablesIntact(test);
  });

  it('answers a search for any hostile text without error, and drops no table', async () => {
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom('accounts', 'contacts', 'deals'), async (text, list) => {
        const response = await owner.get(
          `/api/v1/${list}${queryString({ q: text.replace(/[\ud800-\udfff]/g, '') })}`,
        );
        expect([200, 422], response.body).toContain(response.statusCode);
      }),
      { numRuns: 100 },
    );
    await expectTablesIntact(test);
  });
});

describe('writes that fail late', () => {
  let test: TestApp;
  let owner: Client;
  const own: Record<string, string> = {};
  const other: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    const ownerB = await otherWorkspaceOwner(test, 'Workspace B');
    for (const [client, ids] of [
      [owner, own],
      [ownerB, other],
    ] as const) {
      const account = await createAccount(client);
      const contact = await createContact(client, { accountId: account.id });
      const deal = await createDeal(client, { accountId: account.id });
      const pipeline = await defaultPipeline(client);
      const me = await client.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me');
      Object.assign(ids, {
        accountId: account.id,
        contactId: contact.id,
        dealId: deal.id,
        pipelineId: pipeline.id,
        stageId: pipeline.stages.at(-1)!.id,
        ownerId: me.user.id,
      });
    }
    await owner.ok('POST', '/api/v1/custom-fields', {
      recordType: 'deal',
      key: 'bron',
      label: 'Bron',
      type: 'select',
      options: ['web', 'beurs'],
    });
    await owner.ok('POST', '/api/v1/custom-fields', {
      recordType: 'activity',
      key: 'verplicht',
      label: 'Verplicht',
      type: 'number',
      required: true,
    });
  });
  afterAll(() => test.close());

  let tagSequence = 0;
  const reference = (field: string) =>
    fc
      .constantFrom('own', 'other', 'missing', 'absent')
      .map((kind) =>
        kind === 'own'
          ? own[field]
          : kind === 'other'
            ? other[field]
            : kind === 'missing'
              ? '01900000-0000-7000-8000-00000000dead'
              : undefined,
      );

  /** A body that passes the schema but may fail on a reference, a custom value or a required field. */
  const write = fc.record({
    path: fc.constantFrom('/api/v1/accounts', '/api/v1/contacts', '/api/v1/deals', '/api/v1/activities'),
    newTags: fc.nat({ max: 3 }),
    accountId: reference('accountId'),
    contactId: reference('contactId'),
    dealId: reference('dealId'),
    pipelineId: reference('pipelineId'),
    stageId: reference('stageId'),
    ownerId: reference('ownerId'),
    custom: fc.dictionary(
      fc.constantFrom('bron', 'verplicht', 'onbekend'),
      fc.constantFrom<unknown>('web', 'fax', 3, null, true),
      {
        maxKeys: 2,
      },
    ),
  });

  type Written = typeof write extends fc.Arbitrary<infer T> ? T : never;

  function bodyOf(generated: Written): Record<string, unknown> {
    const { path, newTags, custom, accountId, contactId, dealId, pipelineId, stageId, ownerId } = generated;
    const tags = Array.from({ length: newTags }, () => `fuzz-tag-${tagSequence++}`);
    const set = (fields: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    switch (path) {
      case '/api/v1/accounts':
        return set({ name: 'Laat BV', tags, custom, ownerId });
      case '/api/v1/contacts':
        return set({ lastName: 'Laat', tags, custom, ownerId, accountId });
      case '/api/v1/deals':
        return set({ name: 'Late deal', tags, custom, ownerId, accountId, pipelineId, stageId });
      default:
        return set({ type: 'note', custom, ownerId, accountId, contactId, dealId });
    }
  }

  it('writes everything or nothing: the record, its new tags, custom values and audit row', async () => {
    await fc.assert(
      fc.asyncProperty(write, async (generated) => {
        const body = bodyOf(generated);
        const before = await tableCounts(test);
        const response = await owner.post(generated.path, body);
        const where = `POST ${generated.path} ${JSON.stringify(body)} -> ${response.statusCode} ${response.body}`;
        expect(response.statusCode, where).toBeLessThan(500);
        const after = await tableCounts(test);
        if (response.statusCode >= 400) {
          expect(response.headers['content-type'], where).toContain('application/problem+json');
          expect(after, `a failed write left rows: ${where}`).toEqual(before);
          return;
        }
        const table = generated.path.replace('/api/v1/', '');
        const newTags = Array.isArray(body.tags) ? body.tags.length : 0;
        expect(after, where).toEqual({
          ...before,
          [table]: before[table]! + 1,
          tags: before.tags! + newTags,
          audit_log: after.audit_log,
          deal_stage_changes: after.deal_stage_changes,
        });
        expect(after.audit_log, where).toBeGreaterThan(before.audit_log!);
      }),
      { numRuns: 150 },
    );
  });
});
