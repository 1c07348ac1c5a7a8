import { z } from 'zod';

/** How far to trust a model, from its AUC on contacts it did not learn from. */
export const modelQualities = ['good', 'fair', 'poor', 'unknown'] as const;
export type ModelQuality = (typeof modelQualities)[number];

export function modelQuality(auc: number | null): ModelQuality {
  if (auc === null) return 'unknown';
  if (auc >= 0.8) return 'good';
  if (auc >= 0.7) return 'fair';
  return 'poor';
}

const featureWeight = z.object({ column: z.string(), label: z.string(), weight: z.number() });

export const predictiveModelResponse = z.object({
  model: z
    .object({
      trainedAt: z.string(),
      trainingRows: z.number().int(),
      holdoutRows: z.number().int(),
      positives: z.number().int(),
      baseRate: z.number(),
      auc: z.number().nullable(),
      quality: z.enum(modelQualities),
      topFeatures: z.array(featureWeight),
    })
    .nullable(),
});
export type PredictiveModelSummary = NonNullable<z.infer<typeof predictiveModelResponse>['model']>;

export const predictionResponse = z.object({
  prediction: z
    .object({
      probability: z.number(),
      contributions: z.array(z.object({ column: z.string(), label: z.string(), contribution: z.number() })),
      auc: z.number().nullable(),
      quality: z.enum(modelQualities),
      trainedAt: z.string(),
    })
    .nullable(),
});
