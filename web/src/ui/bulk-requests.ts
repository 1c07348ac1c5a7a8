import { del, patch } from '../app/api.ts';
import type { BulkChange } from './bulk-bar.tsx';
import type { useBulkRun } from './bulk-run.ts';
import type { RecordRow } from './record-columns.ts';

type BulkRunner = ReturnType<typeof useBulkRun>;

/** The PATCH body of one bulk change for one record; adding a tag keeps the tags it has. */
function patchBody<T>(change: BulkChange, row: T, tagsOf?: (row: T) => string[]) {
  if ('addTag' in change) return { tags: [...new Set([...(tagsOf?.(row) ?? []), change.addTag])] };
  return change;
}

export function runBulkChange<T extends RecordRow>(
  bulk: BulkRunner,
  path: string,
  rows: T[],
  change: BulkChange,
  naming: { rowLabel: (row: T) => string; tagsOf?: (row: T) => string[] },
) {
  return bulk.run(rows, naming.rowLabel, (row) =>
    patch(`${path}/${row.id}`, patchBody(change, row, naming.tagsOf)),
  );
}

export function runBulkDelete<T extends RecordRow>(
  bulk: BulkRunner,
  path: string,
  rows: T[],
  rowLabel: (row: T) => string,
) {
  return bulk.run(rows, rowLabel, (row) => del(`${path}/${row.id}`));
}
