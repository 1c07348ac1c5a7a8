import { customerStatuses } from '@baken/core/accounts/account.schema';
import { Badge } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { contactName, formatMoney, formatNumber } from '../app/format.ts';
import { formatPhone } from '../app/phone-format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { memberOptions, useMembers, usePipelines } from '../app/workspace-data.ts';
import { MergeWithAction } from '../duplicates/merge-with.tsx';
import { EnrichAction } from '../enrichment/enrich-action.tsx';
import { useEnrichmentState } from '../enrichment/enrichment-api.ts';
import { withSourceHints } from '../enrichment/source-hint.tsx';
import { TechnologiesCard } from '../enrichment/technologies-card.tsx';
import { AccountFitCard } from '../icp/account-fit-card.tsx';
import { CreateContactModal, CreateDealModal } from '../records/create-related.tsx';
import { IndustryCodeEditor, useIndustryCodeLabel } from '../records/industry-code.tsx';
import {
  ClearableSelectEditor,
  EmailEditor,
  IntegerEditor,
  MoneyEditor,
  PhoneEditor,
  SelectEditor,
  TextEditor,
  UrlEditor,
} from '../records/inline-field.tsx';
import { QuickActions } from '../records/quick-actions.tsx';
import { type RecordTypes, useRecord } from '../records/record-api.ts';
import { enumOptions, FieldGrid, useRecordFields } from '../records/record-fields.tsx';
import { RecordError, RecordFrame, RecordLoading } from '../records/record-layout.tsx';
import { RelatedList } from '../records/related-list.tsx';
import { stageOf, useAccountContacts, useAccountDeals } from '../records/related-queries.ts';
import { RecordTimeline } from '../records/timeline.tsx';

type Account = RecordTypes['account'];

function AccountFields({ account }: { account: Account }) {
  const { t } = useTranslation('records');
  const members = useMembers().data;
  const field = useRecordFields('account', account);
  const homeCountry = useMe().data?.workspace.defaultCountry;
  const industry = useIndustryCodeLabel(account.industryCode);
  const owner = members?.find((member) => member.id === account.ownerId)?.name;
  const sources = useEnrichmentState(account.id).data?.sources;
  return (
    <FieldGrid>
      {withSourceHints(
        [
          field('name', TextEditor),
          field('domain', TextEditor),
          field('website', UrlEditor),
          field('phone', PhoneEditor, { display: formatPhone(account.phone, homeCountry) }),
          field('email', EmailEditor),
          field('street', TextEditor),
          field('postalCode', TextEditor),
          field('city', TextEditor),
          field('country', TextEditor),
          field('customerStatus', SelectEditor, {
            display: t(`enums.customerStatus.${account.customerStatus}`),
            options: enumOptions('customerStatus', customerStatuses, t),
          }),
          field('ownerId', ClearableSelectEditor, { display: owner ?? '', options: memberOptions(members) }),
          field('employeeCount', IntegerEditor, {
            display: account.employeeCount === null ? '' : formatNumber(account.employeeCount),
          }),
          field('annualRevenue', MoneyEditor, {
            display: account.annualRevenue === null ? '' : formatMoney(account.annualRevenue),
          }),
          field('industryCode', IndustryCodeEditor, { display: industry }),
          field('kvkNumber', TextEditor),
          field('vatNumber', TextEditor),
          field('foundedYear', IntegerEditor),
          field('description', TextEditor),
        ],
        account,
        sources,
      )}
    </FieldGrid>
  );
}

function AccountRelated({ account }: { account: Account }) {
  const { t } = useTranslation('records');
  const editable = canWrite(useMe().data);
  const contacts = useAccountContacts(account.id);
  const deals = useAccountDeals(account.id);
  const pipelines = usePipelines().data;
  const [contactOpen, contactModal] = useDisclosure();
  const [dealOpen, dealModal] = useDisclosure();
  return (
    <>
      <RelatedList
        title={t('related.contacts')}
        emptyText={t('related.noContacts')}
        testId="account-contacts"
        isPending={contacts.isPending}
        error={contacts.error}
        items={contacts.data?.map((contact) => ({
          id: contact.id,
          to: `/contacts/${contact.id}`,
          label: contactName(contact),
          detail: [contact.jobTitle, contact.email].filter(Boolean).join(' · '),
        }))}
        addLabel={t('related.addContact')}
        onAdd={editable ? contactModal.open : undefined}
      />
      <RelatedList
        title={t('related.deals')}
        emptyText={t('related.noDeals')}
        testId="account-deals"
        isPending={deals.isPending}
        error={deals.error}
        items={deals.data?.map((deal) => ({
          id: deal.id,
          to: `/deals/${deal.id}`,
          label: deal.name,
          detail: stageOf(pipelines, deal)?.name,
          extra: <Badge variant="light">{formatMoney(deal.amount, deal.currency)}</Badge>,
        }))}
        addLabel={t('related.addDeal')}
        onAdd={editable ? dealModal.open : undefined}
      />
      {editable && (
        <>
          <CreateContactModal accountId={account.id} opened={contactOpen} onClose={contactModal.close} />
          <CreateDealModal accountId={account.id} opened={dealOpen} onClose={dealModal.close} />
        </>
      )}
    </>
  );
}

/** A company: its details, people, deals and everything that happened with it. */
export function AccountPage({ id }: { id: string }) {
  const { t } = useTranslation('records');
  const editable = canWrite(useMe().data);
  const account = useRecord('account', id);
  if (account.isPending) return <RecordLoading />;
  if (account.isError) return <RecordError error={account.error} backTo="/accounts" />;
  const target = { kind: 'account' as const, id, links: { accountId: id } };
  return (
    <RecordFrame
      kindLabel={t('kinds.account')}
      title={account.data.name}
      fields={<AccountFields account={account.data} />}
      main={<RecordTimeline kind="account" id={id} />}
      side={
        <>
          {editable && <QuickActions target={target} />}
          {editable && <EnrichAction accountId={id} />}
          <AccountFitCard accountId={id} version={account.data.updatedAt} />
          <TechnologiesCard accountId={id} technologies={account.data.technologies} />
          <AccountRelated account={account.data} />
          {editable && <MergeWithAction kind="accounts" record={account.data} />}
        </>
      }
    />
  );
}
