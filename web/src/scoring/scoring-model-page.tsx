// The lead scoring model: points per rule, the MQL threshold and the half-life, with a live count of
// the contacts that would become MQL before anything is saved.
import type { FieldCondition, ScoringModel } from '@baken/core/scoring/lead-score';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, put } from '../app/api.ts';
import { formatNumber } from '../app/format.ts';
import { isManager, useMe } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { AddEngagementRule, AddFitRule } from './add-rule.tsx';
import { PredictiveModelCard } from './predictive.tsx';

const modelKey = ['scoring-model'] as const;

/** A condition as one short line: "= decision_maker", "contains directeur, eigenaar", "10-500". */
function conditionText(condition: FieldCondition): string {
  switch (condition.op) {
    case 'eq':
      return `= ${String(condition.value)}`;
    case 'in':
      return `∈ ${condition.values.join(', ')}`;
    case 'containsAny':
      return `~ ${condition.words.join(', ')}`;
    case 'hasAny':
      return `∋ ${condition.values.join(', ')}`;
    case 'hasNone':
      return `∌ ${condition.values.join(', ')}`;
    case 'startsWithAny':
      return condition.prefixes.map((prefix) => `${prefix}…`).join(', ');
    case 'between':
      return `${condition.min ?? '…'} – ${condition.max ?? '…'}`;
    case 'empty':
      return '∅';
    case 'filled':
      return '≠ ∅';
  }
}

const ruleIds = (model: ScoringModel) => [...model.fit, ...model.engagement].map((rule) => rule.id);

const number = (value: string | number, fallback: number) => (typeof value === 'number' ? value : fallback);

function Preview({ model }: { model: ScoringModel }) {
  const { t } = useTranslation('scoring');
  const [debounced] = useDebouncedValue(model, 400);
  const preview = useQuery({
    queryKey: ['scoring-model', 'preview', debounced],
    queryFn: () => post<{ mql: number; mqlWithCurrentModel: number }>('/scoring-model/preview', debounced),
  });
  if (preview.isError) return <Text c="red">{messageOf(preview.error, t('model.previewFailed'))}</Text>;
  if (!preview.data) return <Loader size="sm" aria-label={t('loading')} />;
  return (
    <Text data-testid="scoring-preview">
      {t('model.preview', {
        count: preview.data.mql,
        formatted: formatNumber(preview.data.mql),
        now: formatNumber(preview.data.mqlWithCurrentModel),
      })}
    </Text>
  );
}

export function ScoringModelPage() {
  const { t } = useTranslation('scoring');
  const queryClient = useQueryClient();
  const me = useMe().data;
  const editable = isManager(me);
  const saved = useQuery({
    queryKey: modelKey,
    queryFn: () => get<{ model: ScoringModel; updatedAt: string | null }>('/scoring-model'),
  });
  const [model, setModel] = useState<ScoringModel | null>(null);
  useEffect(() => {
    if (saved.data && !model) setModel(saved.data.model);
  }, [saved.data, model]);
  const save = useMutation({
    mutationFn: (next: ScoringModel) => put('/scoring-model', next),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('model.saved') });
      await queryClient.invalidateQueries({ queryKey: modelKey });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('model.saveFailed'), message: messageOf(error, '') }),
  });
  if (saved.isPending) return <Loader aria-label={t('loading')} />;
  if (saved.isError) return <Alert color="red">{messageOf(saved.error, t('model.loadFailed'))}</Alert>;
  if (!model) return null;
  const change = (patch: Partial<ScoringModel>) => setModel({ ...model, ...patch });
  return (
    <Stack maw={1000}>
      <Stack gap={4}>
        <Title order={1}>{t('model.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('model.intro')}
        </Text>
      </Stack>
      <Card withBorder>
        <Group align="flex-end">
          <NumberInput
            label={t('model.threshold')}
            value={model.mqlThreshold}
            onChange={(value) => change({ mqlThreshold: number(value, model.mqlThreshold) })}
            disabled={!editable}
            w={180}
          />
          <NumberInput
            label={t('model.halfLife')}
            description={t('model.halfLifeHint')}
            value={model.halfLifeDays}
            min={0}
            onChange={(value) => change({ halfLifeDays: number(value, model.halfLifeDays) })}
            disabled={!editable}
            w={220}
          />
          <Stack gap={4} style={{ flex: 1 }}>
            <Preview model={model} />
          </Stack>
        </Group>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('fitRules')}
        </Title>
        <Table data-testid="fit-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('model.rule')}</Table.Th>
              <Table.Th>{t('model.field')}</Table.Th>
              <Table.Th>{t('model.condition')}</Table.Th>
              <Table.Th w={120}>{t('model.points')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.fit.map((rule, index) => (
              <Table.Tr key={rule.id}>
                <Table.Td>{rule.label}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`fields.${rule.field}`)}</Text>
                </Table.Td>
                <Table.Td>{conditionText(rule.condition)}</Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('model.pointsOf', { rule: rule.label })}
                    value={rule.points}
                    disabled={!editable}
                    onChange={(value) =>
                      change({
                        fit: model.fit.map((other, at) =>
                          at === index ? { ...other, points: number(value, other.points) } : other,
                        ),
                      })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('model.remove', { rule: rule.label })}
                      onClick={() => change({ fit: model.fit.filter((_, at) => at !== index) })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {editable && (
          <AddFitRule taken={ruleIds(model)} onAdd={(rule) => change({ fit: [...model.fit, rule] })} />
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('engagementRules')}
        </Title>
        <Table data-testid="engagement-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('model.rule')}</Table.Th>
              <Table.Th>{t('model.event')}</Table.Th>
              <Table.Th w={120}>{t('model.points')}</Table.Th>
              <Table.Th w={120}>{t('model.cap')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.engagement.map((rule, index) => {
              const update = (patch: Partial<typeof rule>) =>
                change({
                  engagement: model.engagement.map((other, at) =>
                    at === index ? { ...other, ...patch } : other,
                  ),
                });
              return (
                <Table.Tr key={rule.id}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('model.labelOf', { rule: rule.label })}
                      value={rule.label}
                      disabled={!editable}
                      onChange={(event) => update({ label: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {rule.event}
                      {rule.pathContains ? ` ${rule.pathContains}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('model.pointsOf', { rule: rule.label })}
                      value={rule.points}
                      disabled={!editable}
                      onChange={(value) => update({ points: number(value, rule.points) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('model.capOf', { rule: rule.label })}
                      value={rule.cap ?? ''}
                      min={1}
                      placeholder={t('model.noCap')}
                      disabled={!editable}
                      onChange={(value) => {
                        const { cap: _cap, ...rest } = rule;
                        change({
                          engagement: model.engagement.map((other, at) =>
                            at === index
                              ? typeof value === 'number'
                                ? { ...rest, cap: value }
                                : rest
                              : other,
                          ),
                        });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {editable && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('model.remove', { rule: rule.label })}
                        onClick={() =>
                          change({ engagement: model.engagement.filter((_, at) => at !== index) })
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {editable && (
          <AddEngagementRule
            taken={ruleIds(model)}
            onAdd={(rule) => change({ engagement: [...model.engagement, rule] })}
          />
        )}
      </Card>
      {editable ? (
        <Group>
          <Button onClick={() => save.mutate(model)} loading={save.isPending}>
            {t('model.save')}
          </Button>
          <Button variant="default" onClick={() => setModel(saved.data.model)} disabled={save.isPending}>
            {t('model.reset')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('model.readOnly')}
        </Text>
      )}
      <PredictiveModelCard editable={editable} />
    </Stack>
  );
}
