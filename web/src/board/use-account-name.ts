// The account name on a card. The deals list carries only accountId and the accounts list cannot
// filter on id, so each rendered card asks for its account; cards of one account share one request.
import { useQuery } from '@tanstack/react-query';
import { get } from '../app/api.ts';

export function useAccountName(accountId: string | null): string | undefined {
  const { data } = useQuery({
    queryKey: ['board-account', accountId] as const,
    queryFn: () => get<{ id: string; name: string }>(`/accounts/${accountId}`),
    enabled: Boolean(accountId),
    staleTime: 5 * 60_000,
    retry: false,
    select: (account) => account.name,
  });
  return data;
}
