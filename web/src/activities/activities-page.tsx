import { Title } from '@mantine/core';

export function ActivitiesPage() {
  return <Title order={1}>ActivitiesPage</Title>;
}
