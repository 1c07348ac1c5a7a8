import { encodeCursor, filterOperators } from '@baken/core/records/list-query';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createActivity, createContact, createDeal, unique } from '../../test/factories.ts';
import {
  describeRequest,
  expectProblemBody,
  hostileBodyOfSchema,
  hostileString,
  hostileStrings,
  type JsonSchema,
  tableCounts,
  toJsonText,
  valueOfSchema,
} from '../../test/fuzz.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  type Response,
  setUpOwner,
  type TestApp,
  tokenClient,
  unaudited,
  uniqueEmail,
} from '../../test/harness.ts';
import { uploadImportFile } from '../../test/imports.ts';

// Random and hostile requests at every route of the OpenAPI document, as workspace A. Whatever comes in:
// no 5xx, a problem+json body for every 4xx, no rows written by a request that failed, an audit row
// for every write that succeeded, and nothing of workspace B in any answer.

const resources = [
  'accounts',
  'contacts',
  'deals',
  'activities',
  'pipelines',
  'tags',
  'custom-fields',
  'invitations',
  'api-tokens',
  'users',
  'saved-views',
  'duplicates',
  'merges',
  'imports',
  'lead-handovers',
  'quotas',
] as const;
type Resource = (typeof resources)[number];
type Fixtures = Record<Resource, string>;

/** Every record of workspace B has this in its name, so that a leak shows in any answer. */
const SECRET = 'zqxgeheim';

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: JsonSchema;
  query: string[];
}

interface Sent {
  method: Route['method'];
  url: string;
  headers: Record<string, string | string[]>;
  payload?: string;
}

let keySequence = 0;

