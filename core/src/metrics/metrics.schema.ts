import { z } from 'zod';

const isoDate = z.iso.date({ error: 'Use a date such as 2026-01-31.' });

/** A period as a unit around a date (the month, quarter or year it falls in), or from and to. */
export const salesMetricsQuery = z
  .strictObject({
    unit: z.enum(['month', 'quarter', 'year']).default('month'),
    date: isoDate.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ownerId: z.uuid().optional(),
    pipelineId: z.uuid().optional(),
    source: z.string().trim().min(1).max(200).optional(),
  })
  .refine((query) => (query.from === undefined) === (query.to === undefined), {
    error: 'Give both from and to, or neither.',
    path: ['to'],
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The period must end on or after its start.',
    path: ['to'],
  });

export const salesMetricsResponse = z.object({
  period: z.object({ start: z.string(), end: z.string(), label: z.string() }),
  currency: z.string(),
  won: z.number().int(),
  lost: z.number().int(),
  wonAmount: z.number(),
  closingRate: z.number().nullable(),
  averageWonAmount: z.number().nullable(),
  averageCycleDays: z.number().nullable(),
  /** Cents a day. */
  salesVelocity: z.number().nullable(),
  openPipeline: z.number(),
  weightedPipeline: z.number(),
});
