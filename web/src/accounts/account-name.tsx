import { useAccountName } from '../app/account-names.ts';
import { RecordLink } from '../ui/record-cells.tsx';
import type { RecordColumn } from '../ui/record-columns.ts';

/** The company of a contact, deal or activity, as a link to it (names of a page load in one request). */
export function AccountName({ id }: { id: string | null }) {
  const name = useAccountName(id);
  if (!id) return null;
  return <RecordLink to="/accounts/$id" id={id} label={name ?? '…'} />;
}

/** The company column of the contacts, deals and activities lists. */
export function accountColumn<T extends { accountId: string | null }>(
  t: (key: string) => string,
): RecordColumn<T> {
  return {
    id: 'accountId',
    label: t('fields.accountId'),
    width: 190,
    cell: (r) => <AccountName id={r.accountId} />,
  };
}
