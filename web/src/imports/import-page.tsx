import { matchKeysOf } from '@baken/core/imports/import.schema';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  Paper,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconDownload,
  IconPlayerPlay,
  IconTestPipe,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { formatDateTime, formatNumber } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { ImportDuplicates } from './import-duplicates.tsx';
import {
  busyStatuses,
  editableStatuses,
  errorReportUrl,
  type ImportResponse,
  useChangeImport,
  useCheckImport,
  useImport,
  useStartImport,
  useUndoImport,
} from './imports-api.ts';
import { formatSize } from './imports-page.tsx';
import { StatusBadge } from './status-badge.tsx';

const SKIP = '__skip';
const SAMPLES = 3;

export function ImportPage({ id }: { id: string }) {
  const { t } = useTranslation('imports');
  const me = useMe().data;
  const query = useImport(id);
  const queryClient = useQueryClient();
  const status = query.data?.status;
  // Once the import has written records, the lists of contacts and companies are out of date.
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current && previous.current !== status && (status === 'completed' || status === 'failed'))
      void queryClient.invalidateQueries({ queryKey: ['list'] });
    previous.current = status;
  }, [status, queryClient]);

  const back = (
    <Anchor component={Link} to="/imports" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('back')}
      </Group>
    </Anchor>
  );
  if (query.isPending)
    return (
      <Stack maw={1100}>
        {back}
        <Center p="xl">
          <Loader />
        </Center>
      </Stack>
    );
  if (query.isError)
    return (
      <Stack maw={1100}>
        {back}
        <Alert color="red" role="alert" title={t('loadFailed')}>
          <Stack align="flex-start">
            <Text size="sm">{messageOf(query.error, '')}</Text>
            <Button size="xs" variant="default" onClick={() => void query.refetch()}>
              {t('retry')}
            </Button>
          </Stack>
        </Alert>
      </Stack>
    );
  const item = query.data;
  const writer = Boolean(me && canWrite(me));
  const editable = writer && editableStatuses.includes(item.status);
  return (
    <Stack maw={1100}>
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1}>{item.fileName}</Title>
          <Text c="dimmed" size="sm">
            {t('summary', {
              type: t(`recordTypes.${item.recordType}`),
              rows: formatNumber(item.totalRows),
              size: formatSize(item.fileSize),
            })}
          </Text>
        </Stack>
        <StatusBadge status={item.status} />
      </Group>
      <MappingSection item={item} editable={editable} />
      <OptionsSection item={item} editable={editable} />
      {(editable || item.check || item.status === 'checking') && (
        <CheckSection item={item} editable={editable} />
      )}
      <RunSection
        item={item}
        editable={editable}
        writer={writer}
        timeZone={me?.user.timeZone ?? me?.workspace.timeZone}
      />
    </Stack>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" component="section" data-testid={testId}>
      <Stack>
        <Title order={2} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function WriteError({ error, fallback }: { error: unknown; fallback: string }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {messageOf(error, fallback)}
    </Alert>
  );
}

