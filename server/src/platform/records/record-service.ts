import type { RecordType } from '@baken/core/custom-fields/custom-field.schema';
import { customFieldSpecs } from '@baken/core/custom-fields/custom-field-values';
import type { FieldSpecs } from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import type { Kysely } from 'kysely';
import { definitionsOf } from '../../custom-fields/custom-fields.service.ts';
import type { RequestContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Page } from './list-page.ts';
import {
  createRecord,
  deleteRecord,
  type RecordStore,
  updateRecord,
  type WriteHooks,
} from './record-writes.ts';
import { toApi } from './serialize.ts';

type Row = { id: string; ownerId: string | null; custom: Record<string, unknown> } & Record<string, unknown>;
type Lister<R> = (
  db: Kysely<DB>,
  workspaceId: string,
  query: ListQuery,
  customSpecs: FieldSpecs,
) => Promise<Page<R>>;

/** List, read, create, change and delete of one record type, with its feature's write rules as hooks. */
export function recordService<R extends Row, Create extends object, Update extends object>(
  store: RecordStore<R> & { entityType: RecordType },
  listRows: Lister<R>,
  hooks: WriteHooks<R> = {},
) {
  return {
    async list(ctx: RequestContext, query: ListQuery) {
      const definitions = await definitionsOf(ctx.db, ctx.actor.workspaceId, store.entityType);
      const page = await listRows(ctx.db, ctx.actor.workspaceId, query, customFieldSpecs(definitions));
      return { data: page.rows.map(toApi), nextCursor: page.nextCursor };
    },
    async get(ctx: RequestContext, id: string) {
      const row = await store.find(ctx.db, ctx.actor.workspaceId, id);
      if (!row) throw notFound(store.label);
      return toApi(row);
    },
    async create(ctx: RequestContext, input: Create) {
      return toApi(await createRecord(ctx, store, input as Record<string, unknown>, hooks));
    },
    async update(ctx: RequestContext, id: string, input: Update) {
      return toApi(await updateRecord(ctx, store, id, input as Record<string, unknown>, hooks));
    },
    async remove(ctx: RequestContext, id: string) {
      await deleteRecord(ctx, store, id);
    },
  };
}
