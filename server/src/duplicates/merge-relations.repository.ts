// What points at a contact or an account, and how a merge moves it to the surviving record and an
// undo puts it back. Each relation records exactly the rows it changed, so undo touches those rows
// only. A feature that adds records pointing at contacts or accounts (segment memberships, consent
// proofs, sequences) adds its mover to `relationMovers`: a merge deletes the merged record, and rows
// that no mover moved would follow the foreign key's on delete rule (cascade or set null) instead.

import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

type Db = Kysely<DB>;

export interface RelationMover {
  /** The key of this relation in a merge's `moved` and its counts (activities, dealContacts, ...). */
  name: string;
  /**
   * Points the merged record's rows at the survivor; returns how many and what undo needs.
   * `changed` names the survivor's fields that take a value of the merged record.
   */
  move(
    db: Db,
    workspaceId: string,
    survivorId: string,
    mergedId: string,
    changed: string[],
  ): Promise<{ count: number; undo: unknown }>;
  /** Why the moved rows cannot be put back any more, or null when they can. */
  blocker(db: Db, workspaceId: string, survivorId: string, undo: unknown): Promise<string | null>;
  restore(db: Db, workspaceId: string, survivorId: string, mergedId: string, undo: unknown): Promise<void>;
}

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A relation that is one column of another table (activities.contact_id, deals.account_id, ...). */
function columnMover(name: string, table: string, column: string, what: string): RelationMover {
  const t = sql.table(table);
  const c = sql.ref(column);
  return {
    name,
    async move(db, workspaceId, survivorId, mergedId) {
      const { rows } = await sql<{ id: string }>`update ${t} set ${c} = ${survivorId}
        where workspace_id = ${workspaceId} and ${c} = ${mergedId} returning id`.execute(db);
      const ids = rows.map((row) => row.id);
      return { count: ids.length, undo: { ids } };
    },
    async blocker(db, workspaceId, survivorId, undo) {
      const { ids } = undo as { ids: string[] };
      if (ids.length === 0) return null;
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from ${t}
        where workspace_id = ${workspaceId} and id = any(${uuidArray(ids)}) and ${c} = ${survivorId}`.execute(
        db,
      );
      const gone = ids.length - rows[0]!.count;
      return gone === 0
        ? null
        : `${gone} of the ${ids.length} ${what} the merge moved were changed or deleted since`;
    },
    async restore(db, workspaceId, survivorId, mergedId, undo) {
      const { ids } = undo as { ids: string[] };
      if (ids.length === 0) return;
      await sql`update ${t} set ${c} = ${mergedId}
        where workspace_id = ${workspaceId} and id = any(${uuidArray(ids)}) and ${c} = ${survivorId}`.execute(
        db,
      );
    },
  };
}

interface DealLinksUndo {
  /** Deals whose link moved from the merged contact to the survivor. */
  moved: string[];
  /** Links of the merged contact to deals the survivor was already on: deleted, kept here whole. */
  dropped: Record<string, unknown>[];
}

/** A contact's deals: links move to the survivor, except where it is on that deal already. */
const dealContactsMover: RelationMover = {
  name: 'dealContacts',
  async move(db, workspaceId, survivorId, mergedId) {
    const dropped = await sql<{ row: Record<string, unknown> }>`
      delete from deal_contacts m
      where m.workspace_id = ${workspaceId} and m.contact_id = ${mergedId}
        and exists (select 1 from deal_contacts s where s.workspace_id = m.workspace_id
          and s.deal_id = m.deal_id and s.contact_id = ${survivorId})
      returning to_jsonb(m) as row`.execute(db);
    const moved = await sql<{ dealId: string }>`update deal_contacts set contact_id = ${survivorId}
      where workspace_id = ${workspaceId} and contact_id = ${mergedId} returning deal_id`.execute(db);
    const undo: DealLinksUndo = {
      moved: moved.rows.map((row) => row.dealId),
      dropped: dropped.rows.map((row) => row.row),
    };
    return { count: undo.moved.length + undo.dropped.length, undo };
  },
  async blocker(db, workspaceId, survivorId, undo) {
    const { moved, dropped } = undo as DealLinksUndo;
    const { rows } = await sql<{ links: number; deals: number }>`select
      (select count(*)::int from deal_contacts where workspace_id = ${workspaceId}
        and contact_id = ${survivorId} and deal_id = any(${uuidArray(moved)})) as links,
      (select count(*)::int from deals where workspace_id = ${workspaceId}
        and id = any(${uuidArray(dropped.map((row) => String(row.deal_id)))})) as deals`.execute(db);
    const { links, deals } = rows[0]!;
    if (links < moved.length) return `${moved.length - links} deal links the merge moved were removed since`;
    if (deals < dropped.length)
      return `${dropped.length - deals} deals the merged contact was on were deleted since`;
    return null;
  },
  async restore(db, workspaceId, survivorId, mergedId, undo) {
    const { moved, dropped } = undo as DealLinksUndo;
    if (moved.length > 0)
      await sql`update deal_contacts set contact_id = ${mergedId} where workspace_id = ${workspaceId}
        and contact_id = ${survivorId} and deal_id = any(${uuidArray(moved)})`.execute(db);
    if (dropped.length > 0)
      await sql`insert into deal_contacts select * from jsonb_populate_recordset(null::deal_contacts,
        ${JSON.stringify(dropped)}::jsonb)`.execute(db);
  },
};

interface FieldSourcesUndo {
  /** The survivor's fields that took the merged account's value. */
  changed: string[];
  /** The survivor's source rows of the fields that took the merged record's value, as they were. */
  survivor: Record<string, unknown>[];
  /** Every source row of the merged account (deleted with it). */
  merged: Record<string, unknown>[];
}

const sourceRows = (db: Db, workspaceId: string, accountId: string) =>
  sql<{ row: Record<string, unknown> }>`select to_jsonb(s) as row from account_field_sources s
    where s.workspace_id = ${workspaceId} and s.account_id = ${accountId}`.execute(db);

const insertSourceRows = (db: Db, rows: Record<string, unknown>[]) =>
  sql`insert into account_field_sources select * from jsonb_populate_recordset(null::account_field_sources,
    ${JSON.stringify(rows)}::jsonb)`.execute(db);

/**
 * Where an account's enriched values came from: a value the survivor takes from the merged account
 * keeps its source (a person's value stays theirs, a provider's stays the provider's, so enrichment
 * neither overwrites typed data nor leaves found data alone for good).
 */
const fieldSourcesMover: RelationMover = {
  name: 'fieldSources',
  async move(db, workspaceId, survivorId, mergedId, changed) {
    const merged = (await sourceRows(db, workspaceId, mergedId)).rows.map((row) => row.row);
    const survivor = (await sourceRows(db, workspaceId, survivorId)).rows
      .map((row) => row.row)
      .filter((row) => changed.includes(String(row.field)));
    await sql`delete from account_field_sources where workspace_id = ${workspaceId}
      and account_id = ${survivorId} and field = any(${changed}::text[])`.execute(db);
    const taken = merged
      .filter((row) => changed.includes(String(row.field)))
      .map((row) => ({ ...row, account_id: survivorId }));
    if (taken.length > 0) await insertSourceRows(db, taken);
    const undo: FieldSourcesUndo = { changed, survivor, merged };
    return { count: taken.length, undo };
  },
  // Sources are bookkeeping of the values: the check that the survivor is unchanged covers them.
  async blocker() {
    return null;
  },
  async restore(db, workspaceId, survivorId, _mergedId, undo) {
    const { changed, survivor, merged } = undo as FieldSourcesUndo;
    await sql`delete from account_field_sources where workspace_id = ${workspaceId}
      and account_id = ${survivorId} and field = any(${changed}::text[])`.execute(db);
    if (survivor.length + merged.length > 0) await insertSourceRows(db, [...survivor, ...merged]);
  },
};

/** Every relation of a contact and of an account, in the order a merge moves them. */
export const relationMovers: Record<'contact' | 'account', RelationMover[]> = {
  contact: [columnMover('activities', 'activities', 'contact_id', 'activities'), dealContactsMover],
  account: [
    columnMover('contacts', 'contacts', 'account_id', 'contacts'),
    columnMover('deals', 'deals', 'account_id', 'deals'),
    columnMover('activities', 'activities', 'account_id', 'activities'),
    fieldSourcesMover,
  ],
};
