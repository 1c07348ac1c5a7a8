// The total addressable market of the saved profile: matching companies in the database and in the
// company register, valued at the average won deal, and the same per industry section.
import { Alert, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../app/api.ts';
import { formatMoney, formatNumber } from '../app/format.ts';
import { useIndustryCodeLabel } from '../records/industry-code.tsx';
import { messageOf } from '../ui/form-errors.ts';
import { icpKey, type Tam } from './icp-api.ts';

/** An estimate in whole euros: cents would suggest a precision it does not have. */
const estimate = (cents: number) => formatMoney(Math.round(cents / 100) * 100);

function Figure({
  label,
  count,
  value,
  testId,
}: {
  label: string;
  count: number;
  value: number;
  testId: string;
}) {
  const { t } = useTranslation('icp');
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700}>
        {formatNumber(count)}
      </Text>
      <Text size="sm">{t('tam.worth', { value: estimate(value) })}</Text>
    </Stack>
  );
}

function SegmentRow({ row, withRegister }: { row: Tam['bySegment'][number]; withRegister: boolean }) {
  const { t } = useTranslation('icp');
  const label = useIndustryCodeLabel(row.segment);
  return (
    <Table.Tr>
      <Table.Td>{row.segment === null ? t('tam.noSegment') : label}</Table.Td>
      <Table.Td>{formatNumber(row.accounts)}</Table.Td>
      {withRegister && <Table.Td>{formatNumber(row.registerCompanies)}</Table.Td>}
      <Table.Td>{estimate(row.estimatedValue)}</Table.Td>
    </Table.Tr>
  );
}

function TamFigures({ tam, criteriaCount }: { tam: Tam; criteriaCount: number }) {
  const { t } = useTranslation('icp');
  const withRegister = tam.register !== null;
  return (
    <Stack gap="sm">
      <Group gap="xl" align="flex-start">
        <Figure
          label={t('tam.database')}
          count={tam.database.accounts}
          value={tam.database.estimatedValue}
          testId="tam-database"
        />
        {tam.register && (
          <Figure
            label={t('tam.register')}
            count={tam.register.companies}
            value={tam.register.estimatedValue}
            testId="tam-register"
          />
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {tam.averageDealValue > 0
          ? t('tam.valuedAt', { threshold: tam.fitThreshold, value: formatMoney(tam.averageDealValue) })
          : t('tam.noDeals', { threshold: tam.fitThreshold })}
      </Text>
      <Text size="sm" c="dimmed">
        {tam.register
          ? t('tam.registerCriteria', { used: tam.register.criteriaUsed.length, total: criteriaCount })
          : t('tam.noRegister')}
      </Text>
      {tam.bySegment.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="tam-segments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tam.segment')}</Table.Th>
                <Table.Th>{t('tam.inDatabase')}</Table.Th>
                {withRegister && <Table.Th>{t('tam.inRegister')}</Table.Th>}
                <Table.Th title={t('tam.valueHint')}>{t('tam.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tam.bySegment.map((row) => (
                <SegmentRow key={row.segment ?? ''} row={row} withRegister={withRegister} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** `version` (the profile's updatedAt) counts again after the profile is saved. */
export function TamCard({ version, criteriaCount }: { version: string | null; criteriaCount: number }) {
  const { t } = useTranslation('icp');
  const tam = useQuery({
    queryKey: [...icpKey, 'tam', version],
    queryFn: () => get<Tam>('/icp/tam'),
  });
  const noProfile = tam.error instanceof ApiError && tam.error.status === 409;
  return (
    <Card withBorder data-testid="icp-tam">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('tam.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tam.intro')}
        </Text>
        {tam.isPending && <Loader size="sm" aria-label={t('loading')} />}
        {noProfile && <Text size="sm">{t('tam.saveFirst')}</Text>}
        {tam.isError && !noProfile && <Alert color="red">{messageOf(tam.error, t('tam.failed'))}</Alert>}
        {tam.data && <TamFigures tam={tam.data} criteriaCount={criteriaCount} />}
      </Stack>
    </Card>
  );
}
