import { z } from 'zod';
import type { QuotaStanding } from './quota.ts';

const isoDate = z.iso.date({ error: 'Use a date such as 2026-01-31.' });

export const quotaInput = z
  .strictObject({
    /** Null: the whole workspace's target. */
    userId: z.uuid().nullable(),
    unit: z.enum(['month', 'quarter']),
    periodStart: isoDate,
    /** Cents, in the workspace's currency. */
    amount: z.number().int().min(0).max(1e15),
  })
  .refine(
    (quota) => {
      const [, month, day] = quota.periodStart.split('-').map(Number);
      return day === 1 && (quota.unit === 'month' || (month! - 1) % 3 === 0);
    },
    { error: 'A period starts on the first day of a month or quarter.', path: ['periodStart'] },
  );

export const quotasInput = z.strictObject({ quotas: z.array(quotaInput).min(1).max(500) });

export const quotaResponse = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  unit: z.enum(['month', 'quarter']),
  periodStart: z.string(),
  amount: z.number(),
  updatedAt: z.string(),
});

export const quotaListQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

export const attainmentQuery = z.strictObject({
  unit: z.enum(['month', 'quarter']).default('month'),
  date: isoDate.optional(),
});

export const attainmentResponse = z.object({
  period: z.object({ start: z.string(), end: z.string(), label: z.string() }),
  currency: z.string(),
  data: z.array(
    z.object({
      userId: z.uuid().nullable(),
      quota: z.number(),
      won: z.number(),
      attainment: z.number().nullable(),
      gap: z.number(),
      openPipeline: z.number(),
      coverage: z.number().nullable(),
    }) satisfies z.ZodType<QuotaStanding & { userId: string | null }>,
  ),
});