describe('bad input at every route', () => {
  let test: TestApp;
  let owner: Client;
  let token: Client;
  let ownerB: Client & { workspaceId: string };
  let csrf: string;
  let own: Fixtures;
  let other: Fixtures;
  let routes: Route[];
  let customKeys: string[];

  async function makeFixture(resource: Resource, client: Client, label: string): Promise<string> {
    // Fuzzed PATCHes may have made a custom field required; a fixture is a plain record without them.
    await test.ctx.db.updateTable('customFieldDefinitions').set({ required: false }).execute();
    const name = `${label} ${unique()}`;
    const created = async (path: string, body: unknown) =>
      (await client.ok<{ id: string }>('POST', `/api/v1/${path}`, body)).id;
    switch (resource) {
      case 'accounts':
        return (await createAccount(client, { name, city: label })).id;
      case 'contacts':
        return (await createContact(client, { firstName: label, email: uniqueEmail(label) })).id;
      case 'deals':
        return (await createDeal(client, { name })).id;
      case 'activities':
        return (await createActivity(client, { subject: name })).id;
      case 'pipelines':
        return created('pipelines', { name, stages: [{ name: `${label} open`, probability: 10 }] });
      case 'tags':
        return created('tags', { name: name.slice(0, 50) });
      case 'custom-fields':
        return created('custom-fields', {
          recordType: 'account',
          key: `${label}_${keySequence++}`,
          label: name,
          type: 'text',
        });
      case 'invitations':
        return created('invitations', { email: uniqueEmail(label), role: 'sales' });
      case 'api-tokens':
        return (await tokenClient(test.app, client)).tokenId;
      case 'users':
        return (await addMember(test.app, client, 'sales', uniqueEmail(label))).userId;
      case 'saved-views':
        return created('saved-views', {
          list: 'contacts',
          name: name.slice(0, 80),
          view: { sort: 'lastName', filters: [], search: label, columns: ['name'] },
        });
      case 'duplicates':
        return duplicatePair(client, label);
      case 'merges': {
        const [keep, drop] = [await createContact(client, { firstName: label }), await createContact(client)];
        const merged = await client.ok<{ merge: { id: string } }>(
          'POST',
          '/api/v1/contacts/merge',
          { survivorId: keep.id, mergedId: drop.id },
          200,
        );
        return merged.merge.id;
      }
      case 'lead-handovers': {
        const lead = await createContact(client, { firstName: label, lifecycleStage: 'lead' });
        await client.ok('PATCH', `/api/v1/contacts/${lead.id}`, { lifecycleStage: 'mql' });
        const { data } = await client.ok<{ data: { id: string; contactId: string }[] }>(
          'GET',
          '/api/v1/lead-handovers?owner=all&limit=200',
        );
        return data.find((handover) => handover.contactId === lead.id)!.id;
      }
      case 'quotas': {
        // Each fixture its own month, so that a second one adds a quota rather than replacing one.
        const month = String(1 + (keySequence++ % 12)).padStart(2, '0');
        const { data } = await client.ok<{ data: { id: string }[] }>('PUT', '/api/v1/quotas', {
          quotas: [{ userId: null, unit: 'month', periodStart: `2031-${month}-01`, amount: 1_000 }],
        });
        return data[0]!.id;
      }
      case 'imports': {
        const uploader = await tokenClient(test.app, client);
        const csv = `Voornaam,E-mailadres\n${name},${label.toLowerCase()}@example.nl\n`;
        const response = await uploadImportFile(
          test.app,
          uploader.headers(),
          'contact',
          `${label}.csv`,
          Buffer.from(csv),
        );
        return response.json().id as string;
      }
    }
  }

  /** An open pair of two new contacts, written as a scan would (a scan runs as a job, outside requests). */
  async function duplicatePair(client: Client, label: string): Promise<string> {
    const [x, y] = [
      await createContact(client, { firstName: label, lastName: 'Tweeling' }),
      await createContact(client, { firstName: label, lastName: 'Tweeling' }),
    ];
    const me = await client.ok<{ workspace: { id: string } }>('GET', '/api/v1/auth/me');
    const id = uuidv7();
    await test.ctx.db
      .insertInto('duplicatePairs')
      .values({
        workspaceId: me.workspace.id,
        id,
        recordType: 'contact',
        recordA: [x.id, y.id].sort()[0]!,
        recordB: [x.id, y.id].sort()[1]!,
        score: 85,
        reasons: JSON.stringify([{ code: 'same_name_same_account' }]),
        exact: false,
        foundAt: new Date(),
        updatedAt: new Date(),
        mergeId: null,
        scanId: null,
        resolvedBy: null,
      })
      .execute();
    return id;
  }

  async function fixturesOf(client: Client, label: string): Promise<Fixtures> {
    const fixtures: Partial<Fixtures> = {};
    for (const resource of resources) fixtures[resource] = await makeFixture(resource, client, label);
    return fixtures as Fixtures;
  }

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app, 'Workspace A');
    token = await tokenClient(test.app, owner);
    csrf = (await owner.ok<{ csrfToken: string }>('GET', '/api/v1/auth/me')).csrfToken;
    ownerB = await otherWorkspaceOwner(test, `Workspace ${SECRET}`);
    own = await fixturesOf(owner, 'fuzz');
    other = await fixturesOf(ownerB, SECRET);
    for (const [key, type, options] of [
      ['regio', 'text', undefined],
      ['omvang', 'number', undefined],
      ['start', 'date', undefined],
      ['segment', 'select', ['mkb', 'groot']],
      ['labels', 'multi_select', ['a', 'b']],
      ['actief', 'boolean', undefined],
      ['site', 'url', undefined],
    ] as const) {
      for (const recordType of ['account', 'contact', 'deal', 'activity']) {
        const field = { recordType, key, label: key, type, ...(options ? { options } : {}) };
        await owner.ok('POST', '/api/v1/custom-fields', field);
        await ownerB.ok('POST', '/api/v1/custom-fields', { ...field, label: `${SECRET} ${key}` });
      }
    }
    customKeys = ['regio', 'omvang', 'start', 'segment', 'labels', 'actief', 'site'];

    const spec = test.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: JsonSchema }> };
            parameters?: { in: string; name: string }[];
          }
        >
      >;
    };
    routes = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase() as Route['method'],
        path,
        body: operation.requestBody?.content['application/json']?.schema,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  });
  afterAll(() => test.close());

  // Logging out would end the session the rest of the run signs in with.
  const fuzzable = () => routes.filter((route) => route.path !== '/api/v1/auth/logout');

  const resourceOf = (path: string): Resource => path.replace('/api/v1/', '').split('/')[0] as Resource;

  /** Placeholders `@@own:accounts@@` and `@@other:tags@@` in generated input, resolved when sent. */
  const resolve = (text: string) =>
    text.replace(/@@(own|other):([a-z-]+)@@/g, (_, side: string, resource: Resource) =>
      side === 'own' ? own[resource] : other[resource],
    );
  const idRef = fc
    .tuple(fc.constantFrom('own', 'other'), fc.constantFrom(...resources))
    .map(([side, resource]) => `@@${side}:${resource}@@`);
  const junkId = fc.oneof(
    fc.uuid(),
    fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '0190000-0000-7000-8000-000000000000',
      '0',
      '-1',
      'null',
      'undefined',
      '..',
      '%00',
      '%2e%2e%2f',
      '%2F',
      '%',
      '%zz',
      'x'.repeat(5_000),
    ),
    hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))),
  );
  const anyId = fc.oneof(idRef, fc.uuid());

  /** A path parameter: the right record of A or B, a record of A of another kind, or junk. */
  const pathParam = (resource: Resource) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(`@@own:${resource}@@`) },
      { weight: 2, arbitrary: fc.constant(`@@other:${resource}@@`) },
      { weight: 1, arbitrary: fc.constantFrom(...resources).map((kind) => `@@own:${kind}@@`) },
      { weight: 2, arbitrary: junkId },
    );

  function urlOf(route: Route, id: string, contactId: string): string {
    return route.path.replace('{id}', id).replace('{contactId}', contactId);
  }

  const schemaHints = () => ({ ids: anyId, keys: fc.constantFrom(...customKeys, 'x') });
  const bodyText = (route: Route) =>
    fc.oneof(
      ...(route.body
        ? [
            {
              weight: 4,
              arbitrary: hostileBodyOfSchema(route.body, schemaHints()).map(toJsonText),
            },
            {
              weight: 2,
              arbitrary: valueOfSchema(route.body, schemaHints()).map((body) => JSON.stringify(body)),
            },
          ]
        : []),
      { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }).map((value) => JSON.stringify(value) ?? 'null') },
      { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '[]', '"text"', '{"a":1}{"b":2}', '\u0000') },
    );

  /** Whose credentials: the owner's session (with CSRF token) or a read-write API token. */
  const caller = fc.constantFrom('session', 'token');
  const credentials = (who: string): Record<string, string> =>
    who === 'session' ? { ...owner.headers(), 'x-csrf-token': csrf } : token.headers();

  const clip = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text);
  const isWrite = (method: string) => method !== 'GET';

  /** Sends one request and checks everything that must hold whatever the input was. */
  async function exchange(sent: Sent): Promise<Response> {
    const request = { ...sent, url: resolve(sent.url), payload: sent.payload && resolve(sent.payload) };
    const before = await tableCounts(test);
    const response = (await test.app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    } as InjectOptions)) as Response;
    const where = `${describeRequest(request)}\n  -> ${response.statusCode} ${clip(response.body)}`;
    expect(response.statusCode, where).toBeLessThan(500);
    const after = await tableCounts(test);
    if (response.statusCode >= 400) {
      expectProblemBody(response, where);
      expect(after, `a failed request wrote rows: ${where}`).toEqual(before);
    } else if (isWrite(request.method) && !unaudited.test(request.url)) {
      const changed = JSON.stringify(after) !== JSON.stringify(before);
      if (request.method === 'POST' || request.method === 'DELETE' || changed)
        expect(after.audit_log, `a write without an audit row: ${where}`).toBeGreaterThan(before.audit_log!);
    }
    expectNothingOfB(request, response, where);
    if (request.method === 'DELETE' && response.statusCode < 300) await replaceDeleted(request.url);
    return response;
  }

  function expectNothingOfB(request: { url: string; payload?: string }, response: Response, where: string) {
    const [path] = request.url.split('?');
    expect(response.body.toLowerCase(), `an answer shows workspace B: ${where}`).not.toContain(SECRET);
    const idsOfB = [...Object.values(other), ownerB.workspaceId];
    // A problem's `instance` repeats the path, and a filter error the value it refused.
    for (const id of idsOfB.filter((id) => !request.url.includes(id)))
      expect(response.body, `an answer shows an id of workspace B: ${where}`).not.toContain(id);
    const askedForB = idsOfB.some((id) => path!.includes(id) || request.payload?.includes(id));
    if (askedForB)
      expect(response.statusCode, `B's record was used from A: ${where}`).toBeGreaterThanOrEqual(400);
  }

  /** Keeps a record of every kind in A for the next runs. */
  async function replaceDeleted(url: string) {
    for (const resource of resources) {
      if (url.includes(own[resource]) && url.endsWith(own[resource]))
        own[resource] = await makeFixture(resource, owner, 'fuzz');
    }
  }

  it('covers every route of the OpenAPI document', () => {
    expect(fuzzable().length).toBeGreaterThanOrEqual(60);
    for (const route of fuzzable()) {
      if (route.path.includes('{id}')) expect(resources, route.path).toContain(resourceOf(route.path));
    }
  });

  it('survives arbitrary and schema-derived hostile bodies, with real, foreign and junk ids', async () => {
    const request = fc.constantFrom(...fuzzable()).chain((route) =>
      fc.record({
        route: fc.constant(route),
        who: caller,
        id: pathParam(resourceOf(route.path)),
        contactId: pathParam('contacts'),
        payload: route.method === 'GET' ? fc.constant(undefined) : bodyText(route),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ route, who, id, contactId, payload }) => {
        await exchange({
          method: route.method,
          url: urlOf(route, id, contactId),
          headers: {
            ...credentials(who),
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          payload,
        });
      }),
      { numRuns: 600 },
    );
  });

  const fieldNames = [
    'id',
    'name',
    'firstName',
    'lastName',
    'email',
    'domain',
    'city',
    'amount',
    'employeeCount',
    'annualRevenue',
    'expectedCloseDate',
    'createdAt',
    'updatedAt',
    'dueAt',
    'ownerId',
    'accountId',
    'contactId',
    'dealId',
    'stageId',
    'pipelineId',
    'lifecycleStage',
    'customerStatus',
    'tags',
    'technologies',
    'entityId',
    'entityType',
    'action',
    'at',
    'type',
    'custom.regio',
    'custom.omvang',
    'custom.start',
    'custom.segment',
    'custom.labels',
    'custom.actief',
    'custom.site',
    'custom.',
    'custom.__proto__',
    'custom.constructor',
    'constructor',
    'toString',
    '__proto__',
    '',
  ];
  const queryValue = fc.oneof(
    fc.constantFrom(...hostileStrings),
    fc.constantFrom('1', '0', '-1', '1.5', '1e308', '1e400', '-0', 'NaN', 'true', 'mql', 'a,b,,c', ','),
    fc.constantFrom('2026-01-01', '2026-02-30', '2026-01-01T00:00:00Z', '+275760-09-13', '99999-01-01', '1'),
    anyId,
    fc.array(anyId, { minLength: 2, maxLength: 4 }).map((ids) => ids.join(',')),
  );
  const filterValue = fc
    .tuple(
      fc.constantFrom(...fieldNames),
      fc.oneof(fc.constantFrom(...filterOperators), fc.constantFrom('like', 'EQ', '', 'eq ')),
      fc.option(queryValue, { nil: undefined }),
    )
    .map(([field, op, value]) => [field, op, ...(value === undefined ? [] : [value])].join(':'));
  const sortValue = fc
    .tuple(fc.constantFrom('', '-', '+', '--', ' '), fc.constantFrom(...fieldNames))
    .map(([sign, field]) => sign + field);
  const cursorValue = fc.oneof(
    fc
      .record({
        sort: fc.oneof(sortValue, fc.constant('name')),
        value: fc.oneof(
          fc.constantFrom(1e308, -1e308, 1.5, -0, 2 ** 63, null, 0),
          queryValue,
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        ),
        id: fc.oneof(anyId, junkId),
      })
      .map((cursor) => encodeCursor(cursor)),
    fc.json({ maxDepth: 2 }).map((json) => Buffer.from(json).toString('base64url')),
    fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
    queryValue,
  );
  const limitValue = fc.constantFrom(
    '0',
    '1',
    '200',
    '201',
    '-1',
    '1.5',
    '1e2',
    'NaN',
    '0x10',
    ' 5',
    '',
    '9'.repeat(400),
  );

  /** One `key=value` of a query string: known keys with hostile values, odd keys, brackets, raw escapes. */
  const queryPart = fc
    .oneof(
      fc.tuple(fc.constant('filter'), filterValue),
      fc.tuple(fc.constant('sort'), sortValue),
      fc.tuple(fc.constant('cursor'), cursorValue),
      fc.tuple(fc.constant('limit'), limitValue),
      fc.tuple(fc.constant('q'), queryValue),
      fc.tuple(
        fc.constantFrom('recordType', 'token'),
        fc.oneof(queryValue, fc.constantFrom('account', 'deal')),
      ),
      fc.tuple(
        fc.constantFrom(
          'filter[]',
          'filter[0]',
          'filter[a][b]',
          'sort[]',
          'limit[]',
          'q[]',
          '__proto__',
          'constructor',
          '__proto__[x]',
          'colour',
          '',
        ),
        queryValue,
      ),
    )
    .chain(([key, value]) =>
      fc.oneof(
        fc.constant(
          `${encodeURIComponent(key)}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'))}`,
        ),
        fc
          .constantFrom('%', '%zz', '%00', '%C0%80', '%ED%A0%80', '%FF', '[', ']', '+', '&&', '==', '=', '&')
          .map((raw) => `${encodeURIComponent(key)}=${raw}`),
      ),
    );

  it('survives hostile query strings on every route that reads', async () => {
    const readRoutes = () => fuzzable().filter((route) => route.method === 'GET');
    const request = fc.record({
      route: fc.constantFrom(...readRoutes()),
      who: caller,
      parts: fc.array(queryPart, { minLength: 1, maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ route, who, parts }) => {
        const path = urlOf(route, `@@own:${resourceOf(route.path)}@@`, '@@own:contacts@@');
        await exchange({ method: 'GET', url: `${path}?${parts.join('&')}`, headers: credentials(who) });
      }),
      { numRuns: 400 },
    );
  });

  it('survives forged and malformed cursors with every sort of every list', async () => {
    const lists = () =>
      fuzzable().filter((route) => route.method === 'GET' && route.query.includes('cursor'));
    const request = fc.record({
      route: fc.constantFrom(...lists()),
      sort: fc.option(sortValue, { nil: undefined }),
      cursor: cursorValue,
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ route, sort, cursor }) => {
        const path = urlOf(route, `@@own:${resourceOf(route.path)}@@`, '@@own:contacts@@');
        const query = new URLSearchParams({ cursor: cursor.replace(/[\ud800-\udfff]/g, '') });
        if (sort !== undefined && route.query.includes('sort')) query.set('sort', sort);
        await exchange({ method: 'GET', url: `${path}?${query}`, headers: owner.headers() });
      }),
      { numRuns: 250 },
    );
  });

  const printable = hostileString.filter((text) => /^[\x20-\x7e]*$/.test(text));
  const forgedToken = (text: string) =>
    text.replace(
      /^(bkn_)[0-9a-f]{32}/,
      (_, prefix: string) => prefix + ownerB.workspaceId.replaceAll('-', ''),
    );

  it('survives odd headers: content types, cookies, Authorization and CSRF tokens', async () => {
    const request = fc.record({
      route: fc.constantFrom(...fuzzable()),
      authorization: fc.option(
        fc.oneof(
          fc.constantFrom(
            'valid',
            'Bearer',
            'Bearer ',
            'Bearer bkn_',
            'Basic dXNlcjpwYXNz',
            'forged',
            'lower',
            'twice',
            'huge',
          ),
          printable,
        ),
        { nil: undefined },
      ),
      cookie: fc.option(
        fc.oneof(
          fc.constantFrom(
            'valid',
            'baken_session=',
            'baken_session=bks_x',
            'forged',
            'doubled',
            'huge',
            'quoted',
            ';;;=;',
          ),
          printable,
        ),
        { nil: undefined },
      ),
      csrf: fc.option(fc.oneof(fc.constantFrom('valid', '', 'array', 'huge'), printable), { nil: undefined }),
      contentType: fc.option(
        fc.oneof(
          fc.constantFrom(
            'application/json',
            'application/json; charset=utf-8',
            'APPLICATION/JSON',
            'application/json; charset=latin1',
            'application/json;',
            'application/problem+json',
            'application/merge-patch+json',
            'text/plain',
            'text/html',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/octet-stream',
            ';',
            '*/*',
            'application/json, text/plain',
          ),
          printable,
        ),
        { nil: undefined },
      ),
      accept: fc.option(fc.oneof(fc.constantFrom('text/html', 'application/xml', '*/*;q=0'), printable), {
        nil: undefined,
      }),
      payload: fc.option(fc.constantFrom('{}', '{"name":"Kop BV"}', '{"role":"viewer"}', 'name=x', '<a/>'), {
        nil: undefined,
      }),
    });
    const session = () => owner.headers().cookie!;
    const bearer = () => token.headers().authorization!;
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const headers: Record<string, string | string[]> = {};
        const { authorization, cookie, csrf: csrfHeader } = generated;
        if (authorization !== undefined)
          headers.authorization =
            {
              valid: bearer(),
              forged: forgedToken(bearer().replace('Bearer ', '')).replace(/^/, 'Bearer '),
              lower: bearer().toLowerCase(),
              twice: `${bearer()} ${bearer()}`,
              huge: `Bearer ${'x'.repeat(20_000)}`,
            }[authorization] ?? authorization;
        if (cookie !== undefined)
          headers.cookie =
            {
              valid: session(),
              forged: session().replace(/bks_[0-9a-f]{32}/, `bks_${ownerB.workspaceId.replaceAll('-', '')}`),
              doubled: `${session()}; baken_session=bks_x`,
              huge: `a=${'x'.repeat(60_000)}; ${session()}`,
              quoted: `baken_session="${session().split('=')[1]}"`,
            }[cookie] ?? cookie;
        if (csrfHeader !== undefined)
          headers['x-csrf-token'] =
            { valid: csrf, array: [csrf, csrf], huge: 'x'.repeat(20_000) }[csrfHeader] ?? csrfHeader;
        if (generated.contentType !== undefined) headers['content-type'] = generated.contentType;
        if (generated.accept !== undefined) headers.accept = generated.accept;
        const { route } = generated;
        await exchange({
          method: route.method,
          url: urlOf(route, `@@own:${resourceOf(route.path)}@@`, '@@own:contacts@@'),
          headers,
          payload: route.method === 'GET' ? undefined : generated.payload,
        });
      }),
      { numRuns: 300 },
    );
  });
});
