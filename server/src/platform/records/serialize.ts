type ApiValue<T> = T extends Date ? string : T extends Date | null ? string | null : T;
export type ApiRecord<Row> = { [K in Exclude<keyof Row, 'workspaceId' | 'searchText'>]: ApiValue<Row[K]> };

/** A database row as the API shows it: no workspace id or search column, times as ISO strings. */
export function toApi<Row extends Record<string, unknown>>(row: Row): ApiRecord<Row> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'workspaceId' || key === 'searchText') continue;
    result[key] = value instanceof Date ? value.toISOString() : value;
  }
  return result as ApiRecord<Row>;
}
