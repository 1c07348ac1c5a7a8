import type { CustomFieldDefinition } from '../custom-fields/custom-field-values.ts';

export const importRecordTypes = ['contact', 'account'] as const;
export type ImportRecordType = (typeof importRecordTypes)[number];

/** How a cell's text becomes the value the record schema checks. */
export type CellKind = 'text' | 'integer' | 'money' | 'lifecycleStage' | 'customerStatus' | 'fullName';

export interface ImportField {
  /** Record field, `account.<field>` (a contact's company, used to find or create it) or `custom.<key>`. */
  key: string;
  kind: CellKind;
  /** Header names that map to this field, compared by headerKey() (case, accents, spaces and punctuation ignored). */
  headers: string[];
}

const field = (key: string, headers: string[], kind: CellKind = 'text'): ImportField => ({
  key,
  kind,
  headers,
});

// Dutch and English names, and the headers of exports from HubSpot, Pipedrive ("Person - …",
// "Organization - …"), Teamleader and Salesforce.
const companyHeaders = [
  'bedrijfsnaam',
  'bedrijf',
  'organisatie',
  'organisatienaam',
  'company',
  'company name',
  'companyname',
  'account name',
  'organization',
  'organisation',
  'organization name',
  'organization - name',
  'person - organization',
  'associated company',
];
const accountAddress = (prefix: string) => [
  field(`${prefix}street`, [
    'straat',
    'adres',
    'straatnaam',
    'street',
    'address',
    'street address',
    'organization - address',
    'billing street',
  ]),
  field(`${prefix}postalCode`, [
    'postcode',
    'zip',
    'zip code',
    'zipcode',
    'postal code',
    'postcode bedrijf',
    'billing zip/postal code',
    'postal code/zip',
  ]),
  field(`${prefix}city`, [
    'plaats',
    'woonplaats',
    'stad',
    'vestigingsplaats',
    'city',
    'town',
    'organization - city',
    'billing city',
  ]),
  field(`${prefix}region`, [
    'provincie',
    'regio',
    'state',
    'state/region',
    'region',
    'billing state/province',
  ]),
  field(`${prefix}country`, ['land', 'landcode', 'country', 'country code', 'billing country']),
  field(`${prefix}kvkNumber`, [
    'kvk-nummer',
    'kvk nummer',
    'kvk',
    'kvknr',
    'kamer van koophandel',
    'chamber of commerce',
    'coc number',
    'coc',
  ]),
  field(`${prefix}vatNumber`, [
    'btw-nummer',
    'btw nummer',
    'btw',
    'btw-nr',
    'btwnr',
    'vat',
    'vat number',
    'vat id',
    'tax id',
  ]),
];

export const contactImportFields: ImportField[] = [
  field('firstName', [
    'voornaam',
    'roepnaam',
    'first name',
    'firstname',
    'given name',
    'person - first name',
  ]),
  field('lastName', [
    'achternaam',
    'familienaam',
    'last name',
    'lastname',
    'surname',
    'family name',
    'person - last name',
  ]),
  field(
    'fullName',
    ['naam', 'volledige naam', 'contactpersoon', 'name', 'full name', 'person - name', 'contact name'],
    'fullName',
  ),
  field('email', [
    'e-mailadres',
    'e-mail',
    'email',
    'emailadres',
    'mail',
    'email address',
    'e-mail address',
    'person - email',
    'work email',
    'primary email',
  ]),
  field('phone', [
    'telefoonnummer',
    'telefoon',
    'tel',
    'telefoon werk',
    'phone',
    'phone number',
    'business phone',
    'work phone',
    'person - phone',
  ]),
  field('mobile', [
    'mobiel',
    'mobiel nummer',
    'mobiele telefoon',
    'gsm',
    'mobile',
    'mobile phone',
    'mobile phone number',
    'cell phone',
  ]),
  field('jobTitle', [
    'functie',
    'functietitel',
    'job title',
    'jobtitle',
    'title',
    'position',
    'role',
    'person - job title',
  ]),
  field(
    'lifecycleStage',
    ['levenscyclusfase', 'fase', 'lifecycle stage', 'lifecyclestage', 'stage'],
    'lifecycleStage',
  ),
  field('leadSource', ['leadbron', 'bron', 'herkomst', 'lead source', 'source', 'original source']),
  field('externalId', [
    'extern id',
    'externe id',
    'external id',
    'record id',
    'contact id',
    'person - id',
    'id',
  ]),
  field('account.name', companyHeaders),
  field('account.domain', [
    'bedrijfsdomein',
    'company domain',
    'company domain name',
    'organization - domain',
  ]),
  field('account.website', [
    'website',
    'bedrijfswebsite',
    'company website',
    'web',
    'url',
    'organization - website',
  ]),
  ...accountAddress('account.'),
];

