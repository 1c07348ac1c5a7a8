// Mapping the columns of an operator's company register (a CSV export from the Chamber of Commerce,
// a data vendor or their own records) to account fields, and reading one row into found values.
import { domainFromWebsite } from '../validation/domain.ts';
import type { EnrichableField } from './enrichment.schema.ts';

export type RegisterField = Exclude<EnrichableField, 'technologies'> | 'domain' | 'houseNumber';

/** Header names recognised without configuration, compared in lower case without spaces or punctuation. */
const HEADER_NAMES: Record<RegisterField, readonly string[]> = {
  kvkNumber: ['kvk', 'kvknummer', 'kvknumber', 'kvknr', 'chamberofcommerce', 'cocnumber', 'dossiernummer'],
  domain: ['domain', 'domein', 'domainname', 'domeinnaam'],
  website: ['website', 'url', 'site', 'webadres', 'websiteurl', 'internetadres'],
  name: [
    'name',
    'naam',
    'bedrijfsnaam',
    'handelsnaam',
    'companyname',
    'company',
    'statutairenaam',
    'tradename',
  ],
  description: ['description', 'omschrijving', 'activiteiten', 'bedrijfsomschrijving', 'activitydescription'],
  industryCode: ['sbi', 'sbicode', 'nace', 'nacecode', 'industrycode', 'hoofdsbi', 'hoofdactiviteitsbi'],
  employeeCount: [
    'employees',
    'employeecount',
    'werknemers',
    'medewerkers',
    'aantalwerknemers',
    'werkzamepersonen',
    'aantalmedewerkers',
  ],
  foundedYear: ['founded', 'foundedyear', 'opgericht', 'oprichtingsjaar', 'jaarvanoprichting', 'yearfounded'],
  street: ['street', 'straat', 'straatnaam', 'adres', 'address', 'streetaddress', 'bezoekadres'],
  houseNumber: ['huisnummer', 'housenumber', 'huisnr'],
  postalCode: ['postcode', 'postalcode', 'zip', 'zipcode'],
  city: ['city', 'plaats', 'woonplaats', 'vestigingsplaats', 'stad', 'town'],
  region: ['region', 'provincie', 'province', 'regio'],
  country: ['country', 'land', 'landcode', 'countrycode'],
  phone: ['phone', 'telefoon', 'telefoonnummer', 'tel', 'phonenumber'],
  email: ['email', 'emailadres', 'mail'],
  vatNumber: ['vat', 'btw', 'btwnummer', 'vatnumber', 'btwid', 'vatid'],
};

const simple = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Column index per field: `configured` (field to header, from BAKEN_REGISTER_COLUMNS) first, then the
 * recognised names. Unknown configured fields or headers are reported, not ignored.
 */
export function mapRegisterColumns(
  headers: readonly string[],
  configured: Readonly<Record<string, string>> = {},
): { columns: Partial<Record<RegisterField, number>>; problems: string[] } {
  const columns: Partial<Record<RegisterField, number>> = {};
  const problems: string[] = [];
  const simpleHeaders = headers.map(simple);
  for (const [field, header] of Object.entries(configured)) {
    const index = simpleHeaders.indexOf(simple(header));
    if (!(field in HEADER_NAMES)) problems.push(`${field} is not a register field`);
    else if (index < 0) problems.push(`the register has no column ${header}`);
    else columns[field as RegisterField] = index;
  }
  for (const [field, names] of Object.entries(HEADER_NAMES) as [RegisterField, readonly string[]][]) {
    if (columns[field] !== undefined) continue;
    const index = simpleHeaders.findIndex((header) => names.includes(header));
    if (index >= 0) columns[field] = index;
  }
  if (columns.kvkNumber === undefined && columns.domain === undefined && columns.website === undefined)
    problems.push('the register needs a KvK number, domain or website column to look companies up by');
  return { columns, problems };
}

export interface RegisterRow {
  kvkNumber: string | null;
  domain: string | null;
  fields: Record<string, string>;
}

/** One CSV record as the register stores it: its keys (KvK number, domain) and its non-empty fields. */
export function registerRow(
  cells: readonly string[],
  columns: Partial<Record<RegisterField, number>>,
): RegisterRow {
  const fields: Record<string, string> = {};
  for (const [field, index] of Object.entries(columns) as [RegisterField, number][]) {
    const value = cells[index]?.trim();
    if (value) fields[field] = value;
  }
  if (fields.houseNumber && fields.street) fields.street = `${fields.street} ${fields.houseNumber}`;
  delete fields.houseNumber;
  const kvk = fields.kvkNumber?.replace(/[\s.]/g, '') ?? '';
  const domain = domainFromWebsite(fields.domain ?? fields.website ?? '');
  delete fields.domain;
  return {
    kvkNumber: /^\d{8}$/.test(kvk) ? kvk : /^\d{7}$/.test(kvk) ? `0${kvk}` : null,
    domain,
    fields,
  };
}
