// Enrichment of one account: where its fields came from, and running the providers on demand.
import type { Account } from '@baken/core/accounts/account.schema';
import type {
  EnrichableField,
  EnrichmentResult,
  EnrichmentState,
} from '@baken/core/enrichment/enrichment.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../app/api.ts';
import { recordKey, timelineKey } from '../records/record-api.ts';

export const enrichmentKey = (accountId: string) => ['enrichment', accountId] as const;

export function useEnrichmentState(accountId: string) {
  return useQuery({
    queryKey: enrichmentKey(accountId),
    queryFn: () => get<EnrichmentState>(`/accounts/${accountId}/enrichment`),
  });
}

/** Runs the providers; the account, its field sources and its timeline show the result at once. */
export function useEnrich(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overwrite: EnrichableField[] | undefined) =>
      post<EnrichmentResult>(`/accounts/${accountId}/enrich`, overwrite ? { overwrite } : {}),
    onSuccess: (result) => {
      queryClient.setQueryData<Account>(recordKey('account', accountId), result.account);
      queryClient.setQueryData<EnrichmentState>(enrichmentKey(accountId), (state) =>
        state ? { ...state, sources: result.sources } : state,
      );
      void queryClient.invalidateQueries({ queryKey: timelineKey('account', accountId) });
    },
  });
}
