import { routingModes } from '@baken/core/leads/handover.fields';
import type { LeadRouting } from '@baken/core/leads/handover.schema';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Chip,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, put } from '../app/api.ts';
import { isManager, useMe } from '../app/session.ts';
import { memberOptions, useMembers } from '../app/workspace-data.ts';
import { messageOf } from '../ui/form-errors.ts';

type Territory = LeadRouting['territories'][number];
const routingKey = ['lead-routing'] as const;

function TerritoryRow({
  territory,
  index,
  onChange,
  onRemove,
}: {
  territory: Territory;
  index: number;
  onChange: (territory: Territory) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('leads');
  const members = useMembers().data;
  const codes = (values: string[]) => values.map((value) => value.trim().toUpperCase()).filter(Boolean);
  return (
    <Card withBorder padding="sm" data-testid={`territory-${index}`}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('routing.territoryName')}
          value={territory.name}
          onChange={(event) => onChange({ ...territory, name: event.currentTarget.value })}
        />
        <Select
          label={t('routing.territoryOwner')}
          data={memberOptions(members)}
          value={territory.userId || null}
          onChange={(userId) => onChange({ ...territory, userId: userId ?? '' })}
        />
        <TagsInput
          label={t('routing.countries')}
          value={territory.countries}
          onChange={(values) => onChange({ ...territory, countries: codes(values) })}
        />
        <TagsInput
          label={t('routing.postcodes')}
          value={territory.postcodePrefixes}
          onChange={(values) => onChange({ ...territory, postcodePrefixes: codes(values) })}
        />
        <TagsInput
          label={t('routing.industries')}
          value={territory.industryPrefixes}
          onChange={(values) => onChange({ ...territory, industryPrefixes: codes(values) })}
        />
        <ActionIcon variant="subtle" color="red" aria-label={t('routing.removeTerritory')} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
    </Card>
  );
}

type WorkingHours = LeadRouting['workingHours'];

const holidayCountries = ['NL', 'BE', 'LU', 'DE', 'FR', 'GB'] as const;
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (time: string, fallback: number) => {
  const [hour, minute] = time.split(':').map(Number);
  return hour === undefined || minute === undefined || Number.isNaN(hour + minute)
    ? fallback
    : hour * 60 + minute;
};

