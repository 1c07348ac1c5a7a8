import { Button, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  body: string;
  /** The first step, e.g. "Add the first company"; absent for viewers, who cannot add. */
  action?: { label: string; onClick: () => void };
  icon?: ReactNode;
}

/** What an empty list says: why it is empty and what to do next. */
export function EmptyState({ title, body, action, icon }: EmptyStateProps) {
  return (
    <Center py="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" maw={460} ta="center">
        {icon}
        <Title order={3}>{title}</Title>
        <Text c="dimmed">{body}</Text>
        {action && <Button onClick={action.onClick}>{action.label}</Button>}
      </Stack>
    </Center>
  );
}