function MappingSection({ item, editable }: { item: ImportResponse; editable: boolean }) {
  const { t } = useTranslation('imports');
  const change = useChangeImport(item.id);
  const label = (key: string, custom: string | null) => custom ?? t(`fields.${key}`, { defaultValue: key });
  const builtIn = item.fields.filter((field) => !field.key.startsWith('custom.'));
  const custom = item.fields.filter((field) => field.key.startsWith('custom.'));
  const data = [
    { value: SKIP, label: t('mapping.skip') },
    {
      group: t('mapping.builtIn'),
      items: builtIn.map((field) => ({ value: field.key, label: label(field.key, field.label) })),
    },
    ...(custom.length
      ? [
          {
            group: t('mapping.custom'),
            items: custom.map((field) => ({ value: field.key, label: label(field.key, field.label) })),
          },
        ]
      : []),
  ];
  const setColumn = (column: number, value: string | null) => {
    const mapping = item.mapping.map((key, index) =>
      index === column ? (value === SKIP || value === null ? null : value) : key,
    );
    change.mutate({ mapping });
  };
  return (
    <Section title={t('mapping.title')} testId="import-mapping">
      <Text size="sm" c="dimmed">
        {editable ? t('mapping.intro') : t('mapping.locked')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.column')}</Table.Th>
              <Table.Th>{t('mapping.sample')}</Table.Th>
              <Table.Th w={320}>{t('mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.headers.map((header, column) => {
              const mapped = item.mapping[column] ?? null;
              const auto = mapped !== null && mapped === item.suggestedMapping[column];
              const samples = item.sample
                .slice(0, SAMPLES)
                .map((row) => row[column] ?? '')
                .filter((value) => value !== '');
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed by the file, and headers may repeat.
                <Table.Tr key={column} data-testid="mapping-row">
                  <Table.Td fw={500}>{header}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {samples.length ? samples.join(' · ') : t('mapping.empty')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        aria-label={t('mapping.fieldFor', { column: header })}
                        data={data}
                        value={mapped ?? SKIP}
                        onChange={(value) => setColumn(column, value === null ? null : String(value))}
                        disabled={!editable}
                        searchable
                        allowDeselect={false}
                        style={{ flex: 1 }}
                      />
                      {auto && (
                        <Tooltip label={t('mapping.autoHint')}>
                          <Badge variant="light" color="teal" size="sm" tabIndex={0}>
                            {t('mapping.auto')}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {change.isPending && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('mapping.saving')}
        </Text>
      )}
      <WriteError error={change.error} fallback={t('mapping.saveFailed')} />
    </Section>
  );
}

function OptionsSection({ item, editable }: { item: ImportResponse; editable: boolean }) {
  const { t } = useTranslation('imports');
  const change = useChangeImport(item.id);
  const { options } = item;
  const contacts = item.recordType === 'contact';
  return (
    <Section title={t('options.title')} testId="import-options">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Radio.Group
          label={t('options.mode')}
          value={options.mode}
          onChange={(mode) => change.mutate({ options: { mode: mode as typeof options.mode } })}
        >
          <Stack gap="xs" mt="xs">
            {(['both', 'create', 'update'] as const).map((mode) => (
              <Radio key={mode} value={mode} label={t(`options.modes.${mode}`)} disabled={!editable} />
            ))}
          </Stack>
        </Radio.Group>
        <Stack>
          <Select
            label={t('options.matchBy')}
            data={matchKeysOf[item.recordType].map((key) => ({
              value: key,
              label: t(`options.matchKeys.${key}`),
            }))}
            value={options.matchBy}
            onChange={(matchBy) =>
              matchBy && change.mutate({ options: { matchBy: matchBy as typeof options.matchBy } })
            }
            allowDeselect={false}
            disabled={!editable}
          />
          {contacts && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('options.linking')}
              </Text>
              {(['linkByName', 'linkByEmailDomain', 'createAccounts'] as const).map((key) => (
                <Checkbox
                  key={key}
                  label={t(`options.${key}`)}
                  checked={options[key]}
                  disabled={!editable}
                  onChange={(event) => change.mutate({ options: { [key]: event.currentTarget.checked } })}
                />
              ))}
            </Stack>
          )}
        </Stack>
      </SimpleGrid>
      <WriteError error={change.error} fallback={t('mapping.saveFailed')} />
    </Section>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value)}
      </Text>
    </Stack>
  );
}

