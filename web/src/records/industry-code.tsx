// SBI industry codes: a searchable select fed by GET /industry-codes (the list lives on the server,
// not in the web bundle) and the code's title for display, in the user's language.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import type { EditorProps } from './inline-field.tsx';

interface IndustryCode {
  code: string;
  nl: string;
  en: string;
}

const dotted = (code: string) => (/^\d{4,5}$/.test(code) ? `${code.slice(0, 2)}.${code.slice(2)}` : code);

function useIndustryCodes(q: string) {
  return useQuery({
    queryKey: ['industry-codes', q],
    queryFn: () => get<{ data: IndustryCode[] }>('/industry-codes', { q }),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

function useTitleOf() {
  const { i18n } = useTranslation();
  return (entry: IndustryCode) => (i18n.language === 'nl' ? entry.nl : entry.en);
}

/** `62.01 Computer programming …` for a stored code; an unlisted code gets its nearest parent's title. */
export function useIndustryCodeLabel(code: string | null): string {
  const titleOf = useTitleOf();
  const found = useIndustryCodes(code ?? '');
  if (!code) return '';
  const entry = found.data?.data.find((candidate) => candidate.code === code) ?? found.data?.data[0];
  return entry ? `${dotted(code)} ${titleOf(entry)}` : dotted(code);
}

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable'> & {
  value: string | null;
  onChange: (code: string | null) => void;
};

/** Search by code (`62.01`) or words of the title in Dutch or English. */
export function IndustryCodeSelect({ value, onChange, ...props }: PickerProps) {
  const { t } = useTranslation('records');
  const titleOf = useTitleOf();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const found = useIndustryCodes(debounced);
  const current = useIndustryCodeLabel(value);
  const options = (found.data?.data ?? []).map((entry) => ({
    value: entry.code,
    label: `${dotted(entry.code)} ${titleOf(entry)}`,
  }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: current });
  return (
    <Select
      {...props}
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      // The server has searched already; Mantine's own filter would hide codes found by their title.
      filter={({ options: all }) => all}
      nothingFoundMessage={t('industryCode.none')}
      placeholder={t('industryCode.placeholder')}
    />
  );
}

/** The inline editor of an account's industry code: picking one saves it, Escape keeps the old one. */
export function IndustryCodeEditor({ label, initial, finish }: EditorProps<string | null>) {
  const [ended, setEnded] = useState(false);
  const end: typeof finish = (outcome, refocus) => {
    if (ended) return;
    setEnded(true);
    finish(outcome, refocus);
  };
  return (
    <IndustryCodeSelect
      label={label}
      size="xs"
      autoFocus
      defaultDropdownOpened
      value={initial}
      onChange={(code) => end({ save: code }, true)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') end('cancel', true);
      }}
      onBlur={() => end('cancel', false)}
    />
  );
}
