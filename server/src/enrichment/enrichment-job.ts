// Enrichment of many accounts at once (a list of ids, or every account a list filter selects) as a
// durable background job. It acts as the system: audit rows carry no user, the field sources name the
// user who started it. Progress is checkpointed after every page, so a job that runs again after a
// crash or a restart goes on after the last page it finished.

import type { EnrichableField } from '@baken/core/enrichment/enrichment.schema';
import { atLeast } from '@baken/core/platform/roles';
import { accountService } from '../accounts/accounts.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { AppContext, RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { bossOver, defineJob, enqueue, jobStatus } from '../platform/jobs/jobs.ts';
import { finishedRunCounts } from './enrichment.repository.ts';
import { assertEnrichmentConfigured, enrichAccount } from './enrichment.service.ts';

export interface EnrichSelection {
  ids?: string[];
  filter?: string[];
  q?: string;
}

export interface EnrichJobData {
  workspaceId: string;
  requestedBy: string;
  selection: EnrichSelection;
  overwrite?: boolean | EnrichableField[];
}

export interface EnrichProgress {
  /** Where the next page starts: an index into `ids`, or the list cursor. */
  next: number | string | null;
  done: number;
  changed: number;
  failed: number;
  finished: boolean;
}

const PAGE = 25;
/** Sites are read a few at a time: the work waits on the network, not on this server. */
const AT_ONCE = 4;

/** The context a background run acts in: the workspace, no user (audit rows say "system"), full rights. */
function systemContext(ctx: AppContext, workspaceId: string): RequestContext {
  return {
    ...ctx,
    actor: {
      workspaceId,
      userId: null as unknown as string,
      role: 'owner',
      via: 'token',
      tokenId: null,
      sessionId: null,
      scope: 'read_write',
    },
  };
}

async function nextPage(ctx: RequestContext, selection: EnrichSelection, next: number | string | null) {
  if (selection.ids) {
    const start = typeof next === 'number' ? next : 0;
    const ids = selection.ids.slice(start, start + PAGE);
    return { ids, next: start + PAGE < selection.ids.length ? start + PAGE : null };
  }
  const page = await accountService.list(ctx, {
    limit: PAGE,
    sort: 'createdAt',
    ...(selection.filter ? { filter: selection.filter } : {}),
    ...(selection.q ? { q: selection.q } : {}),
    ...(typeof next === 'string' ? { cursor: next } : {}),
  });
  return { ids: page.data.map((row) => row.id as string), next: page.nextCursor };
}

/**
 * The bulk runner: enriches every selected account, page by page, from `progress` on. `checkpoint` is
 * called after each page; `signal` stops it between pages. An account that fails (its site is down)
 * is counted and skipped; one deleted meanwhile is skipped silently.
 */
export async function enrichSelection(
  appCtx: AppContext,
  data: EnrichJobData,
  progress: EnrichProgress | null,
  checkpoint: (progress: EnrichProgress) => Promise<void>,
  signal?: AbortSignal,
): Promise<EnrichProgress> {
  const ctx = systemContext(appCtx, data.workspaceId);
  let state: EnrichProgress = progress ?? { next: null, done: 0, changed: 0, failed: 0, finished: false };
  while (!state.finished && !signal?.aborted) {
    const page = await nextPage(ctx, data.selection, state.next);
    let changed = 0;
    let failed = 0;
    for (let at = 0; at < page.ids.length; at += AT_ONCE) {
      await Promise.all(
        page.ids.slice(at, at + AT_ONCE).map(async (id) => {
          try {
            const result = await enrichAccount(ctx, id, {
              overwrite: data.overwrite,
              requestedBy: data.requestedBy,
            });
            if (result.fields.some((field) => field.outcome === 'applied')) changed++;
            const statuses = result.providers.map((provider) => provider.status);
            if (statuses.includes('failed') && !statuses.includes('found')) failed++;
          } catch (error) {
            if (!(error instanceof AppError && error.kind === 'not_found')) failed++;
          }
        }),
      );
    }
    state = {
      next: page.next,
      done: state.done + page.ids.length,
      changed: state.changed + changed,
      failed: state.failed + failed,
      finished: page.next === null,
    };
    await checkpoint(state);
  }
  return state;
}

export const enrichAccountsJob = defineJob<EnrichJobData>({
  name: 'enrich-accounts',
  retryLimit: 2,
  concurrency: 1,
  async run(job) {
    const earlier = (await jobStatus(job.ctx.db, enrichAccountsJob, job.id))?.output as EnrichProgress | null;
    const state = await enrichSelection(
      job.ctx,
      job.data,
      earlier && 'done' in earlier ? earlier : null,
      (progress) => job.progress({ ...progress }),
      job.signal,
    );
    // The job's progress value is gone once it completes; the audit row of the run keeps the counts.
    if (state.finished) {
      const ctx = systemContext(job.ctx, job.data.workspaceId);
      await ctx.db.transaction().execute((trx) =>
        audit(ctx, trx, 'update', 'enrichment_run', job.id, {
          done: { from: null, to: state.done },
          changed: { from: null, to: state.changed },
          failed: { from: null, to: state.failed },
        }),
      );
    }
  },
});

/** Starts a background enrichment: managers and above, since it changes accounts of every owner. */
export async function startBulkEnrichment(
  ctx: RequestContext,
  selection: EnrichSelection,
  overwrite?: boolean | EnrichableField[],
): Promise<{ id: string }> {
  if (!atLeast(ctx.actor.role, 'manager'))
    throw new AppError(
      'forbidden',
      'Enriching many accounts at once takes a manager, an admin or the owner.',
    );
  assertEnrichmentConfigured(ctx);
  const data: EnrichJobData = {
    workspaceId: ctx.actor.workspaceId,
    requestedBy: ctx.actor.userId,
    selection,
    ...(overwrite !== undefined ? { overwrite } : {}),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await enqueue(trx, enrichAccountsJob, data);
    await audit(ctx, trx, 'create', 'enrichment_run', id, { selection, overwrite: overwrite ?? false });
    return { id };
  });
}

/** How far a background enrichment of this workspace is; another workspace's run is not found. */
export async function bulkEnrichmentStatus(ctx: RequestContext, id: string) {
  const job = await bossOver(ctx.db).getJobById<EnrichJobData>(enrichAccountsJob.name, id, {
    includeArchive: true,
  });
  if (!job || job.data.workspaceId !== ctx.actor.workspaceId) throw notFound('Enrichment run');
  const status = await jobStatus(ctx.db, enrichAccountsJob, id);
  const progress: Partial<EnrichProgress> =
    (status?.state === 'completed' ? await finishedRunCounts(ctx.db, ctx.actor.workspaceId, id) : null) ??
    ((status?.output ?? {}) as Partial<EnrichProgress>);
  return {
    id,
    state: status?.state ?? 'created',
    done: progress.done ?? 0,
    changed: progress.changed ?? 0,
    failed: progress.failed ?? 0,
    total: job.data.selection.ids?.length ?? null,
  };
}
