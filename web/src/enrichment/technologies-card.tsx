// What the account runs (technologies, grouped by category) and where it is found online.
import type { SocialLinks } from '@baken/core/enrichment/enrichment.schema';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnrichmentState } from './enrichment-api.ts';
import { SourceHint } from './source-hint.tsx';
import { groupTechnologies } from './technology-groups.ts';

export function TechnologiesCard({ accountId, technologies }: { accountId: string; technologies: string[] }) {
  const { t } = useTranslation('enrichment');
  const sources = useEnrichmentState(accountId).data?.sources;
  const social = sources?.find((source) => source.field === 'socialLinks')?.value as SocialLinks | undefined;
  const language = sources?.find((source) => source.field === 'language')?.value as string | undefined;
  return (
    <Card withBorder padding="sm" data-testid="technologies">
      <Stack gap="xs">
        <Title order={4}>{t('technologies')}</Title>
        {technologies.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('noTechnologies')}
          </Text>
        )}
        {groupTechnologies(technologies).map(([category, names]) => (
          <Stack key={category} gap={4} data-testid={`technologies-${category}`}>
            <Text size="xs" c="dimmed">
              {t(`categories.${category}`, { defaultValue: category })}
            </Text>
            <Group gap={4}>
              {names.map((name) => (
                <Badge key={name} variant="light" size="sm" tt="none">
                  {name}
                </Badge>
              ))}
            </Group>
          </Stack>
        ))}
        <SourceHint
          field="technologies"
          value={sources?.find((s) => s.field === 'technologies')?.value}
          sources={sources}
        />
        {social && Object.keys(social).length > 0 && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('fields.socialLinks')}
            </Text>
            <Group gap="xs">
              {Object.entries(social).map(([network, url]) => (
                <Anchor key={network} href={url} target="_blank" rel="noopener noreferrer" size="sm">
                  {t(`networks.${network}`)}
                </Anchor>
              ))}
            </Group>
            <SourceHint field="socialLinks" value={social} sources={sources} />
          </Stack>
        )}
        {language && (
          <Text size="sm">
            {t('fields.language')}: {language.toUpperCase()}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
