import type { QueryClient } from '@tanstack/react-query';
import { accountNameQueryKey, useAccountName } from '../app/account-names.ts';
import { RecordLink } from '../ui/record-cells.tsx';
import type { RecordColumn } from '../ui/record-columns.ts';

/** The company of a contact, deal or activity, as a link to it (names of a page load in one request). */
export function AccountName({ id }: { id: string | null }) {
  const name = useAccountName(id);
  if (!id) return null;
  return <RecordLink to="/accounts/$id" id={id} label={name ?? '…'} />;
}

/** For CSV export: the name when it was already shown, else the id (still lets a sheet join). */
export function cachedAccountName(queryClient: QueryClient, id: string | null): string {
  if (!id) return '';
  return queryClient.getQueryData<string | null>(accountNameQueryKey(id)) ?? id;
}

/** The company column of the contacts, deals and activities lists. */
export function accountColumn<T extends { accountId: string | null }>(
  t: (key: string) => string,
  queryClient: QueryClient,
): RecordColumn<T> {
  return {
    id: 'accountId',
    label: t('fields.accountId'),
    width: 190,
    cell: (r) => <AccountName id={r.accountId} />,
    csv: (r) => cachedAccountName(queryClient, r.accountId),
  };
}
