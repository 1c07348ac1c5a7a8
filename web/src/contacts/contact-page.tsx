import { lifecycleStages, personas } from '@baken/core/contacts/contact.schema';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactName, formatMoney } from '../app/format.ts';
import { formatPhone } from '../app/phone-format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { memberOptions, useMembers, usePipelines } from '../app/workspace-data.ts';
import { MergeWithAction } from '../duplicates/merge-with.tsx';
import { AccountLink } from '../records/account-link.tsx';
import {
  ClearableSelectEditor,
  EmailEditor,
  PhoneEditor,
  SelectEditor,
  TextEditor,
} from '../records/inline-field.tsx';
import { QuickActions } from '../records/quick-actions.tsx';
import { type RecordTypes, useRecord } from '../records/record-api.ts';
import { enumOptions, FieldGrid, useRecordFields } from '../records/record-fields.tsx';
import { RecordError, RecordFrame, RecordLoading } from '../records/record-layout.tsx';
import { RelatedList } from '../records/related-list.tsx';
import { stageOf, useAccountDeals } from '../records/related-queries.ts';
import { RecordTimeline } from '../records/timeline.tsx';
import { ScoreCard } from '../scoring/score-card.tsx';

type Contact = RecordTypes['contact'];

function ContactFields({ contact }: { contact: Contact }) {
  const { t } = useTranslation('records');
  const members = useMembers().data;
  const field = useRecordFields('contact', contact);
  const homeCountry = useMe().data?.workspace.defaultCountry;
  const owner = members?.find((member) => member.id === contact.ownerId)?.name;
  return (
    <FieldGrid>
      {field('firstName', TextEditor)}
      {field('lastName', TextEditor)}
      {field('email', EmailEditor)}
      {field('phone', PhoneEditor, { display: formatPhone(contact.phone, homeCountry) })}
      {field('mobile', PhoneEditor, { display: formatPhone(contact.mobile, homeCountry) })}
      {field('jobTitle', TextEditor)}
      {field('persona', ClearableSelectEditor, {
        display: contact.persona ? t(`enums.persona.${contact.persona}`) : '',
        options: enumOptions('persona', personas, t),
      })}
      {field('lifecycleStage', SelectEditor, {
        display: t(`enums.lifecycleStage.${contact.lifecycleStage}`),
        options: enumOptions('lifecycleStage', lifecycleStages, t),
      })}
      {field('ownerId', ClearableSelectEditor, { display: owner ?? '', options: memberOptions(members) })}
      {field('leadSource', TextEditor)}
    </FieldGrid>
  );
}

/**
 * The API has no "deals of a contact" filter, so a contact page shows its company's deals, which is
 * what a salesperson looks for when the contact calls.
 */
function AccountDeals({ accountId }: { accountId: string }) {
  const { t } = useTranslation('records');
  const deals = useAccountDeals(accountId);
  const pipelines = usePipelines().data;
  return (
    <RelatedList
      title={t('related.accountDeals')}
      emptyText={t('related.noDeals')}
      testId="contact-deals"
      isPending={deals.isPending}
      error={deals.error}
      items={deals.data?.map((deal) => ({
        id: deal.id,
        to: `/deals/${deal.id}`,
        label: deal.name,
        detail: stageOf(pipelines, deal)?.name,
        extra: <Badge variant="light">{formatMoney(deal.amount, deal.currency)}</Badge>,
      }))}
    />
  );
}

/** A person: details, company, deals and the history of every conversation. */
export function ContactPage({ id }: { id: string }) {
  const { t } = useTranslation('records');
  const editable = canWrite(useMe().data);
  const contact = useRecord('contact', id);
  if (contact.isPending) return <RecordLoading />;
  if (contact.isError) return <RecordError error={contact.error} backTo="/contacts" />;
  const { accountId } = contact.data;
  const target = { kind: 'contact' as const, id, links: { contactId: id, accountId } };
  return (
    <RecordFrame
      kindLabel={t('kinds.contact')}
      title={contactName(contact.data)}
      badges={accountId && <AccountLink accountId={accountId} />}
      fields={<ContactFields contact={contact.data} />}
      main={<RecordTimeline kind="contact" id={id} />}
      side={
        <>
          {editable && <QuickActions target={target} />}
          <ScoreCard contactId={id} version={contact.data.updatedAt} />
          {accountId && <AccountDeals accountId={accountId} />}
          {editable && <MergeWithAction kind="contacts" record={contact.data} />}
        </>
      }
    />
  );
}
