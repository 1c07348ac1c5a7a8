import type { Notification } from '@baken/core/notifications/notification.schema';
import { ActionIcon, Indicator, Menu, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';

const notificationsKey = ['notifications'] as const;

/** The bell in the header: SLA breaches and other news for the signed-in person, unread first. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notifications = useQuery({
    queryKey: notificationsKey,
    queryFn: () => get<{ data: Notification[]; unread: number }>('/notifications'),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (ids?: string[]) => post('/notifications/read', ids ? { ids } : {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.data ?? [];
  return (
    <Menu position="bottom-end" width={340}>
      <Menu.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
          <ActionIcon variant="subtle" aria-label={t('open', { count: unread })} data-testid="notifications">
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('title')}</Menu.Label>
        {items.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('empty')}
          </Text>
        )}
        {items.map((item) => (
          <Menu.Item
            key={item.id}
            fw={item.readAt ? 400 : 600}
            data-testid={`notification-${item.kind}`}
            onClick={() => {
              if (!item.readAt) markRead.mutate([item.id]);
              if (item.subject.contactId)
                void navigate({ to: '/contacts/$id', params: { id: item.subject.contactId } });
            }}
          >
            <Text size="sm">{t(`kinds.${item.kind}`, { name: item.subject.name ?? '' })}</Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(item.createdAt)}
            </Text>
          </Menu.Item>
        ))}
        {unread > 0 && (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => markRead.mutate(undefined)}>{t('readAll')}</Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
