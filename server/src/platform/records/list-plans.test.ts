import { accountFieldSpecs } from '@baken/core/accounts/account.schema';
import { activityFieldSpecs } from '@baken/core/activities/activity.schema';
import { contactFieldSpecs } from '@baken/core/contacts/contact.schema';
import { dealFieldSpecs } from '@baken/core/deals/deal.schema';
import { type Cursor, encodeCursor, type FieldSpec, type FieldSpecs } from '@baken/core/records/list-query';
import { listQuery } from '@baken/core/records/record.schema';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';
import { listAccounts } from '../../accounts/accounts.repository.ts';
import { listActivities } from '../../activities/activities.repository.ts';
import { auditFieldSpecs, listAuditEntries } from '../../audit/audit.repository.ts';
import { listContacts } from '../../contacts/contacts.repository.ts';
import { listDeals } from '../../deals/deals.repository.ts';
import type { Database } from '../db/database.ts';

// Every sort a list offers must be served by an index in order: no Sort node and no sequential scan,
// on the first page and on pages after a cursor (DESIGN.md section 7: 180 ms instead of 1 ms at 1M rows).
const WORKSPACE = '01900000-0000-7000-8000-000000000001';
const CURSOR_ID = '01900000-0000-7000-8000-0000000000ff';

type Lister = (
  db: Database['db'],
  workspaceId: string,
  query: ReturnType<typeof listQuery.parse>,
) => Promise<unknown>;

const lists: [string, string, FieldSpecs, Lister][] = [
  ['accounts', 'accounts', accountFieldSpecs, (db, ws, query) => listAccounts(db, ws, query, {})],
  ['contacts', 'contacts', contactFieldSpecs, (db, ws, query) => listContacts(db, ws, query, {})],
  ['deals', 'deals', dealFieldSpecs, (db, ws, query) => listDeals(db, ws, query, {})],
  ['activities', 'activities', activityFieldSpecs, (db, ws, query) => listActivities(db, ws, query, {})],
  ['audit log', 'audit_log', auditFieldSpecs, listAuditEntries],
];

const sampleValue: Partial<Record<FieldSpec['kind'], string | number>> = {
  text: 'M',
  number: 5,
  date: '2026-06-01',
  timestamp: '2026-06-01T12:00:00.000Z',
};

interface PlanNode {
  'Node Type': string;
  Filter?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

describe('list query plans', () => {
  let database: Database;
  const queries: { sql: string; parameters: readonly unknown[] }[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(undefined, { onQuery: (query) => queries.push(query) });
  });
  afterAll(() => database.close());

  async function plansOf(run: () => Promise<unknown>): Promise<PlanNode[]> {
    queries.length = 0;
    await run();
    const selects = [...queries];
    return database.db.connection().execute(async (connection) => {
      // Empty tables make a full scan (or a bitmap scan and a sort) look cheapest; with both off the
      // planner shows whether an index can deliver the rows in order.
      await sql`set enable_seqscan = off`.execute(connection);
      await sql`set enable_bitmapscan = off`.execute(connection);
      try {
        const plans: PlanNode[] = [];
        for (const query of selects) {
          const result = await connection.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
          );
          plans.push(result.rows[0]!['QUERY PLAN'][0].Plan);
        }
        return plans;
      } finally {
        await sql`reset enable_seqscan`.execute(connection);
        await sql`reset enable_bitmapscan`.execute(connection);
      }
    });
  }

  const filteredViews: [string, string, Lister, string[], string][] = [
    [
      'contacts',
      'contacts',
      (db, ws, query) => listContacts(db, ws, query, {}),
      [`ownerId:eq:${CURSOR_ID}`],
      'lastName',
    ],
    [
      'contacts',
      'contacts',
      (db, ws, query) => listContacts(db, ws, query, {}),
      ['lifecycleStage:eq:mql'],
      'lastName',
    ],
    [
      'contacts',
      'contacts',
      (db, ws, query) => listContacts(db, ws, query, {}),
      [`ownerId:eq:${CURSOR_ID}`, 'lifecycleStage:eq:mql'],
      'lastName',
    ],
    [
      'accounts',
      'accounts',
      (db, ws, query) => listAccounts(db, ws, query, {}),
      [`ownerId:eq:${CURSOR_ID}`],
      'name',
    ],
    [
      'deals',
      'deals',
      (db, ws, query) => listDeals(db, ws, query, {}),
      [`ownerId:eq:${CURSOR_ID}`],
      'expectedCloseDate',
    ],
    // A column of the deals board.
    [
      'deals',
      'deals',
      (db, ws, query) => listDeals(db, ws, query, {}),
      [`pipelineId:eq:${CURSOR_ID}`, `stageId:eq:${CURSOR_ID}`],
      'expectedCloseDate',
    ],
  ];
  for (const [name, table, list, filter, sort] of filteredViews) {
    it(`reads ${name} filtered by ${filter.join(' and ')} and sorted by ${sort} from one index`, async () => {
      const query = listQuery.parse({ sort, limit: 20, filter });
      const plans = await plansOf(() => list(database.db, WORKSPACE, query));
      for (const node of plans.flatMap(nodesOf)) {
        expect(node['Node Type']).not.toMatch(/Sort/);
        if (node['Relation Name'] !== table) continue;
        expect(node['Node Type']).not.toBe('Seq Scan');
        // The filters are index conditions, not a filter over rows read in sort order.
        expect(node.Filter, JSON.stringify(node)).toBeUndefined();
      }
    });
  }

  for (const [name, table, specs, list] of lists) {
    const sortable = Object.entries(specs).filter(([, spec]) => spec.sortable);
    for (const [field, spec] of sortable) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = `${direction === 'desc' ? '-' : ''}${field}`;
        it(`reads ${name} sorted by ${sort} from an index, before and after a cursor`, async () => {
          const cursors: (Cursor | null)[] = [
            null,
            { sort, value: sampleValue[spec.kind] ?? null, id: CURSOR_ID },
          ];
          if (spec.nullable) cursors.push({ sort, value: null, id: CURSOR_ID });
          for (const cursor of cursors) {
            const query = listQuery.parse({
              sort,
              limit: 20,
              ...(cursor ? { cursor: encodeCursor(cursor) } : {}),
            });
            const plans = await plansOf(() => list(database.db, WORKSPACE, query));
            expect(plans.length).toBeGreaterThan(0);
            for (const node of plans.flatMap(nodesOf)) {
              const where = `${sort}, cursor ${JSON.stringify(cursor?.value)}: ${node['Node Type']}`;
              expect(node['Node Type'], where).not.toMatch(/Sort/);
              if (node['Relation Name'] === table) expect(node['Node Type'], where).not.toBe('Seq Scan');
            }
          }
        });
      }
    }
  }
});
