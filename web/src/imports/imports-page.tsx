import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { type ImportRecordType, importsQuery, uploadImport, useImports } from './imports-api.ts';
import { StatusBadge } from './status-badge.tsx';

/** 1.2 MB, 340 kB: the size of a file as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} kB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

// .txt and .tsv: Excel's "Unicode text" and tab-separated exports, read like CSV.
const accepted = /\.(csv|tsv|txt|xlsx)$/i;

export function ImportsPage() {
  const { t } = useTranslation('imports');
  const me = useMe().data;
  return (
    <Stack maw={1100}>
      <Title order={1}>{t('title')}</Title>
      <Text c="dimmed">{t('intro')}</Text>
      {me && canWrite(me) && <UploadForm />}
      <PastImports timeZone={me?.user.timeZone ?? me?.workspace.timeZone} />
    </Stack>
  );
}

function UploadForm() {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [recordType, setRecordType] = useState<ImportRecordType>('contact');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (chosen: File | undefined | null) => {
    setError(null);
    if (!chosen) return;
    if (!accepted.test(chosen.name)) {
      setFile(null);
      setError(t('upload.wrongType'));
      return;
    }
    setFile(chosen);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const upload = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const created = await uploadImport(recordType, file, setProgress);
      queryClient.setQueryData(['imports', created.id], created);
      void queryClient.invalidateQueries({ queryKey: importsQuery.queryKey, exact: true });
      await navigate({ to: '/imports/$id', params: { id: created.id } });
    } catch (caught) {
      setError(messageOf(caught, t('upload.failed')));
      setProgress(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${inputId}-title`}>
      <Stack>
        <Title order={2} size="h3" id={`${inputId}-title`}>
          {t('upload.title')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${inputId}-type`}>
            {t('upload.recordType')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${inputId}-type`}
            value={recordType}
            onChange={(value) => setRecordType(value as ImportRecordType)}
            data={[
              { value: 'contact', label: t('recordTypes.contact') },
              { value: 'account', label: t('recordTypes.account') },
            ]}
            w={{ base: '100%', sm: 360 }}
          />
        </Stack>
        {/* A click anywhere in the zone (or Enter on its button) opens the file picker. */}
        <Paper
          withBorder
          p="xl"
          data-testid="import-dropzone"
          onClick={() => input.current?.click()}
          onDragOver={(event: DragEvent) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            cursor: 'pointer',
            background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
          }}
        >
          <Stack align="center" gap={6} ta="center">
            <IconUpload size={32} stroke={1.5} aria-hidden />
            <Text fw={500}>{t('upload.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('upload.dropHint')}
            </Text>
            <Button variant="default" size="xs">
              {t('upload.choose')}
            </Button>
          </Stack>
        </Paper>
        <VisuallyHidden>
          <input
            ref={input}
            type="file"
            tabIndex={-1}
            aria-label={t('upload.fileLabel')}
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => choose(event.currentTarget.files?.[0])}
          />
        </VisuallyHidden>
        {file && (
          <Group gap="xs" wrap="nowrap">
            <IconFileSpreadsheet size={20} aria-hidden />
            <Text size="sm" data-testid="import-file">
              {t('upload.selected', { name: file.name, size: formatSize(file.size) })}
            </Text>
            <UnstyledButton
              aria-label={t('upload.remove')}
              disabled={progress !== null}
              onClick={() => {
                setFile(null);
                if (input.current) input.current.value = '';
                input.current?.focus();
              }}
            >
              <IconX size={16} />
            </UnstyledButton>
          </Group>
        )}
        {progress !== null && (
          <Stack gap={4}>
            <Progress value={progress * 100} aria-label={t('upload.uploading', { percent: 0 })} />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('upload.uploading', { percent: Math.round(progress * 100) })}
            </Text>
          </Stack>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!file}
            loading={progress !== null}
            onClick={() => void upload()}
          >
            {t('upload.button')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PastImports({ timeZone }: { timeZone: string | undefined }) {
  const { t } = useTranslation('imports');
  const imports = useImports();
  return (
    <Stack component="section" gap="xs">
      <Title order={2} size="h3">
        {t('list.title')}
      </Title>
      {imports.isPending ? (
        <Center p="md">
          <Loader aria-label={t('list.loading')} />
        </Center>
      ) : imports.isError ? (
        <Alert color="red" role="alert">
          <Group justify="space-between">
            <Text size="sm">{messageOf(imports.error, t('loadFailed'))}</Text>
            <Button size="xs" variant="default" onClick={() => void imports.refetch()}>
              {t('retry')}
            </Button>
          </Group>
        </Alert>
      ) : imports.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="imports-empty">
          {t('list.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="imports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.file')}</Table.Th>
                <Table.Th>{t('list.type')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <Table.Th ta="right">{t('list.rows')}</Table.Th>
                <Table.Th>{t('list.result')}</Table.Th>
                <Table.Th>{t('list.date')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.data.map((item) => (
                <Table.Tr key={item.id} data-testid="import-row">
                  <Table.Td>
                    <Anchor
                      renderRoot={(rootProps) => (
                        <Link {...rootProps} to="/imports/$id" params={{ id: item.id }} />
                      )}
                    >
                      {item.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`recordTypes.${item.recordType}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(item.totalRows)}</Table.Td>
                  <Table.Td>
                    {item.startedAt ? (
                      t('list.counts', {
                        created: formatNumber(item.createdCount),
                        updated: formatNumber(item.updatedCount),
                        failed: formatNumber(item.failedCount),
                      })
                    ) : (
                      <Badge variant="transparent" c="dimmed" px={0}>
                        –
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt, timeZone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
