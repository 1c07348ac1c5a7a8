import {
  defaultPipeline,
  type pipelineCreateInput,
  type pipelineUpdateInput,
} from '@baken/core/pipelines/pipeline.schema';
import { canManageWorkspace } from '@baken/core/platform/roles';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { readCache } from '../platform/db/read-cache.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, notFound } from '../platform/errors.ts';
import {
  clearDefaultPipeline,
  countDeals,
  deletePipeline,
  deleteStages,
  findDefaultPipeline,
  findPipeline,
  findStage,
  insertPipeline,
  listPipelines,
  maxPipelinePosition,
  stagesOf,
  updatePipeline,
  upsertStages,
} from './pipelines.repository.ts';

type StageInput = {
  id?: string | undefined;
  name: string;
  probability: number;
  kind?: 'open' | 'won' | 'lost' | undefined;
};

function assertCanConfigure(ctx: RequestContext): void {
  if (!canManageWorkspace(ctx.actor.role))
    throw new AppError('forbidden', 'Only admins can change pipelines.');
}

async function withStages(
  db: Kysely<DB>,
  workspaceId: string,
  pipelines: Awaited<ReturnType<typeof listPipelines>>,
) {
  const stages = await stagesOf(
    db,
    workspaceId,
    pipelines.map((pipeline) => pipeline.id),
  );
  return pipelines.map((pipeline) => ({
    id: pipeline.id,
    name: pipeline.name,
    position: pipeline.position,
    isDefault: pipeline.isDefault,
    stages: stages
      .filter((stage) => stage.pipelineId === pipeline.id)
      .map((stage) => ({
        id: stage.id,
        name: stage.name,
        position: stage.position,
        probability: stage.probability,
        kind: stage.kind,
      })),
    createdAt: pipeline.createdAt.toISOString(),
    updatedAt: pipeline.updatedAt.toISOString(),
  }));
}

export async function pipelines(ctx: RequestContext) {
  return withStages(ctx.db, ctx.actor.workspaceId, await listPipelines(ctx.db, ctx.actor.workspaceId));
}

