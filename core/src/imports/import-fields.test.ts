import { describe, expect, it } from 'vitest';
import { parseDate, parseNumber, splitFullName } from './cell-values.ts';
import {
  accountImportFields,
  contactImportFields,
  customImportFields,
  suggestMapping,
} from './import-fields.ts';
import { mapRow, rowMapper } from './import-rows.ts';

describe('suggestMapping', () => {
  it('maps Dutch headers of an Excel export to contact fields', () => {
    expect(
      suggestMapping(
        [
          'Voornaam',
          'Achternaam',
          'E-mailadres',
          'Bedrijfsnaam',
          'Telefoonnummer',
          'Functie',
          'Plaats',
          'Postcode',
          'KvK-nummer',
          'BTW-nummer',
        ],
        contactImportFields,
      ),
    ).toEqual([
      'firstName',
      'lastName',
      'email',
      'account.name',
      'phone',
      'jobTitle',
      'account.city',
      'account.postalCode',
      'account.kvkNumber',
      'account.vatNumber',
    ]);
  });

  it('maps English, HubSpot and Pipedrive headers, and leaves unknown columns unmapped', () => {
    expect(
      suggestMapping(
        [
          'First Name',
          'Email Address',
          'Company',
          'Person - Email',
          'Organization - Name',
          'Favourite colour',
        ],
        contactImportFields,
      ),
    ).toEqual(['firstName', 'email', 'account.name', null, null, null]);
    expect(
      suggestMapping(['Organization - Name', 'Website', 'Aantal medewerkers'], accountImportFields),
    ).toEqual(['name', 'website', 'employeeCount']);
  });

  it('finds custom fields by key and by label, before built-in names', () => {
    const custom = customImportFields([
      { key: 'segment', label: 'Marktsegment', type: 'text', options: [], required: false },
      { key: 'status', label: 'Relatiestatus', type: 'text', options: [], required: false },
    ]);
    expect(suggestMapping(['Marktsegment', 'Status'], [...accountImportFields, ...custom])).toEqual([
      'custom.segment',
      'custom.status',
    ]);
  });
});

describe('cell values', () => {
  it('reads numbers as Dutch and English spreadsheets write them', () => {
    expect(parseNumber('1.234.567')).toBe(1234567);
    expect(parseNumber('1.234,50')).toBe(1234.5);
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('€ 1.000')).toBe(1000);
    expect(parseNumber('veel')).toBeNull();
  });

  it('reads dates day first or ISO', () => {
    expect(parseDate('26-11-2026')).toBe('2026-11-26');
    expect(parseDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDate('2026-11-26')).toBe('2026-11-26');
    expect(parseDate('morgen')).toBeNull();
  });

  it('splits a full name after the first word', () => {
    expect(splitFullName('Jan van der Berg')).toEqual({ firstName: 'Jan', lastName: 'van der Berg' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher' });
  });
});

describe('mapRow', () => {
  const mapper = rowMapper(
    [
      ...contactImportFields,
      ...customImportFields([{ key: 'vip', label: 'VIP', type: 'boolean', options: [], required: false }]),
    ],
    [{ key: 'vip', label: 'VIP', type: 'boolean', options: [], required: false }],
    ['fullName', 'email', 'account.name', 'lifecycleStage', 'custom.vip', null],
  );

  it('builds record input from cells, leaving blank cells out', () => {
    expect(mapRow(mapper, ['Jan de Vries', ' Jan@Acme.NL ', 'Acme BV', 'Klant', 'ja', 'ignored'])).toEqual({
      values: {
        firstName: 'Jan',
        lastName: 'de Vries',
        email: 'Jan@Acme.NL',
        lifecycleStage: 'customer',
        custom: { vip: true },
      },
      account: { name: 'Acme BV' },
    });
    expect(mapRow(mapper, ['', 'a@b.nl', '', '', ''])).toEqual({ values: { email: 'a@b.nl' }, account: {} });
  });
});
