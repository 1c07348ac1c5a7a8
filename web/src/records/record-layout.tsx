// The frame every record page shares: loading and error states, a header card, and two columns that
// stack on a phone (related records and quick actions first there, as they are what one acts on).
import { Alert, Anchor, Card, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { messageOf } from '../ui/form-errors.ts';

export function RecordLoading() {
  const { t } = useTranslation('records');
  return (
    <Center py="xl">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

export function RecordError({ error, backTo }: { error: unknown; backTo: string }) {
  const { t } = useTranslation('records');
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <Alert color={missing ? 'yellow' : 'red'} title={missing ? t('notFound') : t('error')} role="alert">
      <Stack gap="xs">
        {!missing && <Text size="sm">{messageOf(error, t('error'))}</Text>}
        <Anchor component={Link} to={backTo}>
          {t('back')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

interface RecordFrameProps {
  kindLabel: string;
  title: ReactNode;
  badges?: ReactNode;
  fields: ReactNode;
  main: ReactNode;
  side: ReactNode;
}

export function RecordFrame({ kindLabel, title, badges, fields, main, side }: RecordFrameProps) {
  return (
    <Stack gap="md">
      <Card withBorder component="header">
        <Text size="xs" c="dimmed" tt="uppercase">
          {kindLabel}
        </Text>
        <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {badges}
        </Group>
        {fields}
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          {main}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">{side}</Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
