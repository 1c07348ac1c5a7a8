import { atLeast } from '@baken/core/platform/roles';
import { icpFit, suggestionsFromCounts } from '@baken/core/scoring/icp';
import { criterionOf, type Icp, type prospectListQuery } from '@baken/core/scoring/icp.schema';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { accountStore } from '../accounts/accounts.repository.ts';
import { audit } from '../platform/audit/audit.ts';
import type { AppContext, RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, invalidField, notFound } from '../platform/errors.ts';
import { decodePairCursor, encodePairCursor } from '../platform/http/pair-cursor.ts';
import { defineJob, enqueue } from '../platform/jobs/jobs.ts';
import {
  accountCustomTypes,
  attributeCounts,
  averageWonDeal,
  findIcp,
  matchingAccountsBySegment,
  matchingRegisterBySegment,
  prospects,
  registerSize,
  rescoreAccounts,
  saveIcp,
  workspacesWithStaleFit,
} from './icp.repository.ts';
import { registerCriteria } from './icp-sql.ts';

/** Scores the workspace's companies (all, or those gone stale) by its profile, if it has one. */
async function refreshFit(db: Kysely<DB>, workspaceId: string, now: Date, which: 'all' | 'stale') {
  const row = await findIcp(db, workspaceId);
  if (!row) return 0;
  return rescoreAccounts(db, workspaceId, row.profile, await accountCustomTypes(db, workspaceId), now, which);
}

/** Every company scored again after the profile changed: one statement, in one transaction. */
export const accountFitJob = defineJob<{ workspaceId: string }>({
  name: 'account-fit',
  async run({ ctx, data }) {
    await ctx.db.transaction().execute((trx) => refreshFit(trx, data.workspaceId, ctx.now(), 'all'));
  },
});

/** Once a minute: companies added or changed since (their score went stale) are scored again. */
export const accountFitSweepJob = defineJob<Record<string, never>>({
  name: 'account-fit-sweep',
  everyMinutes: 1,
  retryLimit: 0,
  async run({ ctx }) {
    await sweepStaleFit(ctx);
  },
});

export async function sweepStaleFit(ctx: AppContext): Promise<void> {
  for (const workspaceId of await workspacesWithStaleFit(ctx.db)) {
    await ctx.db.transaction().execute((trx) => refreshFit(trx, workspaceId, ctx.now(), 'stale'));
  }
}

export async function idealCustomerProfile(ctx: RequestContext) {
  const row = await findIcp(ctx.db, ctx.actor.workspaceId);
  return { icp: row?.profile ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Saves the profile (managers and above) and scores every company again in the background. */
export async function saveIdealCustomerProfile(ctx: RequestContext, icp: Icp) {
  if (!atLeast(ctx.actor.role, 'manager'))
    throw new AppError(
      'forbidden',
      'Changing the ideal customer profile takes a manager, an admin or the owner.',
    );
  const { workspaceId, userId } = ctx.actor;
  const custom = await accountCustomTypes(ctx.db, workspaceId);
  icp.criteria.forEach((criterion, index) => {
    if (criterion.field.startsWith('custom.') && !custom.has(criterion.field.slice('custom.'.length)))
      throw invalidField(`criteria.${index}.field`, 'No company custom field has this key.');
  });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findIcp(trx, workspaceId);
    await saveIcp(trx, { workspaceId, profile: icp, updatedAt: now, updatedBy: userId });
    await enqueue(trx, accountFitJob, { workspaceId }, { key: `${workspaceId}:${now.toISOString()}` });
    await audit(ctx, trx, 'update', 'icp', workspaceId, { icp: { from: before?.profile ?? null, to: icp } });
  });
  return idealCustomerProfile(ctx);
}

