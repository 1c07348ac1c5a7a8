import type { Account } from '@baken/core/accounts/account.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAccountName } from '../app/account-names.ts';
import { contactName, formatDate } from '../app/format.ts';
import { useMembers } from '../app/workspace-data.ts';
import type { PairKind } from './duplicates-api.ts';

export const recordTitle = (kind: PairKind, record: Contact | Account) =>
  kind === 'contacts' ? contactName(record as Contact) : (record as Account).name;

function Line({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

/** The fields that tell two records apart, with a link to the record. */
export function RecordSummary({ kind, record }: { kind: PairKind; record: Contact | Account }) {
  const { t } = useTranslation('duplicates');
  const members = useMembers().data;
  const contact = kind === 'contacts' ? (record as Contact) : null;
  const account = kind === 'accounts' ? (record as Account) : null;
  const company = useAccountName(contact?.accountId ?? null);
  const owner = members?.find((member) => member.id === record.ownerId)?.name;
  return (
    <Stack gap={2} miw={0}>
      <Anchor
        fw={600}
        truncate
        renderRoot={(rootProps) => (
          <Link
            {...rootProps}
            to={kind === 'contacts' ? '/contacts/$id' : '/accounts/$id'}
            params={{ id: record.id }}
          />
        )}
      >
        {recordTitle(kind, record)}
      </Anchor>
      {contact && (
        <>
          <Line label={t('fieldsOf.email')} value={contact.email} />
          <Line label={t('fieldsOf.phone')} value={contact.phone} />
          <Line label={t('fieldsOf.mobile')} value={contact.mobile} />
          <Line label={t('fieldsOf.jobTitle')} value={contact.jobTitle} />
          <Line label={t('fieldsOf.company')} value={contact.accountId ? (company ?? '…') : null} />
        </>
      )}
      {account && (
        <>
          <Line label={t('fieldsOf.domain')} value={account.domain} />
          <Line label={t('fieldsOf.city')} value={account.city} />
          <Line label={t('fieldsOf.kvkNumber')} value={account.kvkNumber} />
          <Line label={t('fieldsOf.phone')} value={account.phone} />
        </>
      )}
      <Line label={t('fieldsOf.owner')} value={owner} />
      <Text size="xs" c="dimmed">
        {formatDate(record.createdAt)}
      </Text>
    </Stack>
  );
}
