import { z } from 'zod';
import { listQuery } from '../records/record.schema.ts';

export const exportLists = ['accounts', 'contacts', 'deals', 'activities'] as const;
export type ExportList = (typeof exportLists)[number];

/** The list's own query (filter, sort, q) plus what to export and in which language the header is. */
export const exportQuery = listQuery.omit({ limit: true, cursor: true }).extend({
  list: z.enum(exportLists),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['nl', 'en']).default('en'),
});

export interface ExportColumn {
  field: string;
  nl: string;
  en: string;
}

const column = (field: string, nl: string, en: string): ExportColumn => ({ field, nl, en });
const stamps = [column('createdAt', 'Aangemaakt', 'Created'), column('updatedAt', 'Gewijzigd', 'Updated')];
const owner = column('ownerId', 'Eigenaar (id)', 'Owner (id)');

/** The columns of each list's export, in order, with their header in Dutch and English. */
export const exportColumns: Record<ExportList, ExportColumn[]> = {
  contacts: [
    column('id', 'Id', 'Id'),
    column('firstName', 'Voornaam', 'First name'),
    column('lastName', 'Achternaam', 'Last name'),
    column('email', 'E-mailadres', 'Email'),
    column('phone', 'Telefoonnummer', 'Phone'),
    column('mobile', 'Mobiel', 'Mobile'),
    column('jobTitle', 'Functie', 'Job title'),
    column('lifecycleStage', 'Levenscyclusfase', 'Lifecycle stage'),
    column('leadSource', 'Leadbron', 'Lead source'),
    column('accountId', 'Bedrijf (id)', 'Company (id)'),
    owner,
    column('tags', 'Tags', 'Tags'),
    ...stamps,
  ],
  accounts: [
    column('id', 'Id', 'Id'),
    column('name', 'Bedrijfsnaam', 'Company name'),
    column('domain', 'Domein', 'Domain'),
    column('website', 'Website', 'Website'),
    column('phone', 'Telefoonnummer', 'Phone'),
    column('email', 'E-mailadres', 'Email'),
    column('street', 'Straat', 'Street'),
    column('postalCode', 'Postcode', 'Postal code'),
    column('city', 'Plaats', 'City'),
    column('country', 'Land', 'Country'),
    column('kvkNumber', 'KvK-nummer', 'Chamber of Commerce number'),
    column('vatNumber', 'BTW-nummer', 'VAT number'),
    column('industryCode', 'SBI-code', 'Industry code'),
    column('employeeCount', 'Aantal medewerkers', 'Employees'),
    column('customerStatus', 'Klantstatus', 'Customer status'),
    owner,
    column('tags', 'Tags', 'Tags'),
    ...stamps,
  ],
  deals: [
    column('id', 'Id', 'Id'),
    column('name', 'Naam', 'Name'),
    column('accountId', 'Bedrijf (id)', 'Company (id)'),
    column('stageId', 'Fase (id)', 'Stage (id)'),
    column('amount', 'Bedrag (centen)', 'Amount (cents)'),
    column('currency', 'Valuta', 'Currency'),
    column('expectedCloseDate', 'Verwachte sluitdatum', 'Expected close date'),
    column('probability', 'Kans (%)', 'Probability (%)'),
    owner,
    column('tags', 'Tags', 'Tags'),
    ...stamps,
  ],
  activities: [
    column('id', 'Id', 'Id'),
    column('type', 'Soort', 'Type'),
    column('subject', 'Onderwerp', 'Subject'),
    column('outcome', 'Uitkomst', 'Outcome'),
    column('occurredAt', 'Datum', 'Date'),
    column('dueAt', 'Deadline', 'Due'),
    column('doneAt', 'Gedaan', 'Done'),
    column('contactId', 'Contact (id)', 'Contact (id)'),
    column('accountId', 'Bedrijf (id)', 'Company (id)'),
    column('dealId', 'Deal (id)', 'Deal (id)'),
    owner,
    ...stamps,
  ],
};
