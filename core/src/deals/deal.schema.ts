import { z } from 'zod';
import { dateField, moneyField } from '../records/fields.ts';
import { customInput, optionalText, ownerId, tagsInput, timestamps } from '../records/record.schema.ts';
import { forecastCategories } from './deal.fields.ts';

export { dealFieldSpecs, forecastCategories } from './deal.fields.ts';

const currency = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, { error: 'Use a three-letter currency code such as EUR.' }));

const dealFields = {
  accountId: z.uuid().nullable().optional(),
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  amount: moneyField.optional(),
  currency: currency.optional(),
  recurringAmount: moneyField.optional(),
  expectedCloseDate: dateField,
  actualCloseDate: dateField,
  probability: z.number().int().min(0).max(100).optional(),
  forecastCategory: z.enum(forecastCategories).optional(),
  ownerId,
  lostReason: optionalText(500),
  source: optionalText(200),
  tags: tagsInput.optional(),
  custom: customInput.optional(),
};

export const dealCreateInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Give the deal a name.' }).max(300),
  ...dealFields,
});

export const dealUpdateInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'The deal name cannot be empty.' }).max(300).optional(),
  ...dealFields,
});

export const dealResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  accountId: z.uuid().nullable(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  amount: z.number(),
  currency: z.string(),
  recurringAmount: z.number(),
  expectedCloseDate: z.string().nullable(),
  actualCloseDate: z.string().nullable(),
  probability: z.number(),
  forecastCategory: z.enum(forecastCategories),
  ownerId: z.uuid().nullable(),
  lostReason: z.string().nullable(),
  source: z.string().nullable(),
  /** The sales development rep who booked the meeting that handed the deal to its owner. */
  sdrId: z.uuid().nullable(),
  stageEnteredAt: z.string(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  ...timestamps,
});
export type Deal = z.infer<typeof dealResponse>;

/** Count and amounts (minor units) of a stage's matching deals in one currency: a board column's head. */
export const stageSummaryRow = z.object({
  stageId: z.uuid(),
  currency: z.string(),
  count: z.number().int(),
  amount: z.number(),
  recurringAmount: z.number(),
});

/** One request for a whole board: every column's head and its first cards. */
export const dealBoardQuery = z.strictObject({
  pipelineId: z.uuid({ error: 'Not a valid pipeline id.' }),
  filter: z.union([z.string().max(1000), z.array(z.string().max(1000)).max(20)]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const dealBoardResponse = z.object({
  summary: z.array(stageSummaryRow),
  columns: z.array(
    z.object({ stageId: z.uuid(), data: z.array(dealResponse), nextCursor: z.string().nullable() }),
  ),
});

export const dealContactInput = z.strictObject({ role: optionalText(100) });
export const dealContactResponse = z.object({
  contactId: z.uuid(),
  role: z.string().nullable(),
  createdAt: z.string(),
});

export interface StageFacts {
  id: string;
  pipelineId: string;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}

/**
 * What entering a stage does to a deal: the stage's win probability (unless one is given), and on
 * closing the close date and the `closed` forecast category; reopening clears both.
 */
export function stageEntryEffects(
  stage: StageFacts,
  explicit: {
    probability?: number | undefined;
    actualCloseDate?: string | null | undefined;
    forecastCategory?: string | undefined;
  },
  previous: { forecastCategory: string } | null,
  today: string,
) {
  const closed = stage.kind !== 'open';
  return {
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    probability: explicit.probability ?? stage.probability,
    actualCloseDate: closed ? (explicit.actualCloseDate ?? today) : null,
    forecastCategory: closed
      ? 'closed'
      : (explicit.forecastCategory ??
        (previous && previous.forecastCategory !== 'closed' ? previous.forecastCategory : 'pipeline')),
  };
}
