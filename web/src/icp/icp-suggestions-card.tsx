// The data-driven profile: traits over-represented among the best customers, each ready to be added to
// the profile being edited.
import { Alert, Button, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { currentLanguage } from '../app/i18n.ts';
import { useIndustryCodeLabel } from '../records/industry-code.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { messageOf } from '../ui/form-errors.ts';
import { type IcpCriterion, type IcpSuggestions, icpKey, type Suggestion } from './icp-api.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A lift as "×1.8": one decimal, in the user's locale. */
const liftText = (lift: number) =>
  `×${new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(lift)}`;

/** The suggested value as people read it: an industry's title, a country's name, a size band. */
function useValueText(suggestion: Suggestion): string {
  const { t, i18n } = useTranslation('icp');
  const industry = useIndustryCodeLabel(suggestion.field === 'industry' ? suggestion.value : null);
  switch (suggestion.field) {
    case 'industry':
      return industry || suggestion.value;
    case 'size':
      return t('suggestions.employees', { range: suggestion.value });
    case 'country': {
      const name = new Intl.DisplayNames([i18n.language], { type: 'region', fallback: 'code' }).of(
        suggestion.value,
      );
      return name && name !== suggestion.value ? `${name} (${suggestion.value})` : suggestion.value;
    }
    default:
      return suggestion.value;
  }
}

interface SuggestionRowProps {
  suggestion: Suggestion;
  added: boolean;
  editable: boolean;
  onAdd: (criterion: IcpCriterion) => void;
}

function SuggestionRow({ suggestion, added, editable, onAdd }: SuggestionRowProps) {
  const { t } = useTranslation('icp');
  const value = useValueText(suggestion);
  const field = t(`suggestions.fields.${suggestion.field}`, { defaultValue: suggestion.field });
  return (
    <Table.Tr data-testid={`icp-suggestion-${suggestion.criterion.id}`}>
      <Table.Td>{field}</Table.Td>
      <Table.Td>{value}</Table.Td>
      <Table.Td title={t('suggestions.countHint', { count: suggestion.count })}>
        {percent(suggestion.support)}
      </Table.Td>
      <Table.Td>{liftText(suggestion.lift)}</Table.Td>
      <Table.Td>
        {added ? (
          <Text size="sm" c="teal" span>
            <IconCheck size={14} /> {t('suggestions.added')}
          </Text>
        ) : (
          editable && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => onAdd({ ...suggestion.criterion, label: `${field}: ${value}`.slice(0, 200) })}
            >
              {t('suggestions.add')}
            </Button>
          )
        )}
      </Table.Td>
    </Table.Tr>
  );
}

interface SuggestionsCardProps {
  editable: boolean;
  /** Ids of the criteria in the profile being edited: a suggestion already in it is not added twice. */
  criterionIds: Set<string>;
  onAdd: (criterion: IcpCriterion) => void;
}

export function IcpSuggestionsCard({ editable, criterionIds, onAdd }: SuggestionsCardProps) {
  const { t } = useTranslation('icp');
  const answer = useQuery({
    queryKey: [...icpKey, 'suggestions'],
    queryFn: () => get<IcpSuggestions>('/icp/suggestions'),
  });
  const data = answer.data;
  return (
    <Card withBorder data-testid="icp-suggestions">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('suggestions.title')}
        </Title>
        {answer.isPending && <Loader size="sm" aria-label={t('loading')} />}
        {answer.isError && <Alert color="red">{messageOf(answer.error, t('suggestions.failed'))}</Alert>}
        {data && data.customers === 0 && (
          <EmptyState title={t('suggestions.noCustomers.title')} body={t('suggestions.noCustomers.body')} />
        )}
        {data && data.customers > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {t('suggestions.intro', {
                best: formatNumber(data.bestCustomers),
                customers: formatNumber(data.customers),
                accounts: formatNumber(data.accounts),
              })}
            </Text>
            {data.suggestions.length === 0 ? (
              <Text size="sm">{t('suggestions.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('suggestions.field')}</Table.Th>
                      <Table.Th>{t('suggestions.value')}</Table.Th>
                      <Table.Th title={t('suggestions.supportHint')}>{t('suggestions.support')}</Table.Th>
                      <Table.Th title={t('suggestions.liftHint')}>{t('suggestions.lift')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.suggestions.map((suggestion) => (
                      <SuggestionRow
                        key={suggestion.criterion.id}
                        suggestion={suggestion}
                        added={criterionIds.has(suggestion.criterion.id)}
                        editable={editable}
                        onAdd={onAdd}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
