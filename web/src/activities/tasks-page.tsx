import { Alert, Anchor, Card, Center, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { groupTasks, type TaskGroups, useMyTasks, useToggleDone } from '../records/my-tasks.ts';
import type { Activity } from '../records/record-api.ts';
import { messageOf } from '../ui/form-errors.ts';

function recordLink(task: Activity): { to: string; kind: 'deal' | 'contact' | 'account' } | null {
  if (task.dealId) return { to: `/deals/${task.dealId}`, kind: 'deal' };
  if (task.contactId) return { to: `/contacts/${task.contactId}`, kind: 'contact' };
  if (task.accountId) return { to: `/accounts/${task.accountId}`, kind: 'account' };
  return null;
}

function TaskRow({
  task,
  timeZone,
  onToggle,
  editable,
}: {
  task: Activity;
  timeZone: string;
  onToggle: (done: boolean) => void;
  editable: boolean;
}) {
  const { t } = useTranslation('records');
  const done = task.doneAt !== null;
  const subject = task.subject ?? t('activityTypes.task');
  const link = recordLink(task);
  return (
    <Group wrap="nowrap" align="flex-start" gap="sm" data-testid="task-row">
      {editable && (
        <Checkbox
          checked={done}
          onChange={(event) => onToggle(event.currentTarget.checked)}
          aria-label={t('tasks.markDone', { subject })}
          mt={2}
        />
      )}
      <Stack gap={0} miw={0}>
        <Text size="sm" td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
          {subject}
        </Text>
        <Group gap="xs">
          {task.dueAt && (
            <Text size="xs" c="dimmed">
              {formatDateTime(task.dueAt, timeZone)}
            </Text>
          )}
          {link && (
            <Anchor component={Link} to={link.to} size="xs">
              {t(`tasks.open.${link.kind}`)}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Group>
  );
}

const groupOrder: (keyof TaskGroups)[] = ['overdue', 'today', 'later'];

/** The signed-in user's open tasks: what is late, what is due today, what comes later. */
export function TasksPage() {
  const { t } = useTranslation('records');
  const me = useMe().data;
  const timeZone = me?.workspace.timeZone ?? 'Europe/Amsterdam';
  const tasks = useMyTasks(me?.user.id);
  const toggle = useToggleDone(me?.user.id);
  const groups = tasks.data ? groupTasks(tasks.data, timeZone, new Date()) : null;
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">
        {t('tasks.title')}
      </Title>
      {tasks.isPending && (
        <Center py="xl">
          <Loader aria-label={t('loading')} />
        </Center>
      )}
      {tasks.isError && <Alert color="red">{messageOf(tasks.error, t('error'))}</Alert>}
      {tasks.data?.length === 0 && <Text c="dimmed">{t('tasks.empty')}</Text>}
      {groups &&
        groupOrder
          .filter((name) => groups[name].length > 0)
          .map((name) => (
            <Card
              withBorder
              component="section"
              key={name}
              aria-label={t(`tasks.${name}`)}
              data-testid={`tasks-${name}`}
            >
              <Title order={2} size="h4" mb="sm" c={name === 'overdue' ? 'red' : undefined}>
                {t(`tasks.${name}`)} ({groups[name].length})
              </Title>
              <Stack gap="sm">
                {groups[name].map((task) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    timeZone={timeZone}
                    editable={canWrite(me)}
                    onToggle={(done) => toggle.mutate({ id: task.id, done })}
                  />
                ))}
              </Stack>
            </Card>
          ))}
    </Stack>
  );
}
