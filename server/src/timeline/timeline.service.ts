import { decodeCursor, encodeCursor } from '@baken/core/records/list-query';
import type { RequestContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { type TimelineSubject, timelineOf } from './timeline.repository.ts';

const labels = { contact: 'Contact', account: 'Account', deal: 'Deal' };
const timelineSort = { field: 'at', spec: { kind: 'timestamp' as const }, direction: 'desc' as const };

export async function timeline(
  ctx: RequestContext,
  subject: TimelineSubject,
  id: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const cursor = query.cursor ? decodeCursor(query.cursor, timelineSort) : null;
  const rows = await timelineOf(
    ctx.db,
    ctx.actor.workspaceId,
    subject,
    id,
    cursor ? { at: String(cursor.value), id: cursor.id } : null,
    query.limit + 1,
  );
  if (!rows) throw notFound(labels[subject]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ kind: row.kind, id: row.id, at: row.at.toISOString(), data: row.data })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: '-at', value: last.at.toISOString(), id: last.id })
        : null,
  };
}
