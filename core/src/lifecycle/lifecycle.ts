// Lifecycle stages in funnel order and the funnel bands they belong to (DESIGN.md section 2).
import type { lifecycleStages } from '../contacts/contact.fields.ts';

export type LifecycleStage = (typeof lifecycleStages)[number];
export const funnelBands = ['tofu', 'mofu', 'bofu', 'customer', 'out'] as const;
export type FunnelBand = (typeof funnelBands)[number];

const bands: Record<LifecycleStage, FunnelBand> = {
  subscriber: 'tofu',
  lead: 'tofu',
  mql: 'mofu',
  sql: 'bofu',
  opportunity: 'bofu',
  customer: 'customer',
  evangelist: 'customer',
  disqualified: 'out',
};

/** Top, middle or bottom of the funnel; customers and disqualified contacts are past or out of it. */
export function funnelBand(stage: LifecycleStage): FunnelBand {
  return bands[stage];
}

/** What moved a contact to a stage: a person (or API client), an import, a Baken rule, a workflow. */
export const lifecycleCauses = ['user', 'import', 'rule', 'workflow'] as const;

/** The rules that move contacts forward by themselves (migration 0016 holds them). */
export const lifecycleRules = ['deal_opened', 'deal_won', 'score_mql'] as const;
