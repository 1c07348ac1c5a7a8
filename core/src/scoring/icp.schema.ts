// The ideal customer profile as the API takes and gives it, and the answers built on it.
import { z } from 'zod';
import type { IcpCriterion, IcpSuggestion } from './icp.ts';
import { fieldCondition } from './scoring-model.schema.ts';

/** Company fields a criterion may read; custom fields as custom.<key>. */
export const icpFields = [
  'industryCode',
  'employeeCount',
  'annualRevenue',
  'foundedYear',
  'country',
  'region',
  'city',
  'postalCode',
  'technologies',
  'customerStatus',
  'tags',
] as const;

const text = z.string().trim().min(1).max(200);

export const icpCriterionInput = z.strictObject({
  id: z.string().trim().min(1).max(60),
  label: text,
  field: z.union([
    z.enum(icpFields),
    z.string().regex(/^custom\.[a-z][a-z0-9_]{0,62}$/, 'Use a company field or custom.<key>.'),
  ]),
  condition: fieldCondition,
  weight: z.number().min(0).max(100),
}) satisfies z.ZodType<IcpCriterion>;

export const icpInput = z
  .strictObject({
    criteria: z.array(icpCriterionInput).max(50),
    /** Companies at or over this fit (0-100) match the profile: the TAM and prospect lists. */
    fitThreshold: z.number().int().min(0).max(100),
  })
  .superRefine((icp, context) => {
    const ids = icp.criteria.map((criterion) => criterion.id);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated)
      context.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: `Criterion id ${repeated} is used twice.`,
      });
  });
export type Icp = z.output<typeof icpInput>;

export const icpResponse = z.object({ icp: icpInput.nullable(), updatedAt: z.string().nullable() });

export const accountFitResponse = z.object({
  accountId: z.uuid(),
  /** Null until the workspace has an ideal customer profile. */
  score: z.number().int().nullable(),
  matches: z.boolean(),
  reasons: z.array(
    z.object({ criterionId: z.string(), label: z.string(), weight: z.number(), met: z.boolean() }),
  ),
});

/** The criterion a suggestion becomes when the user adopts it. */
export function criterionOf(suggestion: Pick<IcpSuggestion, 'field' | 'value'>): IcpCriterion {
  const id = `${suggestion.field}-${suggestion.value}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const base = { id, label: `${suggestion.field}: ${suggestion.value}`, weight: 10 };
  switch (suggestion.field) {
    case 'industry':
      return {
        ...base,
        field: 'industryCode',
        condition: { op: 'startsWithAny', prefixes: [suggestion.value] },
      };
    case 'size': {
      const [min, max] = suggestion.value.replace('+', '').split('-').map(Number);
      return {
        ...base,
        field: 'employeeCount',
        condition: { op: 'between', min, ...(max === undefined ? {} : { max }) },
      };
    }
    case 'technologies':
      return { ...base, field: 'technologies', condition: { op: 'hasAny', values: [suggestion.value] } };
    default:
      return { ...base, field: suggestion.field, condition: { op: 'in', values: [suggestion.value] } };
  }
}

export const icpSuggestionsResponse = z.object({
  /** Companies compared, customers among them, and the best (highest lifetime value) customers. */
  accounts: z.number().int(),
  customers: z.number().int(),
  bestCustomers: z.number().int(),
  suggestions: z.array(
    z.object({
      field: z.string(),
      value: z.string(),
      support: z.number(),
      lift: z.number(),
      count: z.number().int(),
      criterion: icpCriterionInput,
    }),
  ),
});

export const tamResponse = z.object({
  fitThreshold: z.number().int(),
  /** Average won deal, the value one more customer is estimated at (cents). */
  averageDealValue: z.number().int(),
  database: z.object({ accounts: z.number().int(), estimatedValue: z.number().int() }),
  /** Null without a company register; criteria on fields the register lacks are left out. */
  register: z
    .object({
      companies: z.number().int(),
      estimatedValue: z.number().int(),
      criteriaUsed: z.array(z.string()),
    })
    .nullable(),
  bySegment: z.array(
    z.object({
      segment: z.string().nullable(),
      accounts: z.number().int(),
      registerCompanies: z.number().int(),
      estimatedValue: z.number().int(),
    }),
  ),
});

export const prospectListQuery = z.strictObject({
  sort: z.enum(['fit', 'engagement']).default('fit'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const prospectListResponse = z.object({
  data: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      city: z.string().nullable(),
      industryCode: z.string().nullable(),
      employeeCount: z.number().int().nullable(),
      ownerId: z.uuid().nullable(),
      fit: z.number().int(),
      /** Sum of the engagement scores of the company's contacts: first-party intent. */
      engagement: z.number(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
