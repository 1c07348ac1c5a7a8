import type { Account } from '@baken/core/accounts/account.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import type { Deal } from '@baken/core/deals/deal.schema';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconBuilding, IconCurrencyEuro, IconSearch, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../app/api.ts';
import { contactName, formatMoney } from '../app/format.ts';

/** Ctrl/Cmd+K: one search box over companies, contacts and deals, opening the record on Enter. */
export function GlobalSearch() {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const enabled = debounced.length >= 2;
  const results = useQuery({
    queryKey: ['global-search', debounced],
    enabled,
    queryFn: async () => {
      const [accounts, contacts, deals] = await Promise.all([
        get<Page<Account>>('/accounts', { q: debounced, limit: 5 }),
        get<Page<Contact>>('/contacts', { q: debounced, limit: 5 }),
        get<Page<Deal>>('/deals', { q: debounced, limit: 5 }),
      ]);
      return { accounts: accounts.data, contacts: contacts.data, deals: deals.data };
    },
  });
  const open = (to: string) => void navigate({ to });
  const groups: { group: string; actions: SpotlightActionData[] }[] = results.data
    ? [
        {
          group: t('groups.accounts'),
          actions: results.data.accounts.map((account) => ({
            id: `account-${account.id}`,
            label: account.name,
            description: account.domain ?? account.city ?? '',
            leftSection: <IconBuilding size={18} />,
            onClick: () => open(`/accounts/${account.id}`),
          })),
        },
        {
          group: t('groups.contacts'),
          actions: results.data.contacts.map((contact) => ({
            id: `contact-${contact.id}`,
            label: contactName(contact),
            description: [contact.jobTitle, contact.email].filter(Boolean).join(' · '),
            leftSection: <IconUser size={18} />,
            onClick: () => open(`/contacts/${contact.id}`),
          })),
        },
        {
          group: t('groups.deals'),
          actions: results.data.deals.map((deal) => ({
            id: `deal-${deal.id}`,
            label: deal.name,
            description: formatMoney(deal.amount, deal.currency),
            leftSection: <IconCurrencyEuro size={18} />,
            onClick: () => open(`/deals/${deal.id}`),
          })),
        },
      ].filter((group) => group.actions.length > 0)
    : [];
  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={480}>
      <Spotlight.Search
        placeholder={t('placeholder')}
        leftSection={<IconSearch size={18} />}
        aria-label={t('placeholder')}
      />
      <Spotlight.ActionsList>
        {groups.map((group) => (
          <Spotlight.ActionsGroup key={group.group} label={group.group}>
            {group.actions.map(({ id, ...action }) => (
              <Spotlight.Action key={id} {...action} />
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {groups.length === 0 && (
          <Spotlight.Empty>{enabled && !results.isFetching ? t('nothing') : t('hint')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
