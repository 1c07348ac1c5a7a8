// The ideal customer profile: weighted criteria a company meets or not, and the fit (0-100) at which
// it matches; beside it the traits of the best customers to adopt and the market the profile spans.
import { Alert, Button, Card, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, put } from '../app/api.ts';
import { isManager, useMe } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { CriterionRow } from './criterion-row.tsx';
import {
  accountFitKey,
  type CustomFieldDefinition,
  type Icp,
  type IcpAnswer,
  type IcpCriterion,
  icpKey,
  prospectsKey,
  useAccountCustomFields,
  useIcp,
} from './icp-api.ts';
import { IcpSuggestionsCard } from './icp-suggestions-card.tsx';
import { TamCard } from './tam-card.tsx';

/** Where a workspace without a profile starts: nothing required, a company matches at 60. */
const blankProfile: Icp = { criteria: [], fitThreshold: 60 };

function newCriterion(criteria: IcpCriterion[]): IcpCriterion {
  const ids = new Set(criteria.map((criterion) => criterion.id));
  let number = criteria.length + 1;
  while (ids.has(`criterion-${number}`)) number++;
  return {
    id: `criterion-${number}`,
    label: '',
    field: 'industryCode',
    condition: { op: 'startsWithAny', prefixes: [] },
    weight: 10,
  };
}

/** The server's message for a field of the body (`criteria.2.weight`) or anything under it. */
function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.errors?.find(
    (candidate) => candidate.field === field || candidate.field.startsWith(`${field}.`),
  )?.message;
}

interface EditorProps {
  saved: IcpAnswer;
  custom: CustomFieldDefinition[];
  editable: boolean;
}

function IcpEditor({ saved, custom, editable }: EditorProps) {
  const { t } = useTranslation('icp');
  const queryClient = useQueryClient();
  const [profile, setProfile] = useState<Icp>(saved.icp ?? blankProfile);
  const save = useMutation({
    mutationFn: (body: Icp) => put<IcpAnswer>('/icp', body),
    onSuccess: async (answer) => {
      if (answer.icp) setProfile(answer.icp);
      queryClient.setQueryData(icpKey, answer);
      notifications.show({ color: 'teal', message: t('profile.saved') });
      await Promise.all(
        [icpKey, prospectsKey, accountFitKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
  const criteria = profile.criteria;
  const setCriteria = (next: IcpCriterion[]) => setProfile({ ...profile, criteria: next });
  const add = (criterion: IcpCriterion) => {
    if (criteria.some((existing) => existing.id === criterion.id)) return;
    save.reset();
    setCriteria([...criteria, criterion]);
  };
  const changed = JSON.stringify(profile) !== JSON.stringify(saved.icp ?? blankProfile);
  return (
    <>
      <Card withBorder>
        <Stack>
          <NumberInput
            label={t('profile.threshold')}
            description={t('profile.thresholdHint')}
            value={profile.fitThreshold}
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            onChange={(value) =>
              setProfile({
                ...profile,
                fitThreshold: typeof value === 'number' ? value : profile.fitThreshold,
              })
            }
            disabled={!editable}
            error={fieldError(save.error, 'fitThreshold')}
            maw={320}
          />
          <Title order={2} size="h4">
            {t('profile.criteria')}
          </Title>
          {criteria.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="icp-no-criteria">
              {t('profile.noCriteria')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table data-testid="icp-criteria" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={230}>{t('profile.label')}</Table.Th>
                    <Table.Th w={200}>{t('profile.field')}</Table.Th>
                    <Table.Th>{t('profile.condition')}</Table.Th>
                    <Table.Th w={110} title={t('profile.weightHint')}>
                      {t('profile.weight')}
                    </Table.Th>
                    <Table.Th w={50} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {criteria.map((criterion, index) => (
                    <CriterionRow
                      key={criterion.id}
                      criterion={criterion}
                      custom={custom}
                      editable={editable}
                      errorOf={(part) => fieldError(save.error, `criteria.${index}.${part}`)}
                      onChange={(next) =>
                        setCriteria(criteria.map((other, at) => (at === index ? next : other)))
                      }
                      onRemove={() => {
                        save.reset();
                        setCriteria(criteria.filter((_, at) => at !== index));
                      }}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {editable && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() => add(newCriterion(criteria))}
                disabled={criteria.length >= 50}
              >
                {t('profile.add')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      {save.isError && <Alert color="red">{messageOf(save.error, t('profile.saveFailed'))}</Alert>}
      {editable ? (
        <Group>
          <Button onClick={() => save.mutate(profile)} loading={save.isPending} disabled={!changed}>
            {t('profile.save')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              save.reset();
              setProfile(saved.icp ?? blankProfile);
            }}
            disabled={!changed || save.isPending}
          >
            {t('profile.reset')}
          </Button>
          {changed && (
            <Text size="sm" c="dimmed">
              {t('profile.unsaved')}
            </Text>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('profile.readOnly')}
        </Text>
      )}
      <IcpSuggestionsCard
        editable={editable}
        criterionIds={new Set(criteria.map((criterion) => criterion.id))}
        onAdd={add}
      />
    </>
  );
}

export function IcpPage() {
  const { t } = useTranslation('icp');
  const editable = isManager(useMe().data);
  const saved = useIcp();
  const custom = useAccountCustomFields();
  return (
    <Stack maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('profile.title')}</Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('profile.intro')}
        </Text>
      </Stack>
      {(saved.isPending || custom.isPending) && <Loader aria-label={t('loading')} />}
      {saved.isError && <Alert color="red">{messageOf(saved.error, t('profile.loadFailed'))}</Alert>}
      {custom.isError && <Alert color="red">{messageOf(custom.error, t('profile.customFailed'))}</Alert>}
      {saved.data && !custom.isPending && (
        <>
          {!saved.data.icp && <Alert color="blue">{t('profile.none')}</Alert>}
          <IcpEditor saved={saved.data} custom={custom.data ?? []} editable={editable} />
          <TamCard version={saved.data.updatedAt} criteriaCount={saved.data.icp?.criteria.length ?? 0} />
        </>
      )}
    </Stack>
  );
}