export async function pipeline(ctx: RequestContext, id: string, db: Kysely<DB> = ctx.db) {
  const row = await findPipeline(db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Pipeline');
  const [result] = await withStages(db, ctx.actor.workspaceId, [row]);
  return result!;
}

async function writeStages(
  ctx: RequestContext,
  trx: Kysely<DB>,
  pipelineId: string,
  stages: StageInput[],
): Promise<void> {
  await upsertStages(
    trx,
    stages.map((stage, position) => ({
      workspaceId: ctx.actor.workspaceId,
      id: stage.id ?? ctx.newId(),
      pipelineId,
      name: stage.name,
      position,
      probability: stage.probability,
      kind: stage.kind ?? 'open',
    })),
    ctx.now(),
  );
}

async function insertPipelineWithStages(
  ctx: RequestContext,
  trx: Kysely<DB>,
  input: { name: string; isDefault?: boolean | undefined; stages: readonly StageInput[] },
) {
  const id = ctx.newId();
  const isFirst = (await maxPipelinePosition(trx, ctx.actor.workspaceId)) < 0;
  const isDefault = isFirst || input.isDefault === true;
  if (isDefault) await clearDefaultPipeline(trx, ctx.actor.workspaceId);
  await insertPipeline(trx, {
    workspaceId: ctx.actor.workspaceId,
    id,
    name: input.name,
    position: (await maxPipelinePosition(trx, ctx.actor.workspaceId)) + 1,
    isDefault,
  });
  await writeStages(ctx, trx, id, [...input.stages]);
  await audit(ctx, trx, 'create', 'pipeline', id, {
    name: input.name,
    isDefault,
    stages: input.stages.map((stage) => stage.name),
  });
  return pipeline(ctx, id, trx);
}

/** Called by first-run setup: every workspace starts with the default B2B pipeline. */
export async function createDefaultPipeline(ctx: RequestContext, trx: Kysely<DB>) {
  return insertPipelineWithStages(ctx, trx, defaultPipeline);
}

export async function createPipeline(ctx: RequestContext, input: z.output<typeof pipelineCreateInput>) {
  assertCanConfigure(ctx);
  return ctx.db.transaction().execute((trx) => insertPipelineWithStages(ctx, trx, input));
}

export async function changePipeline(
  ctx: RequestContext,
  id: string,
  input: z.output<typeof pipelineUpdateInput>,
) {
  assertCanConfigure(ctx);
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const before = await pipeline(ctx, id, trx);
    if (input.isDefault) await clearDefaultPipeline(trx, ctx.actor.workspaceId);
    await updatePipeline(trx, ctx.actor.workspaceId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.isDefault ? { isDefault: true } : {}),
      updatedAt: ctx.now(),
    });
    if (input.stages) {
      const known = new Set(before.stages.map((stage) => stage.id));
      const foreign = input.stages.findIndex((stage) => stage.id !== undefined && !known.has(stage.id));
      if (foreign >= 0) {
        throw new AppError('invalid', `stages.${foreign}.id: this stage is not part of the pipeline.`, [
          {
            field: `stages.${foreign}.id`,
            message: 'This stage is not part of the pipeline; leave the id out to add a stage.',
          },
        ]);
      }
      const kept = new Set(input.stages.map((stage) => stage.id).filter(Boolean));
      // Deals in a removed stage make the delete fail on its foreign key: answered as a 409 conflict.
      await deleteStages(
        trx,
        ctx.actor.workspaceId,
        before.stages.filter((stage) => !kept.has(stage.id)).map((stage) => stage.id),
      );
      await writeStages(ctx, trx, id, input.stages);
    }
    const after = await pipeline(ctx, id, trx);
    await audit(ctx, trx, 'update', 'pipeline', id, {
      ...(input.name !== undefined ? { name: { from: before.name, to: after.name } } : {}),
      ...(input.isDefault ? { isDefault: { from: before.isDefault, to: true } } : {}),
      ...(input.stages ? { stages: { from: before.stages, to: after.stages } } : {}),
    });
    return after;
  });
  stageCache(ctx).forget();
  return changed;
}

export async function removePipeline(ctx: RequestContext, id: string): Promise<void> {
  assertCanConfigure(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await pipeline(ctx, id, trx);
    if (before.isDefault)
      throw new AppError(
        'conflict',
        'This is the default pipeline: make another pipeline the default first.',
      );
    const deals = await countDeals(trx, ctx.actor.workspaceId, id);
    if (deals > 0)
      throw new AppError('conflict', `This pipeline still holds ${deals} deals: move or delete them first.`);
    await deletePipeline(trx, ctx.actor.workspaceId, id);
    await audit(ctx, trx, 'delete', 'pipeline', id, {
      name: before.name,
      stages: before.stages.map((stage) => stage.name),
    });
  });
  stageCache(ctx).forget();
}

const stageCache = (ctx: RequestContext) => readCache(ctx.db, 'stages');

/**
 * A stage of the workspace, for features that place records in a pipeline (deals). Read through a
 * short cache (READ_CACHE_MS) that every pipeline change in this process clears once committed;
 * `db` is the handle to read with (a transaction, or ctx.db).
 */
export function stageById(ctx: RequestContext, db: Kysely<DB>, id: string) {
  return stageCache(ctx).lookup(`${ctx.actor.workspaceId}:${id}`, () =>
    findStage(db, ctx.actor.workspaceId, id),
  );
}

/**
 * Where a new deal enters a pipeline (the default one when none is given): its first open stage.
 * Undefined when the workspace has no such pipeline.
 */
export async function entryStage(db: Kysely<DB>, workspaceId: string, pipelineId?: string) {
  const pipeline = pipelineId ?? (await findDefaultPipeline(db, workspaceId))?.id;
  if (!pipeline) return undefined;
  return (await stagesOf(db, workspaceId, [pipeline])).find((stage) => stage.kind === 'open');
}
