// Data of one record page: the record itself, its timeline and the writes the page makes. Query keys
// live here so that a quick action or an inline edit can refresh exactly the parts that changed.
import type { Account } from '@baken/core/accounts/account.schema';
import type { activityResponse } from '@baken/core/activities/activity.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import type { Deal } from '@baken/core/deals/deal.schema';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, patch } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';

export type Activity = z.infer<typeof activityResponse>;
export type RecordKind = 'account' | 'contact' | 'deal';
export interface RecordTypes {
  account: Account;
  contact: Contact;
  deal: Deal;
}

const paths: Record<RecordKind, string> = {
  account: '/accounts',
  contact: '/contacts',
  deal: '/deals',
};

export const recordPath = (kind: RecordKind, id: string) => `${paths[kind]}/${id}`;
export const recordKey = (kind: RecordKind, id: string) => [kind, id] as const;
export const timelineKey = (kind: RecordKind, id: string) => ['timeline', kind, id] as const;

export function useRecord<K extends RecordKind>(kind: K, id: string | null | undefined) {
  return useQuery({
    queryKey: recordKey(kind, id ?? ''),
    queryFn: () => get<RecordTypes[K]>(recordPath(kind, id ?? '')),
    enabled: Boolean(id),
  });
}

/**
 * Saves a patch of one record. The page shows the new values at once; when the server refuses, the
 * old values come back and a notification says why. The timeline is refreshed for its change entry.
 */
export function useUpdateRecord<K extends RecordKind>(kind: K, id: string) {
  const { t } = useTranslation('records');
  const queryClient = useQueryClient();
  const key = recordKey(kind, id);
  return useMutation({
    mutationFn: (values: Partial<RecordTypes[K]>) => patch<RecordTypes[K]>(recordPath(kind, id), values),
    onMutate: async (values) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<RecordTypes[K]>(key);
      if (before) queryClient.setQueryData(key, { ...before, ...values });
      return { before };
    },
    onError: (error, _values, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      notifications.show({ color: 'red', title: t('save.failed'), message: messageOf(error, t('error')) });
    },
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: timelineKey(kind, id) }),
  });
}
