import { funnelBands } from '@baken/core/lifecycle/lifecycle';
import type { LifecycleSummary } from '@baken/core/lifecycle/lifecycle.schema';
import { Alert, Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { messageOf } from '../ui/form-errors.ts';

type StageCount = LifecycleSummary['data'][number];

function StageCard({ stage }: { stage: StageCount }) {
  const { t } = useTranslation('leads');
  const { t: tr } = useTranslation('records');
  return (
    <Card withBorder padding="sm" data-testid={`stage-${stage.stage}`}>
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {tr(`enums.lifecycleStage.${stage.stage}`)}
        </Text>
        <Text fz={28} fw={700}>
          {formatNumber(stage.count)}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`stages.${stage.stage}`)}
        </Text>
        {stage.count > 0 && (
          <Anchor
            size="sm"
            renderRoot={(rootProps) => (
              <Link
                {...rootProps}
                to="/contacts"
                search={{ filter: [`lifecycleStage:eq:${stage.stage}`] } as never}
              />
            )}
          >
            {t('open')}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** Leads: how many contacts are in each lifecycle stage, by funnel band, each a link to its list. */
export function LeadsPage() {
  const { t } = useTranslation('leads');
  const summary = useQuery({
    queryKey: ['lifecycle', 'summary'],
    queryFn: () => get<LifecycleSummary>('/lifecycle/summary'),
  });
  const stages = summary.data?.data ?? [];
  const total = stages.reduce((sum, stage) => sum + stage.count, 0);
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" size="sm" maw={720}>
          {t('intro')}
        </Text>
      </Stack>
      {summary.isPending && <Loader aria-label={t('loading')} />}
      {summary.isError && <Alert color="red">{messageOf(summary.error, t('error'))}</Alert>}
      {summary.data && total === 0 && <EmptyState title={t('empty.title')} body={t('empty.body')} />}
      {summary.data &&
        total > 0 &&
        funnelBands.map((band) => (
          <Stack key={band} gap="xs" data-testid={`band-${band}`}>
            <Group gap="xs" align="baseline">
              <Title order={2} size="h3">
                {t(`bands.${band}.title`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`bands.${band}.hint`)}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {stages
                .filter((stage) => stage.band === band)
                .map((stage) => (
                  <StageCard key={stage.stage} stage={stage} />
                ))}
            </SimpleGrid>
          </Stack>
        ))}
    </Stack>
  );
}
