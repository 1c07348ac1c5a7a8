// The three things a salesperson does most on a record: log a call, jot a note, plan the next step.
import { Button, Card, SegmentedControl, Select, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendarPlus, IconNote, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session.ts';
import { type ActivityTarget, useCreateActivity, wallClockToInstant } from './activity-api.ts';

const callOutcomes = [
  'connected',
  'no_answer',
  'voicemail',
  'meeting_booked',
  'call_back',
  'not_interested',
  'wrong_number',
] as const;

function LogCallForm({ target }: { target: ActivityTarget }) {
  const { t } = useTranslation('records');
  const create = useCreateActivity(target);
  const form = useForm({
    initialValues: { outcome: 'connected' as string | null, subject: '', body: '' },
    validate: { outcome: (value) => (value ? null : t('quick.outcomeRequired')) },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        type: 'call',
        direction: 'outbound',
        outcome: values.outcome,
        subject: values.subject || null,
        body: values.body || null,
        doneAt: new Date().toISOString(),
      },
      { onSuccess: () => form.reset() },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Select
          label={t('quick.outcome')}
          data={callOutcomes.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('outcome')}
        />
        <TextInput label={t('quick.subject')} {...form.getInputProps('subject')} />
        <Textarea label={t('quick.callNotes')} autosize minRows={2} {...form.getInputProps('body')} />
        <Button type="submit" loading={create.isPending}>
          {t('quick.logCallSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

function NoteForm({ target }: { target: ActivityTarget }) {
  const { t } = useTranslation('records');
  const create = useCreateActivity(target);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (value) => (value.trim() ? null : t('quick.noteRequired')) },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { type: 'note', body: values.body, doneAt: new Date().toISOString() },
      { onSuccess: () => form.reset() },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea label={t('quick.note')} autosize minRows={3} {...form.getInputProps('body')} />
        <Button type="submit" loading={create.isPending}>
          {t('quick.noteSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

function ScheduleForm({ target }: { target: ActivityTarget }) {
  const { t } = useTranslation('records');
  const timeZone = useMe().data?.workspace.timeZone ?? 'Europe/Amsterdam';
  const create = useCreateActivity(target);
  const form = useForm({
    initialValues: {
      type: 'task' as 'task' | 'meeting',
      subject: '',
      dueAt: null as string | null,
      body: '',
    },
    validate: {
      subject: (value) => (value.trim() ? null : t('quick.subjectRequired')),
      dueAt: (value) => (value ? null : t('quick.dueRequired')),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        type: values.type,
        subject: values.subject,
        body: values.body || null,
        dueAt: values.dueAt ? wallClockToInstant(values.dueAt, timeZone) : null,
      },
      { onSuccess: () => form.reset() },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('quick.kind')}
          data={[
            { value: 'task', label: t('activityTypes.task') },
            { value: 'meeting', label: t('activityTypes.meeting') },
          ]}
          {...form.getInputProps('type')}
        />
        <TextInput label={t('quick.subject')} withAsterisk {...form.getInputProps('subject')} />
        <DateTimePicker
          label={t('quick.dueAt', { zone: timeZone })}
          withAsterisk
          valueFormat="DD MMM YYYY HH:mm"
          clearable
          {...form.getInputProps('dueAt')}
        />
        <Textarea label={t('quick.details')} autosize minRows={2} {...form.getInputProps('body')} />
        <Button type="submit" loading={create.isPending}>
          {t('quick.scheduleSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

/** Shown only to people who may write; viewers get no quick actions at all. */
export function QuickActions({ target }: { target: ActivityTarget }) {
  const { t } = useTranslation('records');
  return (
    <Card withBorder component="section" aria-label={t('quick.title')} data-testid="quick-actions">
      <Tabs defaultValue="call" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="call" leftSection={<IconPhone size={16} />}>
            {t('quick.logCall')}
          </Tabs.Tab>
          <Tabs.Tab value="note" leftSection={<IconNote size={16} />}>
            {t('quick.addNote')}
          </Tabs.Tab>
          <Tabs.Tab value="schedule" leftSection={<IconCalendarPlus size={16} />}>
            {t('quick.schedule')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="call">
          <LogCallForm target={target} />
        </Tabs.Panel>
        <Tabs.Panel value="note">
          <NoteForm target={target} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule">
          <ScheduleForm target={target} />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
