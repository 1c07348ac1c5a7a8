// "My tasks": open tasks of the signed-in user, grouped by the workspace's calendar day.
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, type Page, patch } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';
import { dayInZone, myTasksKey } from './activity-api.ts';
import type { Activity } from './record-api.ts';

const TASK_LIMIT = 200;

export function useMyTasks(userId: string | undefined) {
  return useQuery({
    queryKey: [...myTasksKey, userId],
    enabled: Boolean(userId),
    queryFn: async () =>
      (
        await get<Page<Activity>>('/activities', {
          filter: ['type:eq:task', `ownerId:eq:${userId}`, 'doneAt:empty'],
          sort: 'dueAt',
          limit: TASK_LIMIT,
        })
      ).data,
  });
}

export interface TaskGroups {
  overdue: Activity[];
  today: Activity[];
  later: Activity[];
}

export function groupTasks(tasks: Activity[], timeZone: string, now: Date): TaskGroups {
  const today = dayInZone(now, timeZone);
  const groups: TaskGroups = { overdue: [], today: [], later: [] };
  for (const task of tasks) {
    const day = task.dueAt ? dayInZone(task.dueAt, timeZone) : null;
    if (day && day < today) groups.overdue.push(task);
    else if (day === today) groups.today.push(task);
    else groups.later.push(task);
  }
  return groups;
}

/**
 * Ticks a task off (or back on). The list keeps a ticked task, struck through, until the next load,
 * so a mis-click can be undone where it happened.
 */
export function useToggleDone(userId: string | undefined) {
  const { t } = useTranslation('records');
  const queryClient = useQueryClient();
  const key = [...myTasksKey, userId];
  const setDone = (id: string, doneAt: string | null) =>
    queryClient.setQueryData<Activity[]>(key, (tasks) =>
      tasks?.map((task) => (task.id === id ? { ...task, doneAt } : task)),
    );
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      patch<Activity>(`/activities/${id}`, { doneAt: done ? new Date().toISOString() : null }),
    onMutate: async ({ id, done }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before =
        queryClient.getQueryData<Activity[]>(key)?.find((task) => task.id === id)?.doneAt ?? null;
      setDone(id, done ? new Date().toISOString() : null);
      return { before };
    },
    onError: (error, { id }, context) => {
      setDone(id, context?.before ?? null);
      notifications.show({ color: 'red', title: t('save.failed'), message: messageOf(error, t('error')) });
    },
    onSuccess: (saved) => setDone(saved.id, saved.doneAt),
  });
}
