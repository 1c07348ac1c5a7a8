import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A secret or link the server hands out only once (it keeps just a hash), with a copy button and a
 * warning, so the user knows to store it now.
 */
export function CopyOnce({ label, value, warning }: { label: string; value: string; warning: string }) {
  const { t } = useTranslation('settings');
  return (
    <Alert color="yellow" title={label} data-testid="copy-once">
      <Stack gap="xs">
        <Text size="sm">{warning}</Text>
        <Group gap="xs" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="copy-once-value">
            {value}
          </Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('copy.copied') : t('copy.copy')}>
                <ActionIcon
                  variant="light"
                  color={copied ? 'teal' : 'gray'}
                  onClick={copy}
                  aria-label={t('copy.copy')}
                >
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