/** A company's fit with the criteria it meets and misses, computed now from its fields. */
export async function accountFit(ctx: RequestContext, accountId: string) {
  const { workspaceId } = ctx.actor;
  const [account, row] = await Promise.all([
    accountStore.find(ctx.db, workspaceId, accountId),
    findIcp(ctx.db, workspaceId),
  ]);
  if (!account) throw notFound('Account');
  if (!row) return { accountId, score: null, matches: false, reasons: [] };
  const fit = icpFit(row.profile.criteria, account);
  return {
    accountId,
    score: fit.score,
    matches: fit.score >= row.profile.fitThreshold,
    reasons: fit.reasons,
  };
}

/** The data-driven profile: traits over-represented among the customers worth the most. */
export async function icpSuggestions(ctx: RequestContext) {
  const { counts, totals } = await attributeCounts(ctx.db, ctx.actor.workspaceId);
  return {
    accounts: totals.all,
    customers: totals.customers,
    bestCustomers: totals.best,
    suggestions: suggestionsFromCounts(counts, totals).map((suggestion) => ({
      ...suggestion,
      criterion: criterionOf(suggestion),
    })),
  };
}

/**
 * The total addressable market: companies matching the profile in the database and in the company
 * register, per industry section, valued at the average won deal.
 */
export async function totalAddressableMarket(ctx: RequestContext) {
  const { workspaceId } = ctx.actor;
  const row = await findIcp(ctx.db, workspaceId);
  if (!row) throw new AppError('conflict', 'Set up the ideal customer profile first.');
  const icp = row.profile;
  // Companies changed in the last minute are scored now, so the count is current.
  await ctx.db.transaction().execute((trx) => refreshFit(trx, workspaceId, ctx.now(), 'stale'));
  const hasRegister = (await registerSize(ctx.db)) > 0;
  const [average, database, register] = await Promise.all([
    averageWonDeal(ctx.db, workspaceId),
    matchingAccountsBySegment(ctx.db, workspaceId, icp.fitThreshold),
    hasRegister ? matchingRegisterBySegment(ctx.db, icp) : Promise.resolve([]),
  ]);
  const segments = [...new Set([...database, ...register].map((entry) => entry.segment))];
  const countIn = (rows: { segment: string | null; count: number }[], segment: string | null) =>
    rows.find((entry) => entry.segment === segment)?.count ?? 0;
  const sum = (rows: { count: number }[]) => rows.reduce((total, entry) => total + entry.count, 0);
  return {
    fitThreshold: icp.fitThreshold,
    averageDealValue: average,
    database: { accounts: sum(database), estimatedValue: sum(database) * average },
    register: hasRegister
      ? {
          companies: sum(register),
          estimatedValue: sum(register) * average,
          criteriaUsed: registerCriteria(icp.criteria).map((criterion) => criterion.id),
        }
      : null,
    bySegment: segments
      .map((segment) => {
        const accounts = countIn(database, segment);
        const registerCompanies = countIn(register, segment);
        return {
          segment,
          accounts,
          registerCompanies,
          estimatedValue: Math.max(accounts, registerCompanies) * average,
        };
      })
      .sort(
        (a, b) => b.estimatedValue - a.estimatedValue || (a.segment ?? '').localeCompare(b.segment ?? ''),
      ),
  };
}

function afterCursor(raw: string | undefined) {
  if (!raw) return undefined;
  const { value, id } = decodePairCursor(raw);
  if (!Number.isFinite(Number(value)))
    throw invalidField('cursor', 'This cursor is not valid: use the nextCursor of a previous page.');
  return { value: Number(value), id };
}

/** Prospect list: matching companies without an open deal, best fit or most engaged first. */
export async function prospectList(ctx: RequestContext, query: z.output<typeof prospectListQuery>) {
  const { workspaceId } = ctx.actor;
  const row = await findIcp(ctx.db, workspaceId);
  if (!row) return { data: [], nextCursor: null };
  const rows = await prospects(ctx.db, workspaceId, row.profile.fitThreshold, {
    sort: query.sort,
    limit: query.limit + 1,
    after: afterCursor(query.cursor),
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page,
    nextCursor:
      rows.length > query.limit && last
        ? encodePairCursor(query.sort === 'fit' ? last.fit : last.engagement, last.id)
        : null,
  };
}
