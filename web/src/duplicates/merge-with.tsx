// "Merge with…" on a contact or company page: the records that look like this one first (the same
// check a create form runs), or any other record found by name, then the usual merge dialog.
import { Button, Card, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../app/api.ts';
import { checkDuplicates, type Match, type Pair, type PairKind, type RecordOf } from './duplicates-api.ts';
import { MergeDialog } from './merge-dialog.tsx';
import { reasonsText } from './reasons.ts';
import { recordTitle } from './record-summary.tsx';

type Query = Record<string, string | null | undefined>;

/** The fields the duplicate check compares, taken from a stored record. */
function checkQueryOf<K extends PairKind>(kind: K, record: RecordOf<K>): Query {
  if (kind === 'contacts') {
    const { firstName, lastName, email, phone, mobile, accountId } = record as RecordOf<'contacts'>;
    return { firstName, lastName, email, phone, mobile, accountId };
  }
  const { name, domain, kvkNumber, city } = record as RecordOf<'accounts'>;
  return { name, domain, kvkNumber, city };
}

/** A pair made by hand, in the shape the merge dialog reviews. */
const pairOf = <R,>(a: R, b: R, match?: Match<R>): Pair<R> => ({
  id: '',
  score: match?.score ?? 0,
  reasons: match?.reasons ?? [],
  exact: match?.exact ?? false,
  status: 'open',
  foundAt: new Date().toISOString(),
  a,
  b,
});

function useLookalikes<K extends PairKind>(kind: K, record: RecordOf<K>, enabled: boolean) {
  return useQuery({
    queryKey: ['duplicates', 'lookalikes', kind, record.id],
    enabled,
    queryFn: async () =>
      (await checkDuplicates(kind, checkQueryOf(kind, record))).data.filter(
        (match) => match.record.id !== record.id,
      ),
  });
}

function useSearch<K extends PairKind>(kind: K, text: string, exceptId: string) {
  return useQuery({
    queryKey: ['duplicates', 'merge-search', kind, text],
    queryFn: async () =>
      (
        await get<Page<RecordOf<K>>>(`/${kind}`, {
          q: text || undefined,
          sort: kind === 'contacts' ? 'lastName' : 'name',
          limit: 20,
        })
      ).data.filter((found) => found.id !== exceptId),
  });
}

interface ChooserProps<K extends PairKind> {
  kind: K;
  record: RecordOf<K>;
  onChoose: (other: RecordOf<K>, match?: Match<RecordOf<K>>) => void;
}

/** Lookalikes as buttons, then a search over every record of the kind. */
function OtherRecordChooser<K extends PairKind>({ kind, record, onChoose }: ChooserProps<K>) {
  const { t, i18n } = useTranslation('duplicates');
  const lookalikes = useLookalikes(kind, record, true);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const found = useSearch(kind, debounced, record.id);
  const options = (found.data ?? []).map((other) => ({ value: other.id, label: recordTitle(kind, other) }));
  return (
    <Stack>
      <Text size="sm" fw={600}>
        {t('mergeWith.lookalikes')}
      </Text>
      {lookalikes.isPending && <Text size="sm">{t('mergeWith.checking')}</Text>}
      {lookalikes.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mergeWith.noLookalikes')}
        </Text>
      )}
      {lookalikes.data?.map((match) => (
        <Button
          key={match.record.id}
          variant="default"
          justify="space-between"
          fullWidth
          h="auto"
          py={6}
          onClick={() => onChoose(match.record, match)}
          data-testid="merge-with-lookalike"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
        >
          {t('warning.record', {
            name: recordTitle(kind, match.record),
            reasons: reasonsText(t, match.reasons, i18n.language),
          })}
        </Button>
      ))}
      <Select
        label={t('mergeWith.search')}
        placeholder={t('mergeWith.searchPlaceholder')}
        searchable
        filter={({ options: all }) => all}
        data={options}
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={found.isPending ? t('mergeWith.checking') : t('mergeWith.nothingFound')}
        onChange={(id) => {
          const other = found.data?.find((candidate) => candidate.id === id);
          if (other) onChoose(other);
        }}
      />
    </Stack>
  );
}

/** The card on a record page that starts a merge of this record with another one. */
export function MergeWithAction<K extends PairKind>({ kind, record }: { kind: K; record: RecordOf<K> }) {
  const { t } = useTranslation('duplicates');
  const navigate = useNavigate();
  const [choosing, setChoosing] = useState(false);
  const [pair, setPair] = useState<Pair<RecordOf<K>> | null>(null);
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb={4}>
        {t('mergeWith.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`mergeWith.intro.${kind}`)}
      </Text>
      <Button variant="default" onClick={() => setChoosing(true)}>
        {t('mergeWith.button')}
      </Button>
      <Modal opened={choosing} onClose={() => setChoosing(false)} title={t('mergeWith.chooseTitle')}>
        {choosing && (
          <OtherRecordChooser
            kind={kind}
            record={record}
            onChoose={(other, match) => {
              setChoosing(false);
              setPair(pairOf(record, other, match));
            }}
          />
        )}
      </Modal>
      {pair && (
        <MergeDialog
          kind={kind}
          pair={pair}
          onClose={() => setPair(null)}
          onMerged={({ survivor }) => {
            setPair(null);
            // This page's record may be the one that went: show the one that stayed.
            if (survivor.id !== record.id)
              void navigate({
                to: kind === 'contacts' ? '/contacts/$id' : '/accounts/$id',
                params: { id: survivor.id },
              });
          }}
        />
      )}
    </Card>
  );
}
