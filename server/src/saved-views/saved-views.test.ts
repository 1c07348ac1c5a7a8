import type { ListView, SavedView } from '@baken/core/saved-views/saved-view.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, expectProblem, unique } from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
  tokenClient,
} from '../../test/harness.ts';

const VIEWS = '/api/v1/saved-views';

const aView = (fields: Partial<ListView> = {}): ListView => ({
  sort: 'name',
  filters: [],
  search: '',
  columns: ['name', 'owner'],
  ...fields,
});
const myMql: ListView = aView({
  sort: '-updatedAt',
  filters: [{ field: 'lifecycleStage', op: 'eq', value: 'mql' }],
  search: 'bakker',
  columns: ['name', 'email', 'lifecycleStage'],
});

describe('saved views', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  const save = (client: Client, body: Record<string, unknown>) => client.post(VIEWS, body);
  const saveOk = async (client: Client, list: string, name: string, view: ListView = aView()) =>
    client.ok<SavedView>('POST', VIEWS, { list, name, view });
  const viewsOf = async (client: Client, list: string) =>
    (await client.ok<{ data: SavedView[] }>('GET', `${VIEWS}?list=${list}`)).data;

  it('saves a view of a list and gives it back exactly, under its id and in the list', async () => {
    const name = unique('MQL van mij');
    const saved = await saveOk(owner, 'contacts', name, myMql);
    expect(saved).toMatchObject({ list: 'contacts', name, view: myMql });
    expect(await owner.ok('GET', `${VIEWS}/${saved.id}`)).toEqual(saved);
    expect((await viewsOf(owner, 'contacts')).find((view) => view.id === saved.id)).toEqual(saved);
  });

  it('lists only the views of the list asked for, by name whatever the case', async () => {
    const member = await addMember(test.app, owner, 'sales');
    for (const name of ['zomer', 'Amsterdam', 'beurs', 'Nieuw']) await saveOk(member, 'deals', name);
    await saveOk(member, 'accounts', 'Alleen bedrijven');
    expect((await viewsOf(member, 'deals')).map((view) => view.name)).toEqual([
      'Amsterdam',
      'beurs',
      'Nieuw',
      'zomer',
    ]);
    expect((await viewsOf(member, 'accounts')).map((view) => view.name)).toEqual(['Alleen bedrijven']);
    expect(await viewsOf(member, 'activities')).toEqual([]);
  });

  it('replaces the view of a name the user already has for that list, in any case, with 200', async () => {
    const name = unique('Warme leads');
    const first = await saveOk(owner, 'contacts', name, aView());
    const again = await save(owner, { list: 'contacts', name: name.toUpperCase(), view: myMql });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, name: name.toUpperCase(), view: myMql });
    expect((await viewsOf(owner, 'contacts')).filter((view) => view.id === first.id)).toHaveLength(1);
    const trail = await auditOf(owner, first.id);
    expect(trail.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(trail[1]!.changes).toEqual({
      name: { from: name, to: name.toUpperCase() },
      view: { from: aView(), to: myMql },
    });
  });

  it('keeps the same name on different lists apart', async () => {
    const name = unique('Mijn');
    const accounts = await saveOk(owner, 'accounts', name);
    const deals = await saveOk(owner, 'deals', name);
    expect(deals.id).not.toBe(accounts.id);
  });

  it('renames a view and changes what it shows', async () => {
    const saved = await saveOk(owner, 'deals', unique('Oud'));
    const name = unique('Nieuw');
    const renamed = await owner.ok<SavedView>('PATCH', `${VIEWS}/${saved.id}`, { name: ` ${name} ` });
    expect(renamed).toMatchObject({ id: saved.id, name, view: saved.view });
    const changed = await owner.ok<SavedView>('PATCH', `${VIEWS}/${saved.id}`, { view: myMql });
    expect(changed).toMatchObject({ name, view: myMql });
    expect(await owner.ok('GET', `${VIEWS}/${saved.id}`)).toEqual(changed);
  });

  it('writes nothing for a change that changes nothing', async () => {
    const saved = await saveOk(owner, 'deals', unique('Stil'), myMql);
    const same = await owner.ok<SavedView>('PATCH', `${VIEWS}/${saved.id}`, {
      name: saved.name,
      view: myMql,
    });
    expect(same).toEqual(saved);
    expect((await auditOf(owner, saved.id)).map((entry) => entry.action)).toEqual(['create']);
  });

  it('refuses to rename a view onto another view of that list, with 409 on name', async () => {
    const taken = await saveOk(owner, 'accounts', unique('Bezet'));
    const other = await saveOk(owner, 'accounts', unique('Ander'));
    expectProblem(await owner.patch(`${VIEWS}/${other.id}`, { name: taken.name.toLowerCase() }), 409, 'name');
    expect((await owner.ok<SavedView>('GET', `${VIEWS}/${other.id}`)).name).toBe(other.name);
  });

  it('deletes a view; then it is not found', async () => {
    const saved = await saveOk(owner, 'activities', unique('Weg'));
    expect((await owner.delete(`${VIEWS}/${saved.id}`)).statusCode).toBe(204);
    expect((await viewsOf(owner, 'activities')).map((view) => view.id)).not.toContain(saved.id);
    expectProblem(await owner.get(`${VIEWS}/${saved.id}`), 404);
    expectProblem(await owner.patch(`${VIEWS}/${saved.id}`, { name: 'Terug' }), 404);
    expectProblem(await owner.delete(`${VIEWS}/${saved.id}`), 404);
  });

  it('leaves an audit row for create, update and delete', async () => {
    const saved = await saveOk(owner, 'contacts', unique('Spoor'), myMql);
    await owner.ok('PATCH', `${VIEWS}/${saved.id}`, { name: `${saved.name}-2` });
    await owner.ok('DELETE', `${VIEWS}/${saved.id}`);
    const trail = await auditOf(owner, saved.id);
    expect(trail.map((entry) => [entry.action, entry.entityType])).toEqual([
      ['create', 'saved_view'],
      ['update', 'saved_view'],
      ['delete', 'saved_view'],
    ]);
    expect(trail[0]!.changes).toEqual({ list: 'contacts', name: saved.name, view: myMql });
    expect(trail[1]!.changes).toEqual({ name: { from: saved.name, to: `${saved.name}-2` } });
  });

  it("keeps a user's views from every other user of the workspace, admins included (404 as for a missing id)", async () => {
    const rep = await addMember(test.app, owner, 'sales');
    const admin = await addMember(test.app, owner, 'admin');
    const mine = await saveOk(rep, 'contacts', unique('Privé'), myMql);
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const other of [owner, admin]) {
      expect((await viewsOf(other, 'contacts')).map((view) => view.id)).not.toContain(mine.id);
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { name: 'Van mij' }],
        ['DELETE', undefined],
      ] as const) {
        const theirs = await other.request(method, `${VIEWS}/${mine.id}`, body);
        const nothing = await other.request(method, `${VIEWS}/${missing}`, body);
        expectProblem(theirs, 404);
        expect(theirs.json().detail).toBe(nothing.json().detail);
      }
    }
    // Saving under the same name makes the other user's own view; it does not replace the rep's.
    const ownersOwn = await saveOk(owner, 'contacts', mine.name);
    expect(ownersOwn.id).not.toBe(mine.id);
    expect(await rep.ok('GET', `${VIEWS}/${mine.id}`)).toEqual(mine);
  });

  it('shows nothing of another workspace and refuses its ids as missing', async () => {
    const mine = await saveOk(owner, 'deals', unique('Binnen'));
    const stranger = await otherWorkspaceOwner(test, 'Buurman BV');
    const body = (await stranger.get(`${VIEWS}?list=deals`)).body;
    expect(body).not.toContain(mine.id);
    expect(body).not.toContain(mine.name);
    expectProblem(await stranger.get(`${VIEWS}/${mine.id}`), 404);
    expectProblem(await stranger.patch(`${VIEWS}/${mine.id}`, { name: 'Van ons' }), 404);
    expectProblem(await stranger.delete(`${VIEWS}/${mine.id}`), 404);
    expect(await owner.ok('GET', `${VIEWS}/${mine.id}`)).toEqual(mine);
  });

  it('lets a viewer keep views of their own, though they change no records', async () => {
    const viewer = await addMember(test.app, owner, 'viewer');
    const saved = await saveOk(viewer, 'accounts', 'Mijn bedrijven', myMql);
    await viewer.ok('PATCH', `${VIEWS}/${saved.id}`, { name: 'Bedrijven' });
    expect((await viewsOf(viewer, 'accounts')).map((view) => view.name)).toEqual(['Bedrijven']);
    await viewer.ok('DELETE', `${VIEWS}/${saved.id}`);
    expect(await viewsOf(viewer, 'accounts')).toEqual([]);
  });

  it('serves an API token the views of its user; a read token may only read them', async () => {
    const rep = await addMember(test.app, owner, 'sales');
    const saved = await saveOk(rep, 'deals', 'Via de browser');
    const readWrite = await tokenClient(test.app, rep);
    const readOnly = await tokenClient(test.app, rep, 'read');
    expect((await viewsOf(readOnly, 'deals')).map((view) => view.id)).toEqual([saved.id]);
    expectProblem(await save(readOnly, { list: 'deals', name: 'Nee', view: aView() }), 403);
    await saveOk(readWrite, 'deals', 'Via een script');
    expect((await viewsOf(rep, 'deals')).map((view) => view.name)).toEqual([
      'Via de browser',
      'Via een script',
    ]);
  });

  it('needs the CSRF header for a write with the session cookie', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: VIEWS,
      headers: { cookie: owner.headers().cookie! },
      payload: { list: 'deals', name: 'Zonder token', view: aView() },
    });
    expectProblem(response, 403);
    expect((await viewsOf(owner, 'deals')).map((view) => view.name)).not.toContain('Zonder token');
  });

  it('removes the views of a member who leaves the workspace', async () => {
    const leaver = await addMember(test.app, owner, 'marketing');
    const saved = await saveOk(leaver, 'contacts', 'Campagne');
    await owner.ok('DELETE', `/api/v1/users/${leaver.userId}`);
    const left = await test.ctx.db.selectFrom('savedViews').select('id').where('id', '=', saved.id).execute();
    expect(left).toEqual([]);
  });

  describe('refuses input it cannot keep, naming the field', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown list', { list: 'leads', name: 'x', view: aView() }, 'list'],
      ['no list', { name: 'x', view: aView() }, 'list'],
      ['an empty name', { list: 'deals', name: '   ', view: aView() }, 'name'],
      ['a name of 81 characters', { list: 'deals', name: 'n'.repeat(81), view: aView() }, 'name'],
      ['no view', { list: 'deals', name: 'x' }, 'view'],
      [
        'a view without columns',
        { list: 'deals', name: 'x', view: { sort: 'name', filters: [], search: '' } },
        'view.columns',
      ],
      [
        'an unknown operator',
        {
          list: 'deals',
          name: 'x',
          view: aView({ filters: [{ field: 'amount', op: 'like', value: '1' }] as never }),
        },
        'view.filters.0.op',
      ],
      [
        'a filter with an unknown key',
        {
          list: 'deals',
          name: 'x',
          view: aView({ filters: [{ field: 'amount', op: 'eq', value: '1', extra: 1 }] as never }),
        },
        'view.filters.0.extra',
      ],
      [
        '21 filters',
        {
          list: 'deals',
          name: 'x',
          view: aView({
            filters: Array.from({ length: 21 }, () => ({
              field: 'name',
              op: 'contains' as const,
              value: 'a',
            })),
          }),
        },
        'view.filters',
      ],
      [
        '51 columns',
        { list: 'deals', name: 'x', view: aView({ columns: Array.from({ length: 51 }, (_, i) => `c${i}`) }) },
        'view.columns',
      ],
      [
        'a search of 201 characters',
        { list: 'deals', name: 'x', view: aView({ search: 's'.repeat(201) }) },
        'view.search',
      ],
      [
        'a view too large to save',
        {
          list: 'deals',
          name: 'x',
          view: aView({
            filters: Array.from({ length: 20 }, () => ({
              field: 'name',
              op: 'contains' as const,
              value: 'v'.repeat(1000),
            })),
          }),
        },
        'view',
      ],
      [
        'an unknown field',
        { list: 'deals', name: 'x', view: aView(), userId: '01900000-0000-7000-8000-000000000000' },
        'userId',
      ],
    ];
    for (const [what, body, field] of cases) {
      it(`refuses ${what} with 422 on ${field}`, async () => {
        expectProblem(await save(owner, body), 422, field);
      });
    }

    it('refuses a change that moves a view to another list, or an empty name', async () => {
      const saved = await saveOk(owner, 'deals', unique('Vast'));
      expectProblem(await owner.patch(`${VIEWS}/${saved.id}`, { list: 'accounts' }), 422, 'list');
      expectProblem(await owner.patch(`${VIEWS}/${saved.id}`, { name: '' }), 422, 'name');
      expectProblem(await owner.get(`${VIEWS}?list=leads`), 422, 'list');
      expectProblem(await owner.get(VIEWS), 422, 'list');
    });
  });

  it('keeps at most 100 views per user and list, and still replaces one by name at the limit', async () => {
    const collector = await addMember(test.app, owner, 'sales');
    for (let index = 0; index < 100; index++) await saveOk(collector, 'contacts', `Weergave ${index}`);
    const refused = await save(collector, { list: 'contacts', name: 'Nummer 101', view: aView() });
    expectProblem(refused, 422);
    expect(refused.json().detail).toMatch(/100 saved views of this list/);
    const replaced = await save(collector, { list: 'contacts', name: 'weergave 7', view: myMql });
    expect(replaced.statusCode).toBe(200);
    await saveOk(collector, 'deals', 'Andere lijst');
    expect(await viewsOf(collector, 'contacts')).toHaveLength(100);
  });
});
