import { Title } from '@mantine/core';

export function ContactPage(_props: { id: string }) {
  return <Title order={1}>ContactPage</Title>;
}
