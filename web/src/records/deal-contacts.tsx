// The people on a deal and the part each plays in the decision.
import { personas } from '@baken/core/contacts/contact.schema';
import type { dealContactResponse } from '@baken/core/deals/deal.schema';
import { ActionIcon, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { del, get, type Page, put } from '../app/api.ts';
import { contactName } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { type RecordTypes, recordKey, recordPath, timelineKey } from './record-api.ts';
import { RelatedList } from './related-list.tsx';

type DealContact = z.infer<typeof dealContactResponse>;
const dealContactsKey = (dealId: string) => ['deal-contacts', dealId] as const;

function useDealContacts(dealId: string) {
  const links = useQuery({
    queryKey: dealContactsKey(dealId),
    queryFn: async () => (await get<{ data: DealContact[] }>(`/deals/${dealId}/contacts`)).data,
  });
  // A deal has a handful of people; their names come from the (cached) contact records.
  const contacts = useQueries({
    queries: (links.data ?? []).map((link) => ({
      queryKey: recordKey('contact', link.contactId),
      queryFn: () => get<RecordTypes['contact']>(recordPath('contact', link.contactId)),
    })),
  });
  return { links, contacts: contacts.map((query) => query.data) };
}

function useDealContactWrites(dealId: string) {
  const { t } = useTranslation('records');
  const queryClient = useQueryClient();
  const settle = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dealContactsKey(dealId) }),
      queryClient.invalidateQueries({ queryKey: timelineKey('deal', dealId) }),
    ]);
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', title: t('save.failed'), message: messageOf(error, t('error')) });
  const link = useMutation({
    mutationFn: ({ contactId, role }: { contactId: string; role: string | null }) =>
      put(`/deals/${dealId}/contacts/${contactId}`, { role }),
    onSettled: settle,
    onError,
  });
  const unlink = useMutation({
    mutationFn: (contactId: string) => del(`/deals/${dealId}/contacts/${contactId}`),
    onSettled: settle,
    onError,
  });
  return { link, unlink };
}

function ContactSearch({ onPick, exclude }: { onPick: (contactId: string) => void; exclude: string[] }) {
  const { t } = useTranslation('records');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['contact-search', debounced],
    enabled: debounced.length >= 2,
    queryFn: async () =>
      (await get<Page<RecordTypes['contact']>>('/contacts', { q: debounced, limit: 10 })).data,
  });
  const options = (results.data ?? [])
    .filter((contact) => !exclude.includes(contact.id))
    .map((contact) => ({ value: contact.id, label: contactName(contact) }));
  return (
    <Select
      label={t('dealContacts.add')}
      placeholder={t('dealContacts.searchPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={null}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        debounced.length >= 2 && !results.isFetching ? t('dealContacts.nothing') : undefined
      }
      onChange={(contactId) => {
        if (!contactId) return;
        onPick(contactId);
        setSearch('');
      }}
      mt="sm"
      data-testid="deal-contact-search"
    />
  );
}

export function DealContacts({ dealId }: { dealId: string }) {
  const { t } = useTranslation('records');
  const editable = canWrite(useMe().data);
  const { links, contacts } = useDealContacts(dealId);
  const { link, unlink } = useDealContactWrites(dealId);
  const roleOptions = personas.map((value) => ({ value, label: t(`enums.persona.${value}`) }));
  const roleLabel = (role: string | null) =>
    role ? t(`enums.persona.${role}`, { defaultValue: role }) : t('dealContacts.noRole');
  const items = links.data?.map((entry, index) => {
    const name = contacts[index] ? contactName(contacts[index]) : '…';
    return {
      id: entry.contactId,
      to: `/contacts/${entry.contactId}`,
      label: name,
      detail: editable ? undefined : roleLabel(entry.role),
      extra: editable && (
        <>
          <Select
            aria-label={t('dealContacts.role', { name })}
            placeholder={t('dealContacts.noRole')}
            data={roleOptions}
            value={entry.role}
            clearable
            size="xs"
            w={150}
            onChange={(role) => link.mutate({ contactId: entry.contactId, role })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('dealContacts.remove', { name })}
            onClick={() => unlink.mutate(entry.contactId)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </>
      ),
    };
  });
  return (
    <RelatedList
      title={t('dealContacts.title')}
      emptyText={t('dealContacts.empty')}
      testId="deal-contacts"
      isPending={links.isPending}
      error={links.error}
      items={items}
      footer={
        editable && (
          <ContactSearch
            exclude={(links.data ?? []).map((entry) => entry.contactId)}
            onPick={(contactId) => link.mutate({ contactId, role: null })}
          />
        )
      }
    />
  );
}
