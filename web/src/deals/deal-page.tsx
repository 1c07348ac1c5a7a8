import { forecastCategories } from '@baken/core/deals/deal.schema';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { memberOptions, useMembers } from '../app/workspace-data.ts';
import { AccountLink } from '../records/account-link.tsx';
import { DealContacts } from '../records/deal-contacts.tsx';
import { DealStageSelect } from '../records/deal-stage.tsx';
import {
  ClearableSelectEditor,
  DateEditor,
  IntegerEditor,
  MoneyEditor,
  SelectEditor,
  TextEditor,
} from '../records/inline-field.tsx';
import { QuickActions } from '../records/quick-actions.tsx';
import { type RecordTypes, useRecord } from '../records/record-api.ts';
import { enumOptions, FieldGrid, useRecordFields } from '../records/record-fields.tsx';
import { RecordError, RecordFrame, RecordLoading } from '../records/record-layout.tsx';
import { RecordTimeline } from '../records/timeline.tsx';

type Deal = RecordTypes['deal'];

function DealFields({ deal }: { deal: Deal }) {
  const { t } = useTranslation('records');
  const me = useMe().data;
  const members = useMembers().data;
  const field = useRecordFields('deal', deal);
  const owner = members?.find((member) => member.id === deal.ownerId)?.name;
  return (
    <FieldGrid>
      {field('name', TextEditor)}
      {field('amount', MoneyEditor, { display: formatMoney(deal.amount, deal.currency) })}
      {field('expectedCloseDate', DateEditor, {
        display: formatDate(deal.expectedCloseDate, me?.workspace.timeZone),
      })}
      {field('probability', IntegerEditor, { display: `${deal.probability}%` })}
      {field('forecastCategory', SelectEditor, {
        display: t(`enums.forecastCategory.${deal.forecastCategory}`),
        options: enumOptions('forecastCategory', forecastCategories, t),
      })}
      {field('ownerId', ClearableSelectEditor, { display: owner ?? '', options: memberOptions(members) })}
      {field('source', TextEditor)}
      {deal.lostReason !== null && field('lostReason', TextEditor)}
    </FieldGrid>
  );
}

/** The sales development rep who booked the meeting that handed the deal to its owner. */
function SourcedBy({ sdrId }: { sdrId: string }) {
  const { t } = useTranslation('records');
  const name = useMembers().data?.find((member) => member.id === sdrId)?.name;
  return (
    <Text size="sm" c="dimmed" data-testid="deal-sdr">
      {t('sourcedBy', { name: name ?? '…' })}
    </Text>
  );
}

/** A deal: where it stands, who is involved and what was done to win it. */
export function DealPage({ id }: { id: string }) {
  const { t } = useTranslation('records');
  const editable = canWrite(useMe().data);
  const deal = useRecord('deal', id);
  if (deal.isPending) return <RecordLoading />;
  if (deal.isError) return <RecordError error={deal.error} backTo="/deals" />;
  const { accountId } = deal.data;
  const target = { kind: 'deal' as const, id, links: { dealId: id, accountId } };
  return (
    <RecordFrame
      kindLabel={t('kinds.deal')}
      title={deal.data.name}
      badges={
        <Group gap="sm" align="flex-end" wrap="wrap">
          {accountId && <AccountLink accountId={accountId} />}
          <DealStageSelect deal={deal.data} />
          {deal.data.sdrId && <SourcedBy sdrId={deal.data.sdrId} />}
        </Group>
      }
      fields={<DealFields deal={deal.data} />}
      main={<RecordTimeline kind="deal" id={id} />}
      side={
        <>
          {editable && <QuickActions target={target} />}
          <DealContacts dealId={id} />
        </>
      }
    />
  );
}
