import type { Account } from '@baken/core/accounts/account.schema';
import type { TFunction } from 'i18next';
import { formatDate, formatMoney, formatNumber } from '../app/format.ts';
import { RecordLink } from '../ui/record-cells.tsx';
import type { RecordColumn } from '../ui/record-columns.ts';
import { ownerColumn } from '../ui/record-columns.ts';
import { tagsColumn } from '../ui/tags-column.tsx';

export function accountColumns(
  t: TFunction,
  ownerName: (id: string | null) => string,
): RecordColumn<Account>[] {
  const status = (row: Account) => t(`values.customerStatus.${row.customerStatus}`);
  return [
    {
      id: 'name',
      label: t('fields.name'),
      sortField: 'name',
      width: 240,
      cell: (row) => <RecordLink to="/accounts/$id" id={row.id} label={row.name} />,
    },
    {
      id: 'domain',
      label: t('fields.domain'),
      width: 170,
      cell: (r) => r.domain,
    },
    { id: 'city', label: t('fields.city'), width: 140, cell: (r) => r.city },
    { id: 'customerStatus', label: t('fields.customerStatus'), width: 140, cell: status },
    ownerColumn(t, ownerName),
    tagsColumn(t),
    {
      id: 'employeeCount',
      label: t('fields.employeeCount'),
      sortField: 'employeeCount',
      width: 130,
      cell: (r) => (r.employeeCount === null ? '' : formatNumber(r.employeeCount)),
    },
    {
      id: 'annualRevenue',
      label: t('fields.annualRevenue'),
      sortField: 'annualRevenue',
      width: 140,
      cell: (r) => (r.annualRevenue === null ? '' : formatMoney(r.annualRevenue)),
      // Plain euros with a dot, so a spreadsheet reads a number whatever its language.
    },
    {
      id: 'createdAt',
      label: t('fields.createdAt'),
      sortField: 'createdAt',
      width: 130,
      cell: (r) => formatDate(r.createdAt),
    },
  ];
}
