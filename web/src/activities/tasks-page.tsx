import { Title } from '@mantine/core';

export function TasksPage() {
  return <Title order={1}>TasksPage</Title>;
}
