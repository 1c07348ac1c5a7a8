import { type Account, accountFieldSpecs, customerStatuses } from '@baken/core/accounts/account.schema';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { memberOptions, useMembers } from '../app/workspace-data.ts';
import { BulkEnrichButton } from '../enrichment/bulk-enrich.tsx';
import type { FilterFields } from '../ui/filter-builder.tsx';
import { memberNamer } from '../ui/record-cells.tsx';
import { RecordList } from '../ui/record-list.tsx';
import { AccountCreateModal } from './account-create-modal.tsx';
import { accountColumns } from './accounts-columns.tsx';
import { accountsList } from './accounts-list.ts';

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const members = useMembers().data;
  const [creating, { open, close }] = useDisclosure();
  const filterFields: FilterFields = {
    specs: accountFieldSpecs,
    label: (field) => t(`fields.${field}`),
    choices: (field) => {
      if (field === 'ownerId') return memberOptions(members);
      if (field === 'customerStatus')
        return customerStatuses.map((value) => ({ value, label: t(`values.customerStatus.${value}`) }));
      return undefined;
    },
  };
  return (
    <>
      <RecordList<Account>
        list="accounts"
        title={t('title')}
        source={accountsList.source}
        columns={accountColumns(t, memberNamer(members))}
        defaultView={accountsList.defaultView}
        filterFields={filterFields}
        rowLabel={(row) => row.name}
        searchLabel={t('search')}
        create={{ label: t('create.title'), open }}
        empty={{ title: t('empty.title'), body: t('empty.body') }}
        tagsOf={(row) => row.tags}
        bulkActions={(rows, done) => <BulkEnrichButton ids={rows.map((row) => row.id)} onStarted={done} />}
      />
      <AccountCreateModal opened={creating} onClose={close} />
    </>
  );
}
