import { MIN_SCORE, scoreAccounts, scoreContacts } from '@baken/core/duplicates/duplicate-score';
import type { AppContext } from '../platform/context.ts';
import { defineJob } from '../platform/jobs/jobs.ts';
import {
  accountCandidates,
  accountPairSignals,
  type CandidatePair,
  contactCandidates,
  contactPairSignals,
} from './duplicate-scan.repository.ts';
import {
  findScan,
  type RecordType,
  removeUnseenPairs,
  type ScoredPair,
  updateScan,
  upsertPairs,
} from './duplicates.repository.ts';

/** Pairs measured and stored per statement: small steps, so other requests get the database in between. */
const CHUNK = 5000;

/** Finds the candidate pairs of one record type, signal by signal (one statement each). */
async function candidatesOf(
  ctx: AppContext,
  workspaceId: string,
  recordType: RecordType,
  phase: (name: string) => Promise<void>,
): Promise<CandidatePair[]> {
  const finders = recordType === 'contact' ? contactCandidates : accountCandidates;
  const pairs = new Map<string, CandidatePair>();
  for (const [name, find] of Object.entries(finders)) {
    await phase(`${recordType}:${name}`);
    for (const pair of await find(ctx.db, workspaceId)) pairs.set(`${pair.a}:${pair.b}`, pair);
  }
  return [...pairs.values()];
}

async function scored(
  ctx: AppContext,
  workspaceId: string,
  recordType: RecordType,
  chunk: CandidatePair[],
): Promise<ScoredPair[]> {
  const verdicts =
    recordType === 'contact'
      ? (await contactPairSignals(ctx.db, workspaceId, chunk)).map((pair) => ({
          pair,
          ...scoreContacts(pair),
        }))
      : (await accountPairSignals(ctx.db, workspaceId, chunk)).map((pair) => ({
          pair,
          ...scoreAccounts(pair),
        }));
  return verdicts
    .filter((verdict) => verdict.score >= MIN_SCORE)
    .map(({ pair, score, reasons, exact }) => ({
      id: ctx.newId(),
      a: pair.a,
      b: pair.b,
      score,
      reasons,
      exact,
    }));
}

/**
 * A full scan of a workspace: candidates per signal, then every signal of each candidate pair
 * scored by core's rules, stored in chunks; open pairs no longer found are removed. Safe to run
 * again from the start after a crash: pairs are upserted by their two records.
 */
export async function runDuplicateScan(ctx: AppContext, workspaceId: string, scanId: string): Promise<void> {
  const scan = await findScan(ctx.db, workspaceId, scanId);
  if (!scan || scan.status === 'done' || scan.status === 'failed') return;
  const phase = (name: string) => updateScan(ctx.db, workspaceId, scanId, { status: 'running', phase: name });
  let found = 0;
  for (const recordType of scan.recordTypes) {
    const candidates = await candidatesOf(ctx, workspaceId, recordType, phase);
    await phase(`${recordType}:score`);
    for (let start = 0; start < candidates.length; start += CHUNK) {
      const pairs = await scored(ctx, workspaceId, recordType, candidates.slice(start, start + CHUNK));
      await upsertPairs(ctx.db, workspaceId, recordType, scanId, ctx.now(), pairs);
      found += pairs.length;
    }
    await removeUnseenPairs(ctx.db, workspaceId, recordType, scanId);
  }
  await updateScan(ctx.db, workspaceId, scanId, {
    status: 'done',
    phase: null,
    pairsFound: found,
    finishedAt: ctx.now(),
  });
}

export const duplicateScanJob = defineJob<{ workspaceId: string; scanId: string }>({
  name: 'duplicate-scan',
  retryLimit: 1,
  async run(job) {
    await runDuplicateScan(job.ctx, job.data.workspaceId, job.data.scanId);
  },
  async failed(ctx, data, error) {
    await updateScan(ctx.db, data.workspaceId, data.scanId, {
      status: 'failed',
      error: error.message.slice(0, 500),
      finishedAt: ctx.now(),
    });
  },
});
