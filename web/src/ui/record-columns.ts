import type { ReactNode } from 'react';

/** One column of a record list: how a row shows in the table (exports come from the server). */
export interface RecordColumn<T> {
  id: string;
  label: string;
  /** The API field to sort on when the header is clicked; absent when the API cannot sort it. */
  sortField?: string;
  /** Width in pixels; the table scrolls sideways on narrow screens instead of squeezing. */
  width: number;
  cell: (row: T) => ReactNode;
}

/** The smallest shape every record has, so selection and links work for all four lists. */
export interface RecordRow {
  id: string;
}

type Label = (key: string) => string;

/** Columns every list with owners shows the same way. */
export function ownerColumn<T extends { ownerId: string | null }>(
  t: Label,
  ownerName: (id: string | null) => string,
): RecordColumn<T> {
  return {
    id: 'ownerId',
    label: t('fields.ownerId'),
    width: 150,
    cell: (r) => ownerName(r.ownerId),
  };
}
