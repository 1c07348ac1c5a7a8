import { Title } from '@mantine/core';

export function DealsPage() {
  return <Title order={1}>DealsPage</Title>;
}
