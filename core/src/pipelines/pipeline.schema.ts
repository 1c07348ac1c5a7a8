import { z } from 'zod';

export const stageKinds = ['open', 'won', 'lost'] as const;

const stageInput = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, { error: 'Give the stage a name.' }).max(100),
  probability: z.number().int().min(0).max(100),
  kind: z.enum(stageKinds).optional(),
});

const stageList = z
  .array(stageInput)
  .min(1, { error: 'A pipeline needs at least one stage.' })
  .max(30)
  .refine((stages) => stages.some((stage) => (stage.kind ?? 'open') === 'open'), {
    error: 'A pipeline needs at least one open stage.',
  })
  .refine((stages) => new Set(stages.map((stage) => stage.name.toLowerCase())).size === stages.length, {
    error: 'Stage names must differ.',
  })
  .refine(
    (stages) => {
      const ids = stages.flatMap((stage) => (stage.id ? [stage.id.toLowerCase()] : []));
      return new Set(ids).size === ids.length;
    },
    { error: 'Each stage appears once: two entries have the same id.' },
  );

export const pipelineCreateInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Give the pipeline a name.' }).max(100),
  isDefault: z.boolean().optional(),
  stages: stageList,
});

/** `stages`, when sent, is the whole ordered list: stages without id are added, missing ones removed. */
export const pipelineUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  isDefault: z.literal(true).optional(),
  stages: stageList.optional(),
});

export const stageResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  probability: z.number().int(),
  kind: z.enum(stageKinds),
});

export const pipelineResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  isDefault: z.boolean(),
  stages: z.array(stageResponse),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The pipeline every new workspace starts with: the B2B stages from first contact to close. */
export const defaultPipeline = {
  name: 'Sales',
  stages: [
    { name: 'Prospect', probability: 5, kind: 'open' },
    { name: 'Contacted', probability: 10, kind: 'open' },
    { name: 'Meeting booked', probability: 20, kind: 'open' },
    { name: 'Meeting held', probability: 35, kind: 'open' },
    { name: 'Realistic opportunity', probability: 55, kind: 'open' },
    { name: 'Offer out', probability: 75, kind: 'open' },
    { name: 'Closed won', probability: 100, kind: 'won' },
    { name: 'Closed lost', probability: 0, kind: 'lost' },
  ],
} as const;
