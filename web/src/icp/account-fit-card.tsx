// A company's fit to the ideal customer profile on its page: the score, whether it matches, and the
// criteria it meets and misses with their weight.
import { Anchor, Badge, Card, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { type AccountFit, accountFitKey } from './icp-api.ts';

function Reasons({ reasons }: { reasons: AccountFit['reasons'] }) {
  const { t } = useTranslation('icp');
  // What the company meets first, then what it misses; the heaviest first within each.
  const ordered = [...reasons].sort((a, b) => Number(b.met) - Number(a.met) || b.weight - a.weight);
  return (
    <Table data-testid="account-fit-reasons" verticalSpacing={2} fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('fit.criterion')}</Table.Th>
          <Table.Th ta="right">{t('fit.weight')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ordered.map((reason) => (
          <Table.Tr
            key={reason.criterionId}
            c={reason.met ? 'teal' : 'dimmed'}
            data-met={reason.met}
            title={reason.met ? t('fit.met') : t('fit.missed')}
          >
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {reason.met ? (
                  <IconCheck size={12} aria-label={t('fit.met')} />
                ) : (
                  <IconX size={12} aria-label={t('fit.missed')} />
                )}
                {reason.label}
              </Group>
            </Table.Td>
            <Table.Td ta="right">{formatNumber(reason.weight)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `version` (the company's updatedAt) asks again after the company's fields change. */
export function AccountFitCard({ accountId, version }: { accountId: string; version: string }) {
  const { t } = useTranslation('icp');
  const fit = useQuery({
    queryKey: [...accountFitKey, accountId, version],
    queryFn: () => get<AccountFit>(`/accounts/${accountId}/fit`),
  });
  const data = fit.data;
  if (data && data.score === null)
    return (
      <Text size="xs" c="dimmed" data-testid="account-fit-hint">
        {t('fit.noProfile')}{' '}
        <Anchor renderRoot={(props) => <Link {...props} to="/settings/icp" />} size="xs">
          {t('fit.setUp')}
        </Anchor>
      </Text>
    );
  return (
    <Card withBorder padding="sm" data-testid="account-fit">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('fit.title')}</Title>
        {data?.matches && (
          <Badge color="teal" variant="light">
            {t('fit.matches')}
          </Badge>
        )}
      </Group>
      {fit.isPending && <Loader size="sm" aria-label={t('loading')} />}
      {fit.isError && (
        <Text size="sm" c="red">
          {t('fit.failed')}
        </Text>
      )}
      {data && data.score !== null && (
        <Stack gap="xs">
          <Group gap={4} align="baseline">
            <Text fz={28} fw={700} data-testid="account-fit-score">
              {formatNumber(data.score)}
            </Text>
            <Text size="sm" c="dimmed">
              / 100
            </Text>
          </Group>
          <Progress
            value={data.score}
            size="sm"
            color={data.matches ? 'teal' : 'gray'}
            aria-label={t('fit.title')}
          />
          {data.reasons.length > 0 && <Reasons reasons={data.reasons} />}
        </Stack>
      )}
    </Card>
  );
}
