import type { RecordType } from '@baken/core/custom-fields/custom-field.schema';
import { customFieldSpecs } from '@baken/core/custom-fields/custom-field-values';
import type { FieldSpecs } from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import { InputError } from '@baken/core/shared/input-error';
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

type Row = { id: string; ownerId: string | null; custom: Record<string, unknown> } & Record<string, unknown>;
type Lister<R> = (
  db: Kysely<DB>,
  workspaceId: string,
  query: ListQuery,
  customSpecs: FieldSpecs,
) => Promise<Page<R>>;

/**
 * List, read, create, change and delete of one record type, with its feature's write rules as hooks.
 * Rows go to the reply as read: the route's compiled response serializer writes only the fields of
 * the response schema (no workspace id or search column) and Dates as ISO strings.
 */
export function recordService<R extends Row, Create extends object, Update extends object>(
  store: RecordStore<R> & { entityType: RecordType },
  listRows: Lister<R>,
  hooks: WriteHooks<R> = {},
) {
  return {
    async list(ctx: RequestContext, query: ListQuery) {
      const { workspaceId } = ctx.actor;
      const withCustomFields = async () =>
        listRows(
          ctx.db,
          workspaceId,
          query,
          customFieldSpecs(await definitionsOf(ctx, ctx.db, store.entityType)),
        );
      // Only a filter on `custom.<key>` needs the custom field definitions; other lists skip that read.
      // A filter on an unknown field is refused before any query runs; it is parsed again with the
      // definitions so that the message lists the custom fields too.
      const filters = query.filter === undefined ? [] : [query.filter].flat();
      let page: Page<R>;
      if (filters.some((filter) => filter.startsWith('custom.'))) page = await withCustomFields();
      else {
        try {
          page = await listRows(ctx.db, workspaceId, query, {});
        } catch (error) {
          if (!(error instanceof InputError && error.field === 'filter')) throw error;
          page = await withCustomFields();
        }
      }
      return { data: page.rows, nextCursor: page.nextCursor };
    },
    async get(ctx: RequestContext, id: string) {
      const row = await store.find(ctx.db, ctx.actor.workspaceId, id);
      if (!row) throw notFound(store.label);
      return row;
    },
    async create(ctx: RequestContext, input: Create) {
      return createRecord(ctx, store, input as Record<string, unknown>, hooks);
    },
    async update(ctx: RequestContext, id: string, input: Update) {
      return updateRecord(ctx, store, id, input as Record<string, unknown>, hooks);
    },
    async remove(ctx: RequestContext, id: string) {
      await deleteRecord(ctx, store, id);
    },
  };
}
