import { Title } from '@mantine/core';

export function AccountPage(_props: { id: string }) {
  return <Title order={1}>AccountPage</Title>;
}
