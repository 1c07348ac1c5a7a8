import { z } from 'zod';

export const stageKinds = ['open', 'won', 'lost'] as const;

const stageFields = {
  name: z.string().trim().min(1, { error: 'Give the stage a name.' }).max(100),
  probability: z.number().int().min(0).max(100),
  kind: z.enum(stageKinds).optional(),
};
type StageInput = { id?: string | undefined; name: string; kind?: (typeof stageKinds)[number] | undefined };

/** A new pipeline's stages are all new: their ids come from the server, never from the client. */
const newStageInput = z.strictObject(stageFields);
const stageInput = z.strictObject({ id: z.uuid().optional(), ...stageFields });

function stageList<Stage extends z.ZodType<StageInput>>(stage: Stage) {
  return z
    .array(stage)
    .min(1, { error: 'A pipeline needs at least one stage.' })
    .max(30)
    .refine((stages: StageInput[]) => stages.some((item) => (item.kind ?? 'open') === 'open'), {
      error: 'A pipeline needs at least one open stage.',
    })
    .refine(
      (stages: StageInput[]) => new Set(stages.map((item) => item.name.toLowerCase())).size === stages.length,
      { error: 'Stage names must differ.' },
    )
    .refine(
      (stages: StageInput[]) => {
        const ids = stages.flatMap((item) => (item.id ? [item.id.toLowerCase()] : []));
        return new Set(ids).size === ids.length;
      },
      { error: 'Each stage appears once: two entries have the same id.' },
    );
}

export const pipelineCreateInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Give the pipeline a name.' }).max(100),
  isDefault: z.boolean().optional(),
  stages: stageList(newStageInput),
});

/** `stages`, when sent, is the whole ordered list: stages without id are added, missing ones removed. */
export const pipelineUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  isDefault: z.literal(true).optional(),
  stages: stageList(stageInput).optional(),
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
