import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export function listPipelines(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findPipeline(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findDefaultPipeline(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .orderBy('isDefault', 'desc')
    .orderBy('position')
    .executeTakeFirst();
}

export function stagesOf(db: Kysely<DB>, workspaceId: string, pipelineIds: string[]) {
  if (pipelineIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('stages')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('pipelineId', 'in', pipelineIds)
    .orderBy('position')
    .execute();
}

export function findStage(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPipeline(
  db: Kysely<DB>,
  pipeline: { workspaceId: string; id: string; name: string; position: number; isDefault: boolean },
): Promise<void> {
  await db.insertInto('pipelines').values(pipeline).execute();
}

export async function updatePipeline(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: { name?: string; isDefault?: boolean; updatedAt: Date },
): Promise<void> {
  await db
    .updateTable('pipelines')
    .set(patch)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function clearDefaultPipeline(db: Kysely<DB>, workspaceId: string): Promise<void> {
  await db
    .updateTable('pipelines')
    .set({ isDefault: false })
    .where('workspaceId', '=', workspaceId)
    .where('isDefault', '=', true)
    .execute();
}

export async function deletePipeline(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('pipelines').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function maxPipelinePosition(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('pipelines')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
  return row?.position ?? -1;
}

export async function upsertStages(
  db: Kysely<DB>,
  stages: {
    workspaceId: string;
    id: string;
    pipelineId: string;
    name: string;
    position: number;
    probability: number;
    kind: 'open' | 'won' | 'lost';
  }[],
  now: Date,
): Promise<void> {
  if (stages.length === 0) return;
  await db
    .insertInto('stages')
    .values(stages)
    .onConflict((conflict) =>
      conflict.columns(['workspaceId', 'id']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        position: eb.ref('excluded.position'),
        probability: eb.ref('excluded.probability'),
        kind: eb.ref('excluded.kind'),
        updatedAt: now,
      })),
    )
    .execute();
}

export async function deleteStages(db: Kysely<DB>, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('stages').where('workspaceId', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function countDeals(db: Kysely<DB>, workspaceId: string, pipelineId: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspaceId', '=', workspaceId)
    .where('pipelineId', '=', pipelineId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