function CheckSection({ item, editable }: { item: ImportResponse; editable: boolean }) {
  const { t } = useTranslation('imports');
  const check = useCheckImport(item.id);
  const result = item.check;
  return (
    <Section title={t('check.title')} testId="import-check">
      <Text size="sm" c="dimmed">
        {t('check.intro')}
      </Text>
      {editable && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconTestPipe size={16} />}
            loading={check.isPending}
            onClick={() => check.mutate(undefined)}
          >
            {t('check.button')}
          </Button>
        </Group>
      )}
      <WriteError error={check.error} fallback={t('check.failed')} />
      {item.status === 'checking' && (
        <Group gap="xs" aria-live="polite">
          <Loader size="sm" />
          <Text size="sm">{t('check.running')}</Text>
        </Group>
      )}
      {result && item.status !== 'checking' && (
        <Stack data-testid="check-result">
          <Group gap="xl">
            <Count label={t('check.wouldCreate')} value={result.created} color="green" />
            <Count label={t('check.wouldUpdate')} value={result.updated} color="blue" />
            <Count label={t('check.unchanged')} value={result.unchanged} />
            <Count
              label={t('check.wouldFail')}
              value={result.failed}
              color={result.failed ? 'red' : undefined}
            />
          </Group>
          {result.problems.length === 0 ? (
            <Text size="sm">{t('check.noProblems')}</Text>
          ) : (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('check.problems')}
              </Text>
              <Table striped data-testid="check-problems">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('check.row')}</Table.Th>
                    <Table.Th>{t('check.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.problems.map((problem, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several problems.
                    <Table.Tr key={index}>
                      <Table.Td>{formatNumber(problem.row)}</Table.Td>
                      <Table.Td>{problem.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Stack>
      )}
    </Section>
  );
}

function RunSection({
  item,
  editable,
  writer,
  timeZone,
}: {
  item: ImportResponse;
  editable: boolean;
  writer: boolean;
  timeZone: string | undefined;
}) {
  const { t } = useTranslation('imports');
  const start = useStartImport(item.id);
  const started = !editableStatuses.includes(item.status) && item.status !== 'checking';
  const busy = busyStatuses.includes(item.status);
  const finished = item.status === 'completed' || item.status === 'failed';
  const percent = item.totalRows ? Math.min(100, (item.rowsDone / item.totalRows) * 100) : busy ? 0 : 100;
  return (
    <Section title={t('run.title')} testId="import-run">
      {editable && (
        <Group>
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            loading={start.isPending}
            onClick={() => start.mutate(undefined)}
          >
            {t('run.button')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('run.hint')}
          </Text>
        </Group>
      )}
      <WriteError error={start.error} fallback={t('run.startFailed')} />
      {started && (
        <Stack>
          <Stack gap={4}>
            <Progress
              value={percent}
              animated={busy}
              striped={busy}
              color={item.status === 'failed' ? 'red' : undefined}
              aria-label={t('run.progressLabel')}
              data-testid="import-progress"
              data-done={item.rowsDone}
              data-total={item.totalRows}
            />
            <Text size="sm" aria-live="polite" data-testid="import-progress-text">
              {item.status === 'queued'
                ? t('run.queued')
                : t('run.progress', {
                    done: formatNumber(item.rowsDone),
                    total: formatNumber(item.totalRows),
                  })}
            </Text>
          </Stack>
          <Group gap="xl" data-testid="run-counts">
            <Count label={t('run.created')} value={item.createdCount} color="green" />
            <Count label={t('run.updated')} value={item.updatedCount} color="blue" />
            <Count label={t('run.unchanged')} value={item.unchangedCount} />
            <Count
              label={t('run.failed')}
              value={item.failedCount}
              color={item.failedCount ? 'red' : undefined}
            />
          </Group>
          {item.status === 'completed' && (
            <>
              <Alert color="green" data-testid="import-completed">
                {t('run.completed')}
              </Alert>
              <ImportDuplicates recordType={item.recordType} finishedAt={item.finishedAt} />
            </>
          )}
          {item.status === 'failed' && item.error && (
            <Alert color="red" role="alert">
              {t('run.jobFailed', { error: item.error })}
            </Alert>
          )}
          {item.status === 'undone' && (
            <Alert color="gray" data-testid="import-undone">
              {t('run.undone', { date: formatDateTime(item.undoneAt, timeZone) })}
            </Alert>
          )}
          {(finished || item.status === 'undone') && (
            <Group>
              {item.failedCount > 0 && (
                <Button
                  component="a"
                  href={errorReportUrl(item.id)}
                  download
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                >
                  {t('run.errors')}
                </Button>
              )}
              {item.status !== 'undone' && (
                <Anchor component={Link} to={item.recordType === 'contact' ? '/contacts' : '/accounts'}>
                  {t('run.viewRecords')}
                </Anchor>
              )}
              {finished && writer && <UndoButton item={item} />}
            </Group>
          )}
        </Stack>
      )}
    </Section>
  );
}

function UndoButton({ item }: { item: ImportResponse }) {
  const { t } = useTranslation('imports');
  const [opened, setOpened] = useState(false);
  const undo = useUndoImport(item.id);
  // 409 on a finished import: records it wrote were changed since; the server says how many.
  const changedSince = undo.error instanceof ApiError && undo.error.status === 409;
  const close = () => {
    setOpened(false);
    undo.reset();
  };
  const run = (force: boolean) =>
    undo.mutate(force, {
      onSuccess: (answer) => {
        setOpened(false);
        notifications.show({
          color: 'green',
          message: t('undo.done', {
            deleted: formatNumber(answer.deleted),
            restored: formatNumber(answer.restored),
          }),
        });
      },
    });
  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconArrowBackUp size={16} />}
        onClick={() => setOpened(true)}
      >
        {t('undo.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('undo.title')}>
        <Stack>
          <Text size="sm">{t('undo.body')}</Text>
          {undo.error && (
            <Alert color={changedSince ? 'orange' : 'red'} role="alert" data-testid="undo-error">
              <Stack gap={4}>
                <Text size="sm">{messageOf(undo.error, t('undo.failed'))}</Text>
                {changedSince && <Text size="sm">{t('undo.forceHint')}</Text>}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('undo.cancel')}
            </Button>
            {changedSince ? (
              <Button color="red" loading={undo.isPending} onClick={() => run(true)}>
                {t('undo.force')}
              </Button>
            ) : (
              <Button color="red" loading={undo.isPending} onClick={() => run(false)}>
                {t('undo.confirm')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
