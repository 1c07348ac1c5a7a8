import type { Account } from '@baken/core/accounts/account.schema';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../app/api.ts';

interface AccountPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/** Chooses a company by typing part of its name; searches the API rather than loading them all. */
export function AccountPicker({ value, onChange, error }: AccountPickerProps) {
  const { t } = useTranslation('ui');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery({
    queryKey: ['account-picker', debounced],
    queryFn: () => get<Page<Account>>('/accounts', { q: debounced || undefined, sort: 'name', limit: 20 }),
  });
  const options = (found.data?.data ?? []).map((account) => ({ value: account.id, label: account.name }));
  // Keep the chosen company among the options, or Select forgets its label on the next search.
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      label={t('form.account')}
      placeholder={t('form.accountSearch')}
      searchable
      clearable
      filter={({ options: all }) => all}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(id);
      }}
      error={error}
    />
  );
}
