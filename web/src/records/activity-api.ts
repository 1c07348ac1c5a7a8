// Creating and completing activities from record pages and the tasks page.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';
import { type Activity, type RecordKind, timelineKey } from './record-api.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

export const myTasksKey = ['my-tasks'] as const;

/** Which records a new activity belongs to, and which timeline shows it. */
export interface ActivityTarget {
  kind: RecordKind;
  id: string;
  links: { contactId?: string | null; accountId?: string | null; dealId?: string | null };
}

/**
 * A date picker's wall-clock text ("2026-05-04 14:30:00") read in the workspace's time zone, so a
 * meeting at 14:30 is 14:30 in Amsterdam whatever zone the browser runs in.
 */
export function wallClockToInstant(value: string, timeZone: string): string {
  return dayjs.tz(value, timeZone).toISOString();
}

/** The reverse: an instant as the wall-clock parts of the workspace's zone (for "today" and "overdue"). */
export function dayInZone(instant: string | Date, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD');
}

export function useCreateActivity(target: ActivityTarget) {
  const { t } = useTranslation('records');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: Partial<Activity> & { type: Activity['type'] }) =>
      post<Activity>('/activities', { ...values, ...target.links }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('quick.saved') });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: timelineKey(target.kind, target.id) }),
        queryClient.invalidateQueries({ queryKey: myTasksKey }),
      ]);
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('quick.failed'), message: messageOf(error, t('error')) }),
  });
}
