import { z } from 'zod';
import type { ScoringModel } from './lead-score.ts';
import { scorableFields } from './scorable-fields.ts';

export { scorableFields } from './scorable-fields.ts';

const text = z.string().trim().min(1).max(200);
const points = z.number().min(-1000).max(1000);
const ruleId = z.string().trim().min(1).max(60);

export const fieldCondition = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('eq'), value: z.union([text, z.number(), z.boolean()]) }),
  z.strictObject({
    op: z.literal('in'),
    values: z
      .array(z.union([text, z.number()]))
      .min(1)
      .max(200),
  }),
  z.strictObject({ op: z.literal('containsAny'), words: z.array(text).min(1).max(100) }),
  z.strictObject({ op: z.literal('hasAny'), values: z.array(text).min(1).max(200) }),
  z.strictObject({ op: z.literal('hasNone'), values: z.array(text).min(1).max(200) }),
  z.strictObject({ op: z.literal('startsWithAny'), prefixes: z.array(text).min(1).max(200) }),
  z
    .strictObject({ op: z.literal('between'), min: z.number().optional(), max: z.number().optional() })
    .refine(
      (range) => range.min !== undefined || range.max !== undefined,
      'Give a minimum, a maximum or both.',
    ),
  z.strictObject({ op: z.literal('empty') }),
  z.strictObject({ op: z.literal('filled') }),
]);

export const scoringModelInput = z
  .strictObject({
    fit: z
      .array(
        z.strictObject({
          id: ruleId,
          label: text,
          field: z.enum(scorableFields),
          condition: fieldCondition,
          points,
        }),
      )
      .max(100),
    engagement: z
      .array(
        z.strictObject({
          id: ruleId,
          label: text,
          event: z
            .string()
            .trim()
            .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower case letters, digits and _.'),
          pathContains: z.string().trim().min(1).max(500).optional(),
          points,
          cap: z.number().positive().max(10_000).optional(),
        }),
      )
      .max(100),
    halfLifeDays: z.number().min(0).max(3650),
    mqlThreshold: z.number().min(-10_000).max(10_000),
  })
  .superRefine((model, context) => {
    const ids = [...model.fit, ...model.engagement].map((rule) => rule.id);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated)
      context.addIssue({ code: 'custom', path: ['fit'], message: `Rule id ${repeated} is used twice.` });
  }) satisfies z.ZodType<ScoringModel>;

/** A model as the API takes and gives it: only fields and events the schema allows. */
export type ScoringModelInput = z.output<typeof scoringModelInput>;

export const scoreResponse = z.object({
  contactId: z.uuid(),
  fit: z.number(),
  engagement: z.number(),
  total: z.number(),
  isMql: z.boolean(),
  fired: z.object({
    fit: z.array(z.object({ ruleId: z.string(), label: z.string(), points: z.number() })),
    engagement: z.array(
      z.object({ ruleId: z.string(), label: z.string(), points: z.number(), events: z.number().optional() }),
    ),
  }),
  scoredAt: z.string().nullable(),
});

export const contactEventInput = z.strictObject({
  type: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower case letters, digits and _.'),
  path: z.string().trim().max(2000).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

/** A first model a workspace starts from: typical B2B fit, and the behaviour that signals buying. */
export const defaultScoringModel: ScoringModel = {
  fit: [
    {
      id: 'decision-maker',
      label: 'Decision maker',
      field: 'persona',
      condition: { op: 'eq', value: 'decision_maker' },
      points: 20,
    },
    {
      id: 'buyer-title',
      label: 'Buying job title',
      field: 'jobTitle',
      condition: {
        op: 'containsAny',
        words: ['directeur', 'eigenaar', 'owner', 'ceo', 'manager', 'inkoop', 'head'],
      },
      points: 10,
    },
    {
      id: 'company-size',
      label: 'Company of 10 to 500 people',
      field: 'account.employeeCount',
      condition: { op: 'between', min: 10, max: 500 },
      points: 10,
    },
    {
      id: 'benelux',
      label: 'Company in the Benelux',
      field: 'account.country',
      condition: { op: 'in', values: ['NL', 'BE', 'LU'] },
      points: 5,
    },
  ],
  engagement: [
    {
      id: 'pricing',
      label: 'Viewed the pricing page',
      event: 'page_view',
      pathContains: '/pricing',
      points: 10,
      cap: 30,
    },
    { id: 'page-views', label: 'Page views', event: 'page_view', points: 1, cap: 10 },
    { id: 'form', label: 'Submitted a form', event: 'form_submit', points: 20 },
    { id: 'email-click', label: 'Clicked an email', event: 'email_click', points: 5, cap: 15 },
    { id: 'meeting', label: 'Had a meeting', event: 'meeting', points: 25 },
  ],
  halfLifeDays: 30,
  mqlThreshold: 50,
};