export const accountImportFields: ImportField[] = [
  field('name', [...companyHeaders, 'naam', 'name', 'handelsnaam', 'statutaire naam']),
  field('domain', ['domein', 'domeinnaam', 'domain', 'company domain name', 'organization - domain']),
  field('website', ['website', 'web', 'url', 'organization - website', 'company website']),
  field('phone', [
    'telefoonnummer',
    'telefoon',
    'tel',
    'phone',
    'phone number',
    'organization - phone',
    'company phone',
  ]),
  field('email', ['e-mailadres', 'e-mail', 'email', 'emailadres', 'email address', 'organization - email']),
  ...accountAddress(''),
  field('industryCode', ['sbi-code', 'sbi', 'sbi code', 'branchecode', 'industry code', 'nace', 'nace code']),
  field(
    'employeeCount',
    [
      'aantal medewerkers',
      'medewerkers',
      'werknemers',
      'aantal werknemers',
      'employees',
      'number of employees',
      'employee count',
      'organization - number of employees',
    ],
    'integer',
  ),
  field(
    'annualRevenue',
    ['omzet', 'jaaromzet', 'annual revenue', 'revenue', 'organization - annual revenue'],
    'money',
  ),
  field(
    'foundedYear',
    ['opgericht', 'oprichtingsjaar', 'jaar van oprichting', 'founded', 'year founded', 'founded year'],
    'integer',
  ),
  field(
    'customerStatus',
    ['klantstatus', 'status', 'customer status', 'type', 'relatietype'],
    'customerStatus',
  ),
  field('description', ['omschrijving', 'beschrijving', 'description', 'about']),
  field('externalId', [
    'extern id',
    'externe id',
    'external id',
    'record id',
    'account id',
    'company id',
    'organization - id',
    'id',
  ]),
];

export function importFieldsOf(recordType: ImportRecordType): ImportField[] {
  return recordType === 'contact' ? contactImportFields : accountImportFields;
}

/** A header as compared: lower case, without accents, spaces or punctuation ("E-mailadres" = "emailadres"). */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Custom fields as import fields: matched by their key and by their label. */
export function customImportFields(definitions: CustomFieldDefinition[]): ImportField[] {
  return definitions.map((definition) => ({
    key: `custom.${definition.key}`,
    kind: 'text',
    headers: [definition.key, definition.label],
  }));
}

/**
 * The field for each column, by its header; null where none fits. Each field is used once: a
 * second column with a matching header stays unmapped. Custom fields win over built-in synonyms
 * (a workspace that defined "Status" means its own field).
 */
export function suggestMapping(headers: string[], fields: ImportField[]): (string | null)[] {
  const byHeader = new Map<string, string>();
  for (const candidate of fields) {
    for (const header of candidate.headers) {
      const key = headerKey(header);
      if (!byHeader.has(key) || candidate.key.startsWith('custom.')) byHeader.set(key, candidate.key);
    }
  }
  const used = new Set<string>();
  return headers.map((header) => {
    const key = byHeader.get(headerKey(header));
    if (!key || used.has(key)) return null;
    used.add(key);
    return key;
  });
}
