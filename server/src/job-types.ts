import { duplicateScanJob } from './duplicates/duplicate-scan.job.ts';
import { enrichAccountsJob } from './enrichment/enrichment-job.ts';
import { accountFitJob, accountFitSweepJob } from './icp/icp.service.ts';
import { importJob } from './imports/import-job.ts';
import { slaSweepJob } from './leads/sla.job.ts';
import type { JobType } from './platform/jobs/jobs.ts';
import { dailyRescoreJob, rescoreJob } from './scoring/rescore.job.ts';

/** Every kind of background job; `baken start` works their queues (add a feature's job type here). */
// biome-ignore lint/suspicious/noExplicitAny: job types of any payload.
export const jobTypes: JobType<any>[] = [
  importJob,
  enrichAccountsJob,
  duplicateScanJob,
  rescoreJob,
  dailyRescoreJob,
  slaSweepJob,
  accountFitJob,
  accountFitSweepJob,
];
