// A quota's attainment: how much of the target the won deals reached, what is left, and whether the
// open pipeline can cover it.
import { pipelineCoverage } from './sales.ts';

export interface QuotaStanding {
  quota: number;
  won: number;
  /** Won / quota; null for a quota of 0. */
  attainment: number | null;
  /** What is left to win, never below 0. */
  gap: number;
  openPipeline: number;
  /** Open pipeline / gap; null once the quota is reached. */
  coverage: number | null;
}

export function quotaStanding(quota: number, won: number, openPipeline: number): QuotaStanding {
  return {
    quota,
    won,
    attainment: quota === 0 ? null : won / quota,
    gap: Math.max(quota - won, 0),
    openPipeline,
    coverage: pipelineCoverage(openPipeline, quota, won),
  };
}
