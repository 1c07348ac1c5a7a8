import type { Client, TestApp } from '../../test/harness.ts';
import { JobRunner } from '../platform/jobs/job-runner.ts';
import { duplicateScanJob } from './duplicate-scan.job.ts';

/** Runs the queued duplicate scans now, as `baken start`'s job runner would. */
export async function drainScans(test: TestApp): Promise<void> {
  await new JobRunner(test.ctx, [duplicateScanJob], { pollMs: 50, leaseSeconds: 30 }).drain();
}

/** Starts a full scan through the API and runs it to the end; the scan as GET /duplicates/scan shows it. */
export async function scanNow(test: TestApp, client: Client, recordTypes?: string[]) {
  await client.ok('POST', '/api/v1/duplicates/scan', recordTypes ? { recordTypes } : {}, 202);
  await drainScans(test);
  return (await client.ok<{ scan: { status: string; pairsFound: number } }>('GET', '/api/v1/duplicates/scan'))
    .scan;
}
