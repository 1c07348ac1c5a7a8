import type { DemoDataset } from '@baken/core/demo/demo-types';
import { type InsertObject, type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

// Rows per INSERT: big enough to make a bulk load a few dozen statements, small enough to stay far
// below PostgreSQL's 65,535 bind parameters with the widest demo table (accounts, 25 columns).
const BATCH = 500;

export function listWorkspaces(db: Kysely<DB>) {
  return db.selectFrom('workspaces').select(['id', 'name']).orderBy('createdAt').orderBy('id').execute();
}

export function findWorkspace(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('workspaces')
    .select(['id', 'name', 'currency'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Members with their role, owners first, then oldest first. */
export function membersOf(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .select(['userId', 'role'])
    .where('workspaceId', '=', workspaceId)
    .orderBy(sql`role = 'owner'`, 'desc')
    .orderBy('createdAt')
    .orderBy('userId')
    .execute();
}

/** Stages of the workspace's default pipeline (its first pipeline when none is marked), in order. */
export async function defaultPipelineStages(db: Kysely<DB>, workspaceId: string) {
  const pipeline = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspaceId', '=', workspaceId)
    .orderBy('isDefault', 'desc')
    .orderBy('position')
    .executeTakeFirst();
  if (!pipeline) return [];
  return db
    .selectFrom('stages')
    .select(['id', 'pipelineId', 'position', 'probability', 'kind'])
    .where('workspaceId', '=', workspaceId)
    .where('pipelineId', '=', pipeline.id)
    .orderBy('position')
    .execute();
}

/** When the demo was loaded into the workspace before, as its audit row says; undefined if never. */
export async function previousDemoLoad(db: Kysely<DB>, workspaceId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('auditLog')
    .select('at')
    .where('workspaceId', '=', workspaceId)
    .where('entityType', '=', 'demo')
    .orderBy('at')
    .executeTakeFirst();
  return row?.at;
}

export async function existingUserEmails(db: Kysely<DB>, emails: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where((eb) =>
      eb(
        eb.fn('lower', ['email']),
        'in',
        emails.map((email) => email.toLowerCase()),
      ),
    )
    .execute();
  return rows.map((row) => row.email);
}

export async function insertMembers(
  db: Kysely<DB>,
  workspaceId: string,
  members: { id: string; email: string; name: string; passwordHash: string; role: string }[],
): Promise<void> {
  if (members.length === 0) return;
  await db
    .insertInto('users')
    .values(
      members.map(({ id, email, name, passwordHash }) => ({ id, email, name, passwordHash, timeZone: null })),
    )
    .execute();
  await db
    .insertInto('memberships')
    .values(members.map((member) => ({ workspaceId, userId: member.id, role: member.role })))
    .execute();
}

async function insertInBatches<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: InsertObject<DB, T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + BATCH))
      .execute();
  }
}

const noCustomValues = JSON.stringify({});

/** Every record of the dataset, set-based, parents before children (the foreign keys need it). */
export async function insertDataset(
  db: Kysely<DB>,
  workspaceId: string,
  dataset: DemoDataset,
): Promise<void> {
  const owned = { workspaceId, custom: noCustomValues };
  await insertInBatches(
    db,
    'accounts',
    dataset.accounts.map((account) => ({ ...account, ...owned })),
  );
  await insertInBatches(
    db,
    'contacts',
    dataset.contacts.map((contact) => ({ ...contact, ...owned })),
  );
  await insertInBatches(
    db,
    'deals',
    dataset.deals.map((deal) => ({ ...deal, ...owned })),
  );
  await insertInBatches(
    db,
    'dealStageChanges',
    dataset.stageChanges.map((change) => ({ ...change, workspaceId })),
  );
  await insertInBatches(
    db,
    'dealContacts',
    dataset.dealContacts.map((link) => ({ ...link, workspaceId })),
  );
  await insertInBatches(
    db,
    'activities',
    dataset.activities.map((activity) => ({ ...activity, ...owned })),
  );
}

/**
 * Fresh planner statistics for the tables a load filled. PGlite has no autovacuum to do it, and
 * without them the first list queries plan as if the tables were empty. (No VACUUM: inserts leave no
 * dead rows behind.)
 */
export async function analyzeRecordTables(db: Kysely<DB>): Promise<void> {
  await sql`analyze accounts, contacts, deals, deal_stage_changes, deal_contacts, activities`.execute(db);
}
