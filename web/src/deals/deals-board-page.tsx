import { Title } from '@mantine/core';

export function DealsBoardPage() {
  return <Title order={1}>DealsBoardPage</Title>;
}
