// The predictive score: the model's quality and top features (settings), and a contact's chance.
import type { predictionResponse, predictiveModelResponse } from '@baken/core/scoring/predictive.schema';
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { messageOf } from '../ui/form-errors.ts';

type ModelAnswer = z.infer<typeof predictiveModelResponse>;
type Prediction = NonNullable<z.infer<typeof predictionResponse>['prediction']>;

const qualityColor = { good: 'teal', fair: 'yellow', poor: 'red', unknown: 'gray' } as const;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** On the scoring settings: when the model learned, how well it predicts, and what it looks at. */
export function PredictiveModelCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation('scoring');
  const queryClient = useQueryClient();
  const answer = useQuery({
    queryKey: ['predictive-model'],
    queryFn: () => get<ModelAnswer>('/predictive-model'),
  });
  const train = useMutation({
    mutationFn: () => post<ModelAnswer>('/predictive-model/train'),
    onSuccess: (trained) => queryClient.setQueryData(['predictive-model'], trained),
  });
  const model = answer.data?.model;
  return (
    <Card withBorder data-testid="predictive-model">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('predictive.title')}
          </Title>
          {editable && (
            <Button size="xs" onClick={() => train.mutate()} loading={train.isPending}>
              {model ? t('predictive.retrain') : t('predictive.train')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('predictive.intro')}
        </Text>
        {train.isError && <Alert color="orange">{messageOf(train.error, t('predictive.failed'))}</Alert>}
        {answer.data && !model && <Text size="sm">{t('predictive.untrained')}</Text>}
        {model && (
          <>
            <Group gap="md">
              <Badge color={qualityColor[model.quality]} data-testid="predictive-quality">
                {t(`predictive.quality.${model.quality}`)}
              </Badge>
              <Text size="sm">
                {t('predictive.auc', { auc: model.auc === null ? '—' : model.auc.toFixed(2) })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('predictive.trained', {
                  at: formatDateTime(model.trainedAt),
                  rows: model.trainingRows + model.holdoutRows,
                  customers: percent(model.baseRate),
                })}
              </Text>
            </Group>
            <Table fz="sm" verticalSpacing={2}>
              <Table.Tbody>
                {model.topFeatures.map((feature) => (
                  <Table.Tr key={feature.column}>
                    <Table.Td>{feature.label}</Table.Td>
                    <Table.Td ta="right" c={feature.weight < 0 ? 'red' : 'teal'}>
                      {feature.weight > 0 ? t('predictive.raises') : t('predictive.lowers')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** On a contact's score card: the chance of becoming a customer, and what moved it most. */
export function ContactPrediction({ contactId, version }: { contactId: string; version: string }) {
  const { t } = useTranslation('scoring');
  const answer = useQuery({
    queryKey: ['prediction', contactId, version],
    queryFn: () => get<{ prediction: Prediction | null }>(`/contacts/${contactId}/prediction`),
  });
  const prediction = answer.data?.prediction;
  if (!prediction) return null;
  return (
    <Stack gap={2} data-testid="contact-prediction">
      <Group gap="xs">
        <Text size="xs" fw={600}>
          {t('predictive.chance')}
        </Text>
        <Text size="sm" fw={700}>
          {percent(prediction.probability)}
        </Text>
        <Badge size="xs" color={qualityColor[prediction.quality]}>
          {t(`predictive.quality.${prediction.quality}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {prediction.contributions
          .map((part) => `${part.contribution > 0 ? '+' : '−'} ${part.label}`)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
