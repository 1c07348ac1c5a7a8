import type { Contact } from '@baken/core/contacts/contact.schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  createAccount,
  createActivity,
  createContact,
  createDeal,
  defineCustomField,
  expectProblem,
  unique,
} from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  type TestApp,
} from '../../test/harness.ts';
import { scanNow } from './duplicate-test-helpers.ts';

type Merge = {
  id: string;
  status: string;
  survivorId: string;
  mergedId: string;
  moved: Record<string, number>;
};

/** Every row of the tables a merge touches, whole, in a stable order: "restored exactly" means equal dumps. */
async function dump(test: TestApp, workspaceId: string) {
  const tables = ['accounts', 'contacts', 'deals', 'deal_contacts', 'activities', 'account_field_sources'];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<{ row: unknown }>`select to_jsonb(t) as row from ${sql.table(table)} t
      where t.workspace_id = ${workspaceId} order by to_jsonb(t)::text`.execute(test.ctx.db);
    result[table] = rows.map((row) => row.row);
  }
  return result;
}

describe('merging duplicates', () => {
  let test: TestApp;
  let owner: Client & { workspaceId: string };

  beforeAll(async () => {
    test = await createTestApp();
    owner = await otherWorkspaceOwner(test, `Samenvoegen ${unique()}`);
    await defineCustomField(owner, { recordType: 'contact', key: 'linkedin', type: 'text' });
    await defineCustomField(owner, { recordType: 'contact', key: 'regio', type: 'text' });
  });
  afterAll(() => test.close());

  describe('two contacts', () => {
    let survivor: Contact;
    let merged: Contact;
    let deals: { id: string }[];
    let before: Awaited<ReturnType<typeof dump>>;
    let merge: Merge;

    beforeAll(async () => {
      const account = await createAccount(owner, { name: 'Kaasboerderij De Jong' });
      survivor = await createContact(owner, {
        firstName: 'Marieke',
        lastName: 'de Jong',
        email: 'marieke.dejong@gmail.com',
        accountId: account.id,
        tags: ['Klant'],
        custom: { regio: 'Noord' },
      });
      merged = await createContact(owner, {
        firstName: 'Marieke',
        lastName: 'de Jong-Bakker',
        email: 'mariekedejong@gmail.com',
        phone: '+31 6 1122 3344',
        jobTitle: 'Eigenaar',
        tags: ['Beurs 2026', 'klant'],
        custom: { linkedin: 'marieke-dj', regio: 'Zuid' },
      });
      deals = [await createDeal(owner, { name: 'Kaas 1' }), await createDeal(owner, { name: 'Kaas 2' })];
      await owner.ok('PUT', `/api/v1/deals/${deals[0]!.id}/contacts/${survivor.id}`, {}, 200);
      await owner.ok(
        'PUT',
        `/api/v1/deals/${deals[0]!.id}/contacts/${merged.id}`,
        { role: 'Beslisser' },
        200,
      );
      await owner.ok(
        'PUT',
        `/api/v1/deals/${deals[1]!.id}/contacts/${merged.id}`,
        { role: 'Gebruiker' },
        200,
      );
      await createActivity(owner, { type: 'call', contactId: survivor.id });
      await createActivity(owner, { type: 'note', contactId: merged.id });
      await createActivity(owner, { type: 'meeting', contactId: merged.id, dealId: deals[1]!.id });
      await scanNow(test, owner, ['contact']);
      before = await dump(test, owner.workspaceId);
    });

    it('moves every related record to the survivor and keeps the chosen values', async () => {
      const answer = await owner.ok<{ merge: Merge; survivor: Contact }>(
        'POST',
        '/api/v1/contacts/merge',
        {
          survivorId: survivor.id,
          mergedId: merged.id,
          fields: { lastName: 'survivor' },
          custom: { regio: 'merged' },
        },
        200,
      );
      merge = answer.merge;
      expect(merge).toMatchObject({ status: 'done', moved: { activities: 2, dealContacts: 2 } });
      expect(answer.survivor).toMatchObject({
        id: survivor.id,
        lastName: 'de Jong',
        email: survivor.email,
        phone: merged.phone,
        jobTitle: 'Eigenaar',
        accountId: survivor.accountId,
        tags: ['Klant', 'Beurs 2026'],
        custom: { regio: 'Zuid', linkedin: 'marieke-dj' },
      });
      expectProblem(await owner.get(`/api/v1/contacts/${merged.id}`), 404);
      const { rows: activities } = await sql<{ contactId: string | null }>`select contact_id from activities
        where workspace_id = ${owner.workspaceId}`.execute(test.ctx.db);
      expect(activities.map((row) => row.contactId)).toEqual([survivor.id, survivor.id, survivor.id]);
      const { rows: links } = await sql<{ dealId: string; contactId: string; role: string | null }>`
        select deal_id, contact_id, role from deal_contacts where workspace_id = ${owner.workspaceId}
        order by deal_id`.execute(test.ctx.db);
      // On the deal both were on, the survivor's own link stays; the other link moves with its role.
      expect(links).toEqual([
        { dealId: deals[0]!.id, contactId: survivor.id, role: null },
        { dealId: deals[1]!.id, contactId: survivor.id, role: 'Gebruiker' },
      ]);
    });

    it('records the merge in the audit log with both records as they were', async () => {
      const survivorTrail = await auditOf(owner, survivor.id);
      const entry = survivorTrail.at(-1)!;
      expect(entry.action).toBe('update');
      const record = entry.changes.merge as { to: Record<string, Record<string, unknown>> };
      expect(record.to).toMatchObject({ id: merge.id, mergedId: merged.id });
      expect(record.to.survivorBefore).toMatchObject({ email: survivor.email, tags: ['Klant'] });
      expect(record.to.mergedBefore).toMatchObject({ email: merged.email, jobTitle: 'Eigenaar' });
      const mergedTrail = await auditOf(owner, merged.id);
      expect(mergedTrail.at(-1)).toMatchObject({
        action: 'delete',
        changes: { mergedInto: survivor.id, mergeId: merge.id, lastName: 'de Jong-Bakker' },
      });
    });

    it('closes the pair the scan had found', async () => {
      const { data } = await owner.ok<{ data: { mergeId: string }[] }>(
        'GET',
        '/api/v1/duplicates/contacts?status=merged',
      );
      expect(data.map((pair) => pair.mergeId)).toEqual([]);
      const open = await owner.ok<{ data: unknown[] }>('GET', '/api/v1/duplicates/contacts');
      expect(open.data).toEqual([]);
      const [pair] = (
        await sql<{ status: string; mergeId: string }>`select status, merge_id from duplicate_pairs
          where workspace_id = ${owner.workspaceId}`.execute(test.ctx.db)
      ).rows;
      expect(pair).toEqual({ status: 'merged', mergeId: merge.id });
    });

    it('undoes the merge: both records and every moved record exactly as before', async () => {
      const undone = await owner.ok<Merge>('POST', `/api/v1/merges/${merge.id}/undo`, {}, 200);
      expect(undone.status).toBe('undone');
      expect(await dump(test, owner.workspaceId)).toEqual(before);
      const open = await owner.ok<{ data: { id: string }[] }>('GET', '/api/v1/duplicates/contacts');
      expect(open.data).toHaveLength(1);
      expect((await auditOf(owner, merged.id)).at(-1)).toMatchObject({
        action: 'create',
        changes: { restoredFromMerge: merge.id },
      });
      expectProblem(await owner.post(`/api/v1/merges/${merge.id}/undo`, {}), 409);
      expect((await owner.ok<Merge>('GET', `/api/v1/merges/${merge.id}`)).status).toBe('undone');
    });

    it('refuses to undo once the kept contact was changed after the merge', async () => {
      const { merge: again } = await owner.ok<{ merge: Merge }>(
        'POST',
        '/api/v1/contacts/merge',
        { survivorId: survivor.id, mergedId: merged.id },
        200,
      );
      await owner.ok('PATCH', `/api/v1/contacts/${survivor.id}`, { jobTitle: 'Directeur' });
      const refused = await owner.post(`/api/v1/merges/${again.id}/undo`, {});
      expectProblem(refused, 409);
      expect(refused.json().detail).toMatch(/changed after the merge/);
    });

    it('refuses to undo when a moved activity was moved elsewhere since', async () => {
      const [x, y, other] = [
        await createContact(owner, { firstName: 'Els', lastName: 'Kuiper' }),
        await createContact(owner, { firstName: 'Els', lastName: 'Kuiper' }),
        await createContact(owner),
      ];
      const activity = await createActivity(owner, { contactId: y.id });
      const { merge: done } = await owner.ok<{ merge: Merge }>(
        'POST',
        '/api/v1/contacts/merge',
        { survivorId: x.id, mergedId: y.id },
        200,
      );
      await owner.ok('PATCH', `/api/v1/activities/${activity.id}`, { contactId: other.id });
      const refused = await owner.post(`/api/v1/merges/${done.id}/undo`, {});
      expectProblem(refused, 409);
      expect(refused.json().detail).toMatch(/1 of the 1 activities/);
    });

    it('refuses a merge of a record with itself, unknown fields and unknown records', async () => {
      const contact = await createContact(owner);
      expectProblem(
        await owner.post('/api/v1/contacts/merge', { survivorId: contact.id, mergedId: contact.id }),
        422,
        'mergedId',
      );
      const other = await createContact(owner);
      expectProblem(
        await owner.post('/api/v1/contacts/merge', {
          survivorId: contact.id,
          mergedId: other.id,
          fields: { password: 'merged' },
        }),
        422,
        'fields',
      );
      expectProblem(
        await owner.post('/api/v1/contacts/merge', {
          survivorId: contact.id,
          mergedId: '0190a000-0000-7000-8000-000000000000',
        }),
        404,
      );
    });
  });

  describe('rights', () => {
    it('lets sales merge only contacts they own, and viewers never', async () => {
      const sales = await addMember(test.app, owner, 'sales');
      const viewer = await addMember(test.app, owner, 'viewer');
      const [mine1, mine2] = [await createContact(sales), await createContact(sales)];
      const [theirs1, theirs2] = [await createContact(owner), await createContact(owner)];
      expectProblem(
        await sales.post('/api/v1/contacts/merge', { survivorId: mine1.id, mergedId: theirs1.id }),
        403,
      );
      expectProblem(
        await sales.post('/api/v1/contacts/merge', { survivorId: theirs1.id, mergedId: theirs2.id }),
        403,
      );
      expectProblem(
        await viewer.post('/api/v1/contacts/merge', { survivorId: theirs1.id, mergedId: theirs2.id }),
        403,
      );
      const { merge } = await sales.ok<{ merge: Merge }>(
        'POST',
        '/api/v1/contacts/merge',
        { survivorId: mine1.id, mergedId: mine2.id },
        200,
      );
      expectProblem(await viewer.post(`/api/v1/merges/${merge.id}/undo`, {}), 403);
      const { merge: ownerMerge } = await owner.ok<{ merge: Merge }>(
        'POST',
        '/api/v1/contacts/merge',
        { survivorId: theirs1.id, mergedId: theirs2.id },
        200,
      );
      expectProblem(await sales.post(`/api/v1/merges/${ownerMerge.id}/undo`, {}), 403);
      await sales.ok('POST', `/api/v1/merges/${merge.id}/undo`, {}, 200);
    });
  });

  describe('two accounts', () => {
    it('moves contacts, deals and activities, and undo puts them back exactly', async () => {
      const workspace = await otherWorkspaceOwner(test, `Accounts ${unique()}`);
      const keep = await createAccount(workspace, { name: 'Smederij Bos', domain: 'smederijbos.nl' });
      const drop = await createAccount(workspace, {
        name: 'Smederij Bos BV',
        domain: 'smederijbos.nl',
        kvkNumber: '11223344',
        technologies: ['WordPress'],
      });
      const contact = await createContact(workspace, { accountId: drop.id });
      await createContact(workspace, { accountId: keep.id });
      await createDeal(workspace, { accountId: drop.id });
      await createActivity(workspace, { type: 'visit', accountId: drop.id });
      await createActivity(workspace, { type: 'call', contactId: contact.id });
      // Where values came from: a person typed the survivor's city and name; a provider found the
      // other's KvK number and name, and a person typed its city.
      await sql`update accounts set city = 'Kampen' where id = ${keep.id}`.execute(test.ctx.db);
      await sql`update accounts set city = 'Zwolle' where id = ${drop.id}`.execute(test.ctx.db);
      const source = (account: string, field: string, setBy: string, value: string) =>
        sql`(${workspace.workspaceId}, ${account}, ${field}, ${setBy}, ${setBy === 'user' ? 'user' : 'register'},
          ${JSON.stringify(value)}::jsonb, '2026-10-01T00:00:00Z', null)`;
      await sql`insert into account_field_sources values ${sql.join([
        source(keep.id, 'name', 'user', 'Smederij Bos'),
        source(keep.id, 'city', 'user', 'Kampen'),
        source(drop.id, 'name', 'provider', 'Smederij Bos BV'),
        source(drop.id, 'kvkNumber', 'provider', '11223344'),
        source(drop.id, 'city', 'user', 'Zwolle'),
      ])}`.execute(test.ctx.db);
      const before = await dump(test, workspace.workspaceId);
      const { merge, survivor } = await workspace.ok<{ merge: Merge; survivor: Record<string, unknown> }>(
        'POST',
        '/api/v1/accounts/merge',
        { survivorId: keep.id, mergedId: drop.id },
        200,
      );
      expect(merge.moved).toEqual({ contacts: 1, deals: 1, activities: 2, fieldSources: 2 });
      expect(survivor).toMatchObject({
        name: 'Smederij Bos BV',
        kvkNumber: '11223344',
        city: 'Kampen',
        technologies: ['WordPress'],
      });
      const after = await dump(test, workspace.workspaceId);
      // The values taken from the other account keep their source; the city stayed, and so did its source.
      expect(
        (after.account_field_sources as { account_id: string; field: string; set_by: string }[]).map(
          (row) => [row.account_id === keep.id, row.field, row.set_by],
        ),
      ).toEqual([
        [true, 'city', 'user'],
        [true, 'kvkNumber', 'provider'],
        [true, 'name', 'provider'],
      ]);
      expect(after.accounts).toHaveLength(1);
      for (const table of ['contacts', 'deals', 'activities'])
        for (const row of after[table] as { account_id: string | null }[])
          expect(row.account_id, table).toBe(keep.id);
      await workspace.ok('POST', `/api/v1/merges/${merge.id}/undo`, {}, 200);
      expect(await dump(test, workspace.workspaceId)).toEqual(before);
    });
  });

  describe('bulk auto-merge of exact matches', () => {
    it('previews the count, merges each exact pair on its own, and leaves the rest', async () => {
      const workspace = await otherWorkspaceOwner(test, `Bulk ${unique()}`);
      await createContact(workspace, { firstName: 'Noor', lastName: 'Smit', email: 'noor.smit@gmail.com' });
      await createContact(workspace, {
        firstName: 'Noor',
        lastName: 'Smit',
        email: 'noorsmit@gmail.com',
        jobTitle: 'CFO',
      });
      await createContact(workspace, { firstName: 'Daan', email: 'daan@zaak.nl' });
      await createContact(workspace, { firstName: 'Daan', email: 'daan+crm@zaak.nl' });
      const account = await createAccount(workspace, { name: 'Zaak' });
      await createContact(workspace, { firstName: 'Lotte', lastName: 'Meijer', accountId: account.id });
      await createContact(workspace, { firstName: 'Lotte', lastName: 'Meier', accountId: account.id });
      await scanNow(test, workspace, ['contact']);
      const preview = await workspace.ok<{ count: number }>(
        'GET',
        '/api/v1/duplicates/auto-merge?recordType=contact',
      );
      expect(preview.count).toBe(2);
      const result = await workspace.ok<{ merged: number; remaining: number; mergeIds: string[] }>(
        'POST',
        '/api/v1/duplicates/auto-merge',
        { recordType: 'contact', limit: 10 },
        200,
      );
      expect(result).toMatchObject({ merged: 2, remaining: 0 });
      const { data } = await workspace.ok<{ data: Contact[] }>('GET', '/api/v1/contacts?limit=10');
      expect(data.map((contact) => contact.firstName).sort()).toEqual(['Daan', 'Lotte', 'Lotte', 'Noor']);
      // The fuller record survives: Noor keeps the job title.
      expect(data.find((contact) => contact.firstName === 'Noor')!.jobTitle).toBe('CFO');
      expect(
        (await workspace.ok<{ data: unknown[] }>('GET', '/api/v1/duplicates/contacts')).data,
      ).toHaveLength(1);
      for (const id of result.mergeIds) await workspace.ok('POST', `/api/v1/merges/${id}/undo`, {}, 200);
      expect((await workspace.ok<{ data: unknown[] }>('GET', '/api/v1/contacts?limit=10')).data).toHaveLength(
        6,
      );
    });
  });
});
