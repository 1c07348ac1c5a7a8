// A contact's lead score on their page: fit and engagement apart and together, and why.
import { Badge, Card, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { ContactPrediction } from './predictive.tsx';

interface FiredRule {
  ruleId: string;
  label: string;
  points: number;
  events?: number;
}

export interface ContactScore {
  fit: number;
  engagement: number;
  total: number;
  isMql: boolean;
  fired: { fit: FiredRule[]; engagement: FiredRule[] };
}

function Rules({ rules, testId }: { rules: FiredRule[]; testId: string }) {
  const { t } = useTranslation('scoring');
  if (rules.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('noRules')}
      </Text>
    );
  return (
    <Table data-testid={testId} verticalSpacing={2} fz="xs">
      <Table.Tbody>
        {rules.map((rule) => (
          <Table.Tr key={rule.ruleId}>
            <Table.Td>
              {rule.label}
              {rule.events ? ` (${t('events', { count: rule.events })})` : ''}
            </Table.Td>
            <Table.Td ta="right" c={rule.points < 0 ? 'red' : undefined}>
              {rule.points > 0 ? '+' : ''}
              {formatNumber(rule.points)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `version` (the contact's updatedAt) refetches the score after the contact's fields change. */
export function ScoreCard({ contactId, version }: { contactId: string; version: string }) {
  const { t } = useTranslation('scoring');
  const score = useQuery({
    queryKey: ['score', contactId, version],
    queryFn: () => get<ContactScore>(`/contacts/${contactId}/score`),
  });
  const data = score.data;
  return (
    <Card withBorder data-testid="score-card">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('title')}
        </Title>
        {data?.isMql && (
          <Badge color="teal" variant="light">
            {t('mql')}
          </Badge>
        )}
      </Group>
      {score.isPending && <Loader size="sm" aria-label={t('loading')} />}
      {score.isError && (
        <Text size="sm" c="red">
          {t('failed')}
        </Text>
      )}
      {data && (
        <Stack gap="xs">
          <Group gap="lg">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('total')}
              </Text>
              <Text fz={28} fw={700} data-testid="score-total">
                {formatNumber(data.total)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('fit')}
              </Text>
              <Text fw={600}>{formatNumber(data.fit)}</Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('engagement')}
              </Text>
              <Text fw={600}>{formatNumber(data.engagement)}</Text>
            </Stack>
          </Group>
          <Progress value={Math.max(0, Math.min(100, data.total))} size="sm" aria-label={t('total')} />
          <Text size="xs" fw={600}>
            {t('fitRules')}
          </Text>
          <Rules rules={data.fired.fit} testId="score-fit-rules" />
          <Text size="xs" fw={600}>
            {t('engagementRules')}
          </Text>
          <Rules rules={data.fired.engagement} testId="score-engagement-rules" />
          <ContactPrediction contactId={contactId} version={version} />
        </Stack>
      )}
    </Card>
  );
}
