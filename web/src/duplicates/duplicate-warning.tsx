// The warning a create form shows before saving a record that looks like one that exists:
// "Possible duplicate: X (same email address) — Open / Create anyway".
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDuplicates, type Match, type PairKind, type RecordOf } from './duplicates-api.ts';
import { reasonsText } from './reasons.ts';
import { recordTitle } from './record-summary.tsx';

type Query = Record<string, string | null | undefined>;

/**
 * `submit(values, query)` saves at once when nothing looks alike, and otherwise keeps the matches
 * for the warning; `createAnyway()` then saves the values as they were.
 */
export function useDuplicateGate<K extends PairKind, V>(kind: K, save: (values: V) => void) {
  const [pending, setPending] = useState<{ values: V; matches: Match<RecordOf<K>>[] } | null>(null);
  const [checking, setChecking] = useState(false);
  return {
    matches: pending?.matches ?? [],
    checking,
    async submit(values: V, query: Query) {
      setChecking(true);
      try {
        const { data } = await checkDuplicates(kind, query);
        if (data.length > 0) {
          setPending({ values, matches: data });
          return;
        }
      } catch {
        // The check only warns: when it fails, saving goes ahead.
      } finally {
        setChecking(false);
      }
      save(values);
    },
    createAnyway() {
      if (pending) save(pending.values);
      setPending(null);
    },
    reset: () => setPending(null),
  };
}

export function DuplicateWarning<K extends PairKind>({
  kind,
  matches,
  onCreateAnyway,
}: {
  kind: K;
  matches: Match<RecordOf<K>>[];
  onCreateAnyway: () => void;
}) {
  const { t, i18n } = useTranslation('duplicates');
  if (matches.length === 0) return null;
  return (
    <Alert color="yellow" title={t('warning.title')} data-testid="duplicate-warning">
      <Stack gap="xs">
        {matches.slice(0, 3).map((match) => (
          <Group key={match.record.id} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">
              {t('warning.record', {
                name: recordTitle(kind, match.record),
                reasons: reasonsText(t, match.reasons, i18n.language),
              })}
            </Text>
            <Anchor
              size="sm"
              renderRoot={(rootProps) => (
                <Link
                  {...rootProps}
                  to={kind === 'contacts' ? '/contacts/$id' : '/accounts/$id'}
                  params={{ id: match.record.id }}
                />
              )}
            >
              {t('warning.open')}
            </Anchor>
          </Group>
        ))}
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={onCreateAnyway} data-testid="create-anyway">
            {t('warning.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
