import { z } from 'zod';
import { customValuesInput } from '../custom-fields/custom-field.schema.ts';

/** Query string of every list endpoint. */
export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(100).optional(),
  q: z.string().trim().max(200).optional(),
  filter: z.union([z.string().max(1000), z.array(z.string().max(1000)).max(20)]).optional(),
});
export type ListQuery = z.output<typeof listQuery>;

export const idParams = z.strictObject({ id: z.uuid({ error: 'Not a valid id.' }) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const tagsInput = z.array(z.string().trim().min(1).max(50)).max(50);
export const customInput = customValuesInput;

export const text = (max: number) => z.string().trim().max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const ownerId = z.uuid().nullable().optional();
export const timestamps = { createdAt: z.string(), updatedAt: z.string() };
