import { TagBadges } from './record-cells.tsx';
import type { RecordColumn } from './record-columns.ts';

/** The tags of a record as badges, and comma-separated in a CSV export. */
export function tagsColumn<T extends { tags: string[] }>(t: (key: string) => string): RecordColumn<T> {
  return {
    id: 'tags',
    label: t('fields.tags'),
    width: 180,
    cell: (r) => <TagBadges tags={r.tags} />,
  };
}
