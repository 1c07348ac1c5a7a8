import { Title } from '@mantine/core';

export function DealPage(_props: { id: string }) {
  return <Title order={1}>DealPage</Title>;
}
