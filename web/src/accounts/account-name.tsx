import type { Account } from '@baken/core/accounts/account.schema';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { get } from '../app/api.ts';
import { RecordLink } from '../ui/record-cells.tsx';

// The API has no id filter on accounts, so names are fetched one account at a time. Only rows in
// view render, and each account is fetched once and cached, which keeps this to a handful of
// requests per screen. An `id:in` filter on /accounts would make it one request per page.
const accountQuery = (id: string) => ({
  queryKey: ['account', id] as const,
  queryFn: () => get<Account>(`/accounts/${id}`),
  staleTime: 5 * 60_000,
});

/** The company of a contact, deal or activity, as a link to it. */
export function AccountName({ id }: { id: string | null }) {
  const account = useQuery({ ...accountQuery(id ?? ''), enabled: id !== null });
  if (!id) return null;
  return <RecordLink to="/accounts/$id" id={id} label={account.data?.name ?? '…'} />;
}

/** For CSV export: the name when it was already shown, else the id (still lets a sheet join). */
export function cachedAccountName(queryClient: QueryClient, id: string | null): string {
  if (!id) return '';
  return queryClient.getQueryData<Account>(['account', id])?.name ?? id;
}
