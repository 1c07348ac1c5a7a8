import { Anchor, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GlossaryTerm, glossarySections } from './terms.ts';

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');

function TermEntry({ term }: { term: GlossaryTerm }) {
  const { t } = useTranslation('glossary');
  return (
    <Stack gap={2} id={`term-${term.id}`} data-testid={`term-${term.id}`}>
      <Text fw={600}>{t(`terms.${term.id}.term`)}</Text>
      <Text size="sm">{t(`terms.${term.id}.definition`)}</Text>
      {term.to && (
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to={term.to as never} />}>
          {t('open')}
        </Anchor>
      )}
    </Stack>
  );
}

/** The in-app glossary: what each word means in Baken, searchable, with where to find it. */
export function GlossaryPage() {
  const { t } = useTranslation('glossary');
  const [query, setQuery] = useState('');
  const wanted = folded(query.trim());
  const matches = (term: GlossaryTerm) =>
    !wanted || folded(`${t(`terms.${term.id}.term`)} ${t(`terms.${term.id}.definition`)}`).includes(wanted);
  const sections = glossarySections
    .map((section) => ({ ...section, terms: section.terms.filter(matches) }))
    .filter((section) => section.terms.length > 0);
  return (
    <Stack maw={860}>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </Stack>
      <TextInput
        aria-label={t('search')}
        placeholder={t('search')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        autoFocus
      />
      {sections.length === 0 && <Text c="dimmed">{t('none', { query })}</Text>}
      {sections.map((section) => (
        <Card withBorder key={section.id}>
          <Stack>
            <Title order={2} size="h3">
              {t(`sections.${section.id}`)}
            </Title>
            {section.terms.map((term) => (
              <TermEntry key={term.id} term={term} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
