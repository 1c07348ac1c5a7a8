import type { Contact } from '@baken/core/contacts/contact.schema';
import type { Deal } from '@baken/core/deals/deal.schema';
import { useQuery } from '@tanstack/react-query';
import { get, type Page } from '../app/api.ts';
import type { Pipeline } from '../app/workspace-data.ts';
import { accountContactsKey, accountDealsKey } from './create-related.tsx';

// An account page shows up to this many of each; a bigger account is better browsed in the lists.
const RELATED_LIMIT = 100;

export function useAccountContacts(accountId: string | null | undefined) {
  return useQuery({
    queryKey: accountContactsKey(accountId ?? ''),
    enabled: Boolean(accountId),
    queryFn: async () =>
      (
        await get<Page<Contact>>('/contacts', {
          filter: `accountId:eq:${accountId}`,
          sort: 'lastName',
          limit: RELATED_LIMIT,
        })
      ).data,
  });
}

export function useAccountDeals(accountId: string | null | undefined) {
  return useQuery({
    queryKey: accountDealsKey(accountId ?? ''),
    enabled: Boolean(accountId),
    queryFn: async () =>
      (
        await get<Page<Deal>>('/deals', {
          filter: `accountId:eq:${accountId}`,
          sort: '-createdAt',
          limit: RELATED_LIMIT,
        })
      ).data,
  });
}

export function stageOf(pipelines: Pipeline[] | undefined, deal: Pick<Deal, 'pipelineId' | 'stageId'>) {
  return pipelines
    ?.find((pipeline) => pipeline.id === deal.pipelineId)
    ?.stages.find((s) => s.id === deal.stageId);
}
