import { z } from 'zod';
import { lifecycleStages } from '../contacts/contact.fields.ts';
import { lifecycleCauses, lifecycleRules } from './lifecycle.ts';

export const lifecycleChangeResponse = z.object({
  id: z.uuid(),
  fromStage: z.enum(lifecycleStages).nullable(),
  toStage: z.enum(lifecycleStages),
  cause: z.enum(lifecycleCauses),
  rule: z.enum(lifecycleRules).nullable(),
  changedAt: z.string(),
});
export type LifecycleChange = z.infer<typeof lifecycleChangeResponse>;
