import { Title } from '@mantine/core';

export function ApiTokensPage() {
  return <Title order={1}>ApiTokensPage</Title>;
}
