import { invalidField } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A keyset cursor of a sort value and a row id, for lists ordered by one value then id (the record
 * lists have their own, with the sort order in it).
 */
export const encodePairCursor = (value: string | number, id: string) =>
  Buffer.from(`${value}|${id}`).toString('base64url');

/** The value and id of a cursor the list gave out; a 422 on `cursor` for anything else. */
export function decodePairCursor(raw: string): { value: string; id: string } {
  const [value, id] = Buffer.from(raw, 'base64url').toString().split('|');
  if (!value || !id || !UUID.test(id))
    throw invalidField('cursor', 'This cursor is not valid: use the nextCursor of a previous page.');
  return { value, id };
}
