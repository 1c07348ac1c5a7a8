import type { Account } from '@baken/core/accounts/account.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import type { Deal } from '@baken/core/deals/deal.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createAccount,
  createContact,
  createDeal,
  expectProblem,
  list,
  unique,
} from '../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../test/harness.ts';

const TAGS = '/api/v1/tags';

type Tag = { id: string; name: string; color: string | null; createdAt: string; updatedAt: string };

describe('tags', () => {
  let test: TestApp;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  const catalogue = async () => (await owner.ok<{ data: Tag[] }>('GET', TAGS)).data;
  const named = async (name: string) =>
    (await catalogue()).filter((tag) => tag.name.toLowerCase() === name.toLowerCase());
  const createTag = (name: string, color?: string) =>
    owner.ok<Tag>('POST', TAGS, { name, ...(color ? { color } : {}) });

  it('adds the tags written on a record to the catalogue', async () => {
    const name = unique('Beurs');
    await createAccount(owner, { tags: [name] });
    expect((await named(name)).map((tag) => tag.name)).toEqual([name]);
  });

  it("keeps the catalogue's spelling when a record names a tag in another case", async () => {
    const name = unique('VIP');
    await createTag(name, '#e03131');
    const account = await createAccount(owner, { tags: [name.toLowerCase(), name.toUpperCase(), 'Nieuw'] });
    expect(account.tags).toEqual([name, 'Nieuw']);
    expect((await named(name)).map((tag) => [tag.name, tag.color])).toEqual([[name, '#e03131']]);
    const contact = await createContact(owner, { tags: [name.toUpperCase()] });
    expect(contact.tags).toEqual([name]);
  });

  it('keeps the first spelling of a new tag that a record repeats in several cases', async () => {
    const name = unique('Dubbel');
    const deal = await createDeal(owner, { tags: [name, name.toUpperCase(), ` ${name} `] });
    expect(deal.tags).toEqual([name]);
    expect(await named(name)).toHaveLength(1);
  });

  it('lists the catalogue by name', async () => {
    const created = [
      await createTag(unique('Zebra')),
      await createTag(unique('Aap')),
      await createTag(unique('Mier')),
    ];
    const ids = created.map((tag) => tag.id);
    const listed = (await catalogue()).filter((tag) => ids.includes(tag.id)).map((tag) => tag.name);
    expect(listed).toEqual([created[1]!.name, created[2]!.name, created[0]!.name]);
  });

  it('refuses a second tag with the same name in another case, with 409 on name', async () => {
    const name = unique('Partner');
    await createTag(name);
    expectProblem(await owner.post(TAGS, { name: name.toUpperCase() }), 409, 'name');
  });

  it('refuses a colour that is not #rrggbb, with 422 on color', async () => {
    expectProblem(await owner.post(TAGS, { name: unique('Kleur'), color: 'red' }), 422, 'color');
  });

  it('renames a tag on every account, contact and deal that carries it', async () => {
    const [from, to] = [unique('Oud'), unique('Nieuw')];
    const tag = await createTag(from);
    const account = await createAccount(owner, { tags: ['Blijft', from] });
    const contact = await createContact(owner, { tags: [from] });
    const deal = await createDeal(owner, { tags: [from, 'Ook'] });
    const renamed = await owner.ok<Tag>('PATCH', `${TAGS}/${tag.id}`, { name: to });
    expect(renamed).toMatchObject({ id: tag.id, name: to });
    expect((await owner.ok<Account>('GET', `/api/v1/accounts/${account.id}`)).tags).toEqual(['Blijft', to]);
    expect((await owner.ok<Contact>('GET', `/api/v1/contacts/${contact.id}`)).tags).toEqual([to]);
    expect((await owner.ok<Deal>('GET', `/api/v1/deals/${deal.id}`)).tags).toEqual([to, 'Ook']);
    expect(
      (await list<Account>(owner, '/api/v1/accounts', { filter: `tags:contains:${to}` })).data.map(
        (row) => row.id,
      ),
    ).toEqual([account.id]);
    expect(
      (await list<Account>(owner, '/api/v1/accounts', { filter: `tags:contains:${from}` })).data,
    ).toEqual([]);
    expect(await named(from)).toEqual([]);
  });

  it('changes only the colour of a tag when no name is sent', async () => {
    const tag = await createTag(unique('Kleur'), '#1c7ed6');
    const account = await createAccount(owner, { tags: [tag.name] });
    const changed = await owner.ok<Tag>('PATCH', `${TAGS}/${tag.id}`, { color: '#2f9e44' });
    expect(changed).toMatchObject({ name: tag.name, color: '#2f9e44' });
    expect((await owner.ok<Account>('GET', `/api/v1/accounts/${account.id}`)).tags).toEqual([tag.name]);
  });

  it('refuses to rename a tag to the name of another tag, and changes no record', async () => {
    const [first, second] = [await createTag(unique('Eerste')), await createTag(unique('Tweede'))];
    const account = await createAccount(owner, { tags: [first.name] });
    expectProblem(await owner.patch(`${TAGS}/${first.id}`, { name: second.name.toLowerCase() }), 409, 'name');
    expect((await owner.ok<Account>('GET', `/api/v1/accounts/${account.id}`)).tags).toEqual([first.name]);
  });

  it('deletes a tag from the catalogue and from every record', async () => {
    const tag = await createTag(unique('Weg'));
    const account = await createAccount(owner, { tags: [tag.name, 'Blijft'] });
    const deal = await createDeal(owner, { tags: [tag.name] });
    expect((await owner.delete(`${TAGS}/${tag.id}`)).statusCode).toBe(204);
    expect((await owner.ok<Account>('GET', `/api/v1/accounts/${account.id}`)).tags).toEqual(['Blijft']);
    expect((await owner.ok<Deal>('GET', `/api/v1/deals/${deal.id}`)).tags).toEqual([]);
    expect(await named(tag.name)).toEqual([]);
    expectProblem(await owner.delete(`${TAGS}/${tag.id}`), 404);
    expectProblem(await owner.patch(`${TAGS}/${tag.id}`, { name: 'Terug' }), 404);
  });

  it('leaves an audit row for create, update and delete of a tag', async () => {
    const tag = await createTag(unique('Spoor'));
    await owner.ok('PATCH', `${TAGS}/${tag.id}`, { name: `${tag.name}-2` });
    await owner.ok('DELETE', `${TAGS}/${tag.id}`);
    const trail = await auditOf(owner, tag.id);
    expect(trail.map((entry) => [entry.action, entry.entityType])).toEqual([
      ['create', 'tag'],
      ['update', 'tag'],
      ['delete', 'tag'],
    ]);
    expect(trail[1]!.changes).toMatchObject({ name: { from: tag.name, to: `${tag.name}-2` } });
  });
});
