import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../ui/form-errors.ts';

export interface RelatedItem {
  id: string;
  to: string;
  label: string;
  detail?: ReactNode;
  extra?: ReactNode;
}

interface RelatedListProps {
  title: string;
  emptyText: string;
  items: RelatedItem[] | undefined;
  isPending: boolean;
  error: unknown;
  addLabel?: string | undefined;
  onAdd?: (() => void) | undefined;
  footer?: ReactNode;
  testId: string;
}

/** A card of linked records (an account's contacts or deals) with its own empty, loading and error state. */
export function RelatedList(props: RelatedListProps) {
  const { title, emptyText, items, isPending, error, addLabel, onAdd, footer, testId } = props;
  const { t } = useTranslation('records');
  return (
    <Card withBorder component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {onAdd && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Group>
      {isPending && <Loader size="sm" aria-label={t('loading')} />}
      {Boolean(error) && <Alert color="red">{messageOf(error, t('error'))}</Alert>}
      {items && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      <Stack gap={6}>
        {items?.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} miw={0}>
              <Anchor component={Link} to={item.to} size="sm" truncate>
                {item.label}
              </Anchor>
              {item.detail && (
                <Text size="xs" c="dimmed" truncate>
                  {item.detail}
                </Text>
              )}
            </Stack>
            {item.extra}
          </Group>
        ))}
      </Stack>
      {footer}
    </Card>
  );
}
