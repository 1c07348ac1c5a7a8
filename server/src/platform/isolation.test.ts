import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
  tokenClient,
  uniqueEmail,
} from '../../test/harness.ts';
import { uploadImportFile } from '../../test/imports.ts';
import { scanNow } from '../duplicates/duplicate-test-helpers.ts';

// Workspace A holds one record of every kind; the owner of workspace B (full rights in B) and B's API
// token try every route of the API that takes an id, plus lists, search, references and the audit log.
describe('workspace isolation', () => {
  let test: TestApp;
  let ownerA: Client;
  let ownerB: Client & { workspaceId: string };
  let tokenB: Client;
  const ids: Record<string, string> = {};
  const names = {
    account: 'Zuiderzee Scheepsbouw',
    contact: 'zwaantje@zuiderzee.nl',
    deal: 'Zuiderzee vlootcontract',
    view: 'Zuiderzee contacten',
  };

  beforeAll(async () => {
    test = await createTestApp();
    ownerA = await setUpOwner(test.app, 'Workspace A');
    ownerB = await otherWorkspaceOwner(test, 'Workspace B');
    tokenB = await tokenClient(test.app, ownerB);
    const account = await ownerA.ok<{ id: string }>('POST', '/api/v1/accounts', {
      name: names.account,
      domain: 'zuiderzee.nl',
    });
    const contact = await ownerA.ok<{ id: string }>('POST', '/api/v1/contacts', {
      firstName: 'Zwaantje',
      email: names.contact,
      accountId: account.id,
    });
    const deal = await ownerA.ok<{ id: string; pipelineId: string }>('POST', '/api/v1/deals', {
      name: names.deal,
      accountId: account.id,
      amount: 100_000,
    });
    await ownerA.ok(
      'PUT',
      `/api/v1/deals/${deal.id}/contacts/${contact.id}`,
      { role: 'decision maker' },
      200,
    );
    const activity = await ownerA.ok<{ id: string }>('POST', '/api/v1/activities', {
      type: 'call',
      contactId: contact.id,
      outcome: 'connected',
    });
    const tag = await ownerA.ok<{ id: string }>('POST', '/api/v1/tags', { name: 'Zuid' });
    const field = await ownerA.ok<{ id: string }>('POST', '/api/v1/custom-fields', {
      recordType: 'account',
      key: 'haven',
      label: 'Haven',
      type: 'text',
    });
    const invitation = await ownerA.ok<{ id: string }>('POST', '/api/v1/invitations', {
      email: uniqueEmail('invitee'),
      role: 'sales',
    });
    const token = await tokenClient(test.app, ownerA);
    const imported = await uploadImportFile(
      test.app,
      token.headers(),
      'contact',
      'zuiderzee.csv',
      Buffer.from('Voornaam,E-mailadres\nZwaantje,zwaantje.import@zuiderzee.nl\n'),
    );
    const view = await ownerA.ok<{ id: string }>('POST', '/api/v1/saved-views', {
      list: 'contacts',
      name: names.view,
      view: {
        sort: 'lastName',
        filters: [{ field: 'email', op: 'contains', value: 'zuiderzee' }],
        search: '',
        columns: [],
      },
    });
    // A duplicate pair found by a scan, and a merge of two other contacts.
    await ownerA.ok('POST', '/api/v1/contacts', { firstName: 'Zwaan', email: 'zwaan.tweeling@gmail.com' });
    await ownerA.ok('POST', '/api/v1/contacts', { firstName: 'Zwaan', email: 'zwaantweeling@gmail.com' });
    await scanNow(test, ownerA, ['contact']);
    const pairs = await ownerA.ok<{ data: { id: string }[] }>('GET', '/api/v1/duplicates/contacts');
    const [keep, drop] = [
      await ownerA.ok<{ id: string }>('POST', '/api/v1/contacts', { lastName: 'Zuiderzee een' }),
      await ownerA.ok<{ id: string }>('POST', '/api/v1/contacts', { lastName: 'Zuiderzee twee' }),
    ];
    const { merge } = await ownerA.ok<{ merge: { id: string } }>(
      'POST',
      '/api/v1/contacts/merge',
      { survivorId: keep.id, mergedId: drop.id },
      200,
    );
    const lead = await ownerA.ok<{ id: string }>('POST', '/api/v1/contacts', { lastName: 'Zuiderzee lead' });
    await ownerA.ok('PATCH', `/api/v1/contacts/${lead.id}`, { lifecycleStage: 'mql' });
    const handovers = await ownerA.ok<{ data: { id: string }[] }>('GET', '/api/v1/lead-handovers?owner=all');
    const quota = await ownerA.ok<{ data: { id: string }[] }>('PUT', '/api/v1/quotas', {
      quotas: [{ userId: null, unit: 'month', periodStart: '2026-11-01', amount: 100_000 }],
    });
    const me = await ownerA.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me');
    Object.assign(ids, {
      accounts: account.id,
      contacts: contact.id,
      deals: deal.id,
      activities: activity.id,
      pipelines: deal.pipelineId,
      tags: tag.id,
      'custom-fields': field.id,
      invitations: invitation.id,
      'api-tokens': token.tokenId,
      'saved-views': view.id,
      duplicates: pairs.data[0]!.id,
      merges: merge.id,
      imports: imported.json().id,
      users: me.user.id,
      'lead-handovers': handovers.data[0]!.id,
      quotas: quota.data[0]!.id,
      contactId: contact.id,
    });
  });
  afterAll(() => test.close());

  const bodies: Record<string, unknown> = { PATCH: {}, PUT: {}, POST: {}, DELETE: undefined };
  const bodyFor = (method: string, path: string) => {
    if (method === 'PATCH' && path.startsWith('/users')) return { role: 'viewer' };
    // A valid body, so that the answer is about the id, not the body.
    if (path.endsWith('/events')) return { type: 'page_view' };
    if (path.endsWith('/decision')) return { decision: 'accept' };
    return bodies[method];
  };

  async function routesWithIds(): Promise<{ method: string; path: string; url: string }[]> {
    const spec = test.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(spec.paths)
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => {
          const relative = path.replace('/api/v1', '');
          const resource = relative.split('/')[1]!;
          const url = path.replace('{id}', ids[resource]!).replace('{contactId}', ids.contactId!);
          return { method: method.toUpperCase(), path: relative, url };
        }),
      );
  }

  it('covers every route that takes an id', async () => {
    const routes = await routesWithIds();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const route of routes)
      expect(route.url, `${route.method} ${route.path} has an id of workspace A`).not.toContain('undefined');
  });

  for (const [who, client] of [
    ['the owner of B (session)', () => ownerB],
    ['an API token of B', () => tokenB],
  ] as const) {
    it(`answers ${who} on every id route of workspace A exactly as for an id that does not exist`, async () => {
      for (const route of await routesWithIds()) {
        const response = await client().request(
          route.method as 'GET',
          route.url,
          bodyFor(route.method, route.path),
        );
        // 404 as for any unknown id; tokens may not manage tokens at all (403 for every id alike)
        expect([403, 404], `${route.method} ${route.path}: ${response.body}`).toContain(response.statusCode);
        const missing = await client().request(
          route.method as 'GET',
          route.url.replaceAll(
            /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
            '01900000-0000-7000-8000-000000000000',
          ),
          bodyFor(route.method, route.path),
        );
        expect(missing.statusCode).toBe(response.statusCode);
        expect(response.json().detail).toBe(missing.json().detail);
      }
    });
  }

  it('leaves workspace A untouched after those attempts', async () => {
    const account = await ownerA.ok<{ name: string }>('GET', `/api/v1/accounts/${ids.accounts}`);
    expect(account.name).toBe(names.account);
    const deal = await ownerA.ok<{ name: string }>('GET', `/api/v1/deals/${ids.deals}`);
    expect(deal.name).toBe(names.deal);
    const contacts = await ownerA.ok<{ data: unknown[] }>('GET', `/api/v1/deals/${ids.deals}/contacts`);
    expect(contacts.data).toHaveLength(1);
    const users = await ownerA.ok<{ data: unknown[] }>('GET', '/api/v1/users');
    expect(users.data).toHaveLength(1);
    const view = await ownerA.ok<{ name: string }>('GET', `/api/v1/saved-views/${ids['saved-views']}`);
    expect(view.name).toBe(names.view);
    const pairs = await ownerA.ok<{ data: { id: string }[] }>('GET', '/api/v1/duplicates/contacts');
    expect(pairs.data.map((pair) => pair.id)).toEqual([ids.duplicates]);
    const merge = await ownerA.ok<{ status: string }>('GET', `/api/v1/merges/${ids.merges}`);
    expect(merge.status).toBe('done');
  });

  it('shows none of workspace A in the lists, searches and settings of B', async () => {
    for (const url of [
      '/api/v1/accounts',
      `/api/v1/accounts?q=${encodeURIComponent('Zuiderzee')}`,
      `/api/v1/accounts?q=${encodeURIComponent('zuiderze')}`,
      '/api/v1/contacts',
      `/api/v1/contacts?q=zwaantje`,
      '/api/v1/deals',
      `/api/v1/deals?q=vlootcontract`,
      '/api/v1/activities',
      '/api/v1/tags',
      '/api/v1/custom-fields',
      '/api/v1/invitations',
      '/api/v1/api-tokens',
      '/api/v1/saved-views?list=contacts',
      '/api/v1/duplicates/contacts',
      '/api/v1/duplicates/accounts',
      '/api/v1/duplicates/scan',
      '/api/v1/data-health',
      '/api/v1/data-health/records?metric=contacts.missingAccount',
      '/api/v1/data-health/records?metric=accounts.missingKvk',
      '/api/v1/duplicates/auto-merge?recordType=contact',
      `/api/v1/contacts/duplicates-check?email=zwaan.tweeling%40gmail.com&accountId=${ids.accounts}`,
      `/api/v1/accounts/duplicates-check?domain=zuiderzee.nl&name=${encodeURIComponent(names.account)}`,
      '/api/v1/users',
      '/api/v1/audit-log?limit=200',
      `/api/v1/audit-log?filter=entityId:eq:${ids.accounts}`,
      `/api/v1/contacts?filter=accountId:eq:${ids.accounts}`,
    ]) {
      const body = (await ownerB.get(url)).body;
      for (const id of Object.values(ids)) expect(body, url).not.toContain(id);
      for (const name of Object.values(names)) expect(body, url).not.toContain(name);
    }
    const pipelines = await ownerB.ok<{ data: { id: string }[] }>('GET', '/api/v1/pipelines');
    expect(pipelines.data.map((pipeline) => pipeline.id)).not.toContain(ids.pipelines);
  });

  it('refuses references from B to records of A as if they did not exist', async () => {
    const contact = await ownerB.post('/api/v1/contacts', { lastName: 'Indringer', accountId: ids.accounts });
    expect(contact.statusCode).toBe(422);
    expect(contact.json().errors[0].field).toBe('accountId');
    const deal = await ownerB.post('/api/v1/deals', { name: 'Kaping', pipelineId: ids.pipelines });
    expect(deal.statusCode).toBe(422);
    const activity = await ownerB.post('/api/v1/activities', { type: 'note', dealId: ids.deals });
    expect(activity.statusCode).toBe(422);
    const mine = await ownerB.ok<{ id: string }>('POST', '/api/v1/contacts', { lastName: 'Eigen' });
    const ownerOfA = await ownerB.patch(`/api/v1/contacts/${mine.id}`, { ownerId: ids.users });
    expect(ownerOfA.statusCode).toBe(422);
    const link = await ownerB.put(`/api/v1/deals/${ids.deals}/contacts/${mine.id}`, {});
    expect(link.statusCode).toBe(404);
    const board = await ownerB.get(`/api/v1/deals/board?pipelineId=${ids.pipelines}`);
    expect(board.statusCode).toBe(404);
    expect(board.body).not.toContain(names.deal);
  });

  it('rejects a session cookie whose workspace part was changed to another workspace', async () => {
    const cookie = ownerA.headers().cookie!;
    const [, workspacePart] = /^baken_session=bks_([0-9a-f]{32})_/.exec(cookie)!;
    const forged = cookie.replace(workspacePart!, ownerB.workspaceId.replaceAll('-', ''));
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: { cookie: forged },
    });
    expect(response.statusCode).toBe(401);
  });
});
