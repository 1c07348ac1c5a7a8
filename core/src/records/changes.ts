export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const timeOf = (value: unknown) =>
  value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;

function same(a: unknown, b: unknown): boolean {
  // Stored times come back as Dates, patches send them as ISO 8601 text in any offset.
  if (a instanceof Date || b instanceof Date) return timeOf(a) === timeOf(b);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return a === b;
}

/** The fields of `patch` whose value differs from `before`, as from/to pairs (for the audit log). */
export function fieldChanges(before: Record<string, unknown>, patch: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[field] ?? null;
    if (!same(from, to)) changes[field] = { from, to };
  }
  return changes;
}
