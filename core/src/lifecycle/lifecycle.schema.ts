import { z } from 'zod';
import { lifecycleStages } from '../contacts/contact.fields.ts';
import { funnelBands, lifecycleCauses, lifecycleRules } from './lifecycle.ts';

export const lifecycleChangeResponse = z.object({
  id: z.uuid(),
  fromStage: z.enum(lifecycleStages).nullable(),
  toStage: z.enum(lifecycleStages),
  cause: z.enum(lifecycleCauses),
  rule: z.enum(lifecycleRules).nullable(),
  changedAt: z.string(),
});
export type LifecycleChange = z.infer<typeof lifecycleChangeResponse>;

export const lifecycleSummaryResponse = z.object({
  data: z.array(
    z.object({ stage: z.enum(lifecycleStages), band: z.enum(funnelBands), count: z.number().int() }),
  ),
});
export type LifecycleSummary = z.infer<typeof lifecycleSummaryResponse>;
