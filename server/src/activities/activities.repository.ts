import { activityFieldSpecs } from '@baken/core/activities/activity.schema';
import type { FieldSpecs } from '@baken/core/records/list-query';
import type { ListQuery } from '@baken/core/records/record.schema';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { listPage } from '../platform/records/list-page.ts';
import { tableStore } from '../platform/records/table-store.ts';

export const activityStore = tableStore('activities', 'activity', 'Activity');

export function listActivities(
  db: Kysely<DB>,
  workspaceId: string,
  query: ListQuery,
  customSpecs: FieldSpecs,
) {
  const base = db
    .selectFrom('activities')
    .selectAll('activities')
    .where('activities.workspaceId', '=', workspaceId);
  return listPage(base, query, {
    table: 'activities',
    specs: activityFieldSpecs,
    customSpecs,
    defaultSort: '-occurredAt',
    search: null,
  });
}
