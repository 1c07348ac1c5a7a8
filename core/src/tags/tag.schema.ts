import { z } from 'zod';

const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'Use a colour such as #1c7ed6.' })
  .nullable()
  .optional();

export const tagInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter a tag name.' }).max(50),
  color,
});

export const tagUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  color,
});

export const tagResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Tag names as a record stores them: trimmed, without case-insensitive repeats, in the given order. */
export function distinctTagNames(names: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    result.push(name);
  }
  return result;
}