/** The working week the first-touch deadline is counted in: days, hours, time zone, public holidays. */
function WorkingHoursFields({
  hours,
  onChange,
}: {
  hours: WorkingHours;
  onChange: (hours: WorkingHours) => void;
}) {
  const { t } = useTranslation('leads');
  return (
    <Group align="flex-end">
      <Chip.Group
        multiple
        value={hours.weekdays.map(String)}
        onChange={(days) => onChange({ ...hours, weekdays: days.map(Number).sort() })}
      >
        <Group gap={4} aria-label={t('routing.hours.days')}>
          {weekdays.map((day) => (
            <Chip key={day} value={String(day)} size="xs">
              {t(`routing.hours.weekdays.${day}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <TextInput
        type="time"
        label={t('routing.hours.start')}
        value={clock(hours.startMinute)}
        onChange={(event) =>
          onChange({ ...hours, startMinute: minuteOf(event.currentTarget.value, hours.startMinute) })
        }
      />
      <TextInput
        type="time"
        label={t('routing.hours.end')}
        value={clock(hours.endMinute)}
        onChange={(event) =>
          onChange({ ...hours, endMinute: minuteOf(event.currentTarget.value, hours.endMinute) })
        }
      />
      <Select
        label={t('routing.hours.holidays')}
        data={holidayCountries.map((country) => ({
          value: country,
          label: t(`routing.hours.countries.${country}`),
        }))}
        value={hours.country}
        allowDeselect={false}
        onChange={(country) => country && onChange({ ...hours, country })}
      />
      <Select
        label={t('routing.hours.timeZone')}
        data={Intl.supportedValuesOf('timeZone').filter((zone) => zone.startsWith('Europe/'))}
        value={hours.timeZone}
        searchable
        allowDeselect={false}
        onChange={(timeZone) => timeZone && onChange({ ...hours, timeZone })}
      />
    </Group>
  );
}

type SdrHandover = NonNullable<LeadRouting['sdrHandover']>;

/** Sales development to account executive: who books meetings, who takes the deals on, and how. */
function SdrHandoverFields({
  handover,
  onChange,
}: {
  handover: LeadRouting['sdrHandover'];
  onChange: (handover: LeadRouting['sdrHandover']) => void;
}) {
  const { t } = useTranslation('leads');
  const members = useMembers().data;
  const change = (patch: Partial<SdrHandover>) => handover && onChange({ ...handover, ...patch });
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('routing.sdr.title')}
      </Title>
      <Switch
        label={t('routing.sdr.enabled')}
        description={t('routing.sdr.hint')}
        checked={handover !== null}
        onChange={(event) =>
          onChange(
            event.currentTarget.checked ? { sdrUserIds: [], aeUserIds: [], rule: 'account_owner' } : null,
          )
        }
      />
      {handover && (
        <Group align="flex-start" grow>
          <MultiSelect
            label={t('routing.sdr.sdrs')}
            data={memberOptions(members)}
            value={handover.sdrUserIds}
            onChange={(sdrUserIds) => change({ sdrUserIds })}
            searchable
          />
          <MultiSelect
            label={t('routing.sdr.aes')}
            data={memberOptions(members)}
            value={handover.aeUserIds}
            onChange={(aeUserIds) => change({ aeUserIds })}
            searchable
          />
          <Select
            label={t('routing.sdr.rule')}
            data={(['account_owner', 'round_robin'] as const).map((rule) => ({
              value: rule,
              label: t(`routing.sdr.rules.${rule}`),
            }))}
            value={handover.rule}
            allowDeselect={false}
            onChange={(rule) => rule && change({ rule: rule as SdrHandover['rule'] })}
          />
        </Group>
      )}
    </Stack>
  );
}

function RoutingForm({ saved, canEdit }: { saved: LeadRouting; canEdit: boolean }) {
  const { t } = useTranslation('leads');
  const members = useMembers().data;
  const queryClient = useQueryClient();
  const [routing, setRouting] = useState<LeadRouting>(saved);
  const save = useMutation({
    mutationFn: (body: LeadRouting) => put<{ routing: LeadRouting }>('/lead-routing', body),
    onSuccess: (answer) => queryClient.setQueryData(routingKey, answer),
  });
  const hours = routing.workingHours;
  const setTerritory = (index: number, territory: Territory | null) =>
    setRouting({
      ...routing,
      territories: routing.territories.flatMap((current, at) =>
        at !== index ? [current] : territory ? [territory] : [],
      ),
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(routing);
      }}
    >
      <Stack maw={960}>
        <Select
          label={t('routing.mode')}
          description={t(`routing.modes.${routing.mode}.hint`)}
          data={routingModes.map((mode) => ({ value: mode, label: t(`routing.modes.${mode}.label`) }))}
          value={routing.mode}
          allowDeselect={false}
          onChange={(mode) => mode && setRouting({ ...routing, mode: mode as LeadRouting['mode'] })}
        />
        <MultiSelect
          label={t('routing.pool')}
          description={t('routing.poolHint')}
          data={memberOptions(members)}
          value={routing.userIds}
          onChange={(userIds) => setRouting({ ...routing, userIds })}
          searchable
        />
        {routing.mode === 'territory' && (
          <Stack gap="xs">
            <Text fw={600}>{t('routing.territories')}</Text>
            {routing.territories.map((territory, index) => (
              <TerritoryRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; order is their identity.
                key={index}
                index={index}
                territory={territory}
                onChange={(changed) => setTerritory(index, changed)}
                onRemove={() => setTerritory(index, null)}
              />
            ))}
            <Button
              variant="default"
              onClick={() =>
                setRouting({
                  ...routing,
                  territories: [
                    ...routing.territories,
                    { name: '', userId: '', countries: ['NL'], postcodePrefixes: [], industryPrefixes: [] },
                  ],
                })
              }
            >
              {t('routing.addTerritory')}
            </Button>
          </Stack>
        )}
        <Title order={2} size="h3">
          {t('routing.serviceLevels')}
        </Title>
        <Group>
          <NumberInput
            label={t('routing.firstTouchHours')}
            min={1}
            max={720}
            value={routing.firstTouchHours}
            onChange={(value) => setRouting({ ...routing, firstTouchHours: Number(value) || 1 })}
          />
          <NumberInput
            label={t('routing.mqlTarget')}
            description={t('routing.mqlTargetHint')}
            min={0}
            value={routing.mqlMonthlyTarget ?? ''}
            onChange={(value) =>
              setRouting({
                ...routing,
                mqlMonthlyTarget: value === '' ? null : Math.max(0, Math.round(Number(value))),
              })
            }
          />
        </Group>
        <WorkingHoursFields
          hours={hours}
          onChange={(workingHours) => setRouting({ ...routing, workingHours })}
        />
        <SdrHandoverFields
          handover={routing.sdrHandover}
          onChange={(sdrHandover) => setRouting({ ...routing, sdrHandover })}
        />
        {save.isError && <Alert color="red">{messageOf(save.error, t('routing.saveError'))}</Alert>}
        {save.isSuccess && <Alert color="green">{t('routing.saved')}</Alert>}
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('routing.save')}
            </Button>
          </Group>
        ) : (
          <Text c="dimmed">{t('routing.managersOnly')}</Text>
        )}
      </Stack>
    </form>
  );
}

/** Lead routing settings: who gets new MQLs, and the service levels between marketing and sales. */
export function LeadRoutingPage() {
  const { t } = useTranslation('leads');
  const me = useMe().data;
  const routing = useQuery({
    queryKey: routingKey,
    queryFn: () => get<{ routing: LeadRouting }>('/lead-routing'),
  });
  const canEdit = isManager(me);
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('routing.title')}</Title>
        <Text c="dimmed" size="sm" maw={720}>
          {t('routing.intro')}
        </Text>
      </Stack>
      {routing.isPending && <Loader aria-label={t('loading')} />}
      {routing.isError && <Alert color="red">{messageOf(routing.error, t('routing.error'))}</Alert>}
      {routing.data && <RoutingForm saved={routing.data.routing} canEdit={canEdit} />}
    </Stack>
  );
}
