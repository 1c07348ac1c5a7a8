import { Anchor, Badge } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useRecord } from './record-api.ts';

/** The company a contact or deal belongs to, as a badge that opens the account page. */
export function AccountLink({ accountId }: { accountId: string }) {
  const account = useRecord('account', accountId);
  return (
    <Anchor component={Link} to={`/accounts/${accountId}`} data-testid="account-link">
      <Badge size="lg" variant="light" leftSection={<IconBuilding size={14} />} style={{ cursor: 'pointer' }}>
        {account.data?.name ?? '…'}
      </Badge>
    </Anchor>
  );
}
