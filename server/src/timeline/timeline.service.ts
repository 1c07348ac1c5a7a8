import { decodeCursor, encodeCursor } from '@baken/core/records/list-query';
import { accountService } from '../accounts/accounts.service.ts';
import { contactService } from '../contacts/contacts.service.ts';
import { dealService } from '../deals/deals.service.ts';
import type { RequestContext } from '../platform/context.ts';
import { type TimelineSubject, timelineOf } from './timeline.repository.ts';

const services = { contact: contactService, account: accountService, deal: dealService };
const timelineSort = { field: 'at', spec: { kind: 'timestamp' as const }, direction: 'desc' as const };

export async function timeline(
  ctx: RequestContext,
  subject: TimelineSubject,
  id: string,
  query: { limit: number; cursor?: string | undefined },
) {
  await services[subject].get(ctx, id); // 404 unless the record is in this workspace
  const cursor = query.cursor ? decodeCursor(query.cursor, timelineSort) : null;
  const rows = await timelineOf(
    ctx.db,
    ctx.actor.workspaceId,
    subject,
    id,
    cursor ? { at: String(cursor.value), id: cursor.id } : null,
    query.limit + 1,
  );
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
