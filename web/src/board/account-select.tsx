import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../app/api.ts';

interface AccountOption {
  value: string;
  label: string;
}

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
}

/** An optional account, found by the server's search as the user types. */
export function AccountSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation('board');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<AccountOption | null>(null);
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['board-account-search', query],
    queryFn: () =>
      get<Page<{ id: string; name: string }>>('/accounts', {
        q: query,
        limit: 20,
        sort: query ? undefined : 'name',
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (found.data?.data ?? []).map((account) => ({ value: account.id, label: account.name }));
  // The chosen account stays an option while the search shows other names.
  if (picked && !options.some((option) => option.value === picked.value)) options.unshift(picked);
  return (
    <Select
      label={t('form.account')}
      placeholder={t('form.accountPlaceholder')}
      searchable
      clearable
      data={options}
      value={value}
      error={error}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('form.searching') : t('form.noAccounts')}
      onChange={(next, option) => {
        setPicked(next ? option : null);
        onChange(next);
      }}
    />
  );
}
