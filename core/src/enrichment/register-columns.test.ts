import { describe, expect, it } from 'vitest';
import { mapRegisterColumns, registerRow } from './register-columns.ts';

describe('mapRegisterColumns', () => {
  it('recognises Dutch and English headers in any case and punctuation', () => {
    const { columns, problems } = mapRegisterColumns([
      'KvK-nummer',
      'Handelsnaam',
      'SBI code',
      'Werkzame personen',
      'Straat',
      'Huisnummer',
      'Postcode',
      'Plaats',
      'Website',
    ]);
    expect(problems).toEqual([]);
    expect(columns).toEqual({
      kvkNumber: 0,
      name: 1,
      industryCode: 2,
      employeeCount: 3,
      street: 4,
      houseNumber: 5,
      postalCode: 6,
      city: 7,
      website: 8,
    });
  });

  it('takes configured headers first and reports the ones it cannot use', () => {
    const { columns, problems } = mapRegisterColumns(['nummer', 'naam', 'Omvang'], {
      kvkNumber: 'Nummer',
      employeeCount: 'Omvang',
      shoeSize: 'naam',
      city: 'Woonplaats',
    });
    expect(columns).toMatchObject({ kvkNumber: 0, name: 1, employeeCount: 2 });
    expect(problems).toEqual(['shoeSize is not a register field', 'the register has no column Woonplaats']);
  });

  it('needs a column to look companies up by', () => {
    expect(mapRegisterColumns(['naam', 'plaats']).problems).toEqual([
      'the register needs a KvK number, domain or website column to look companies up by',
    ]);
  });
});

describe('registerRow', () => {
  const { columns } = mapRegisterColumns(['kvk', 'naam', 'straat', 'huisnummer', 'website', 'plaats']);

  it('keys a row by KvK number and the domain of its website, joining street and house number', () => {
    expect(
      registerRow(['1234 5678', 'Jansen BV', 'Dorpsstraat', '12a', 'https://www.Jansen.nl/', ''], columns),
    ).toEqual({
      kvkNumber: '12345678',
      domain: 'jansen.nl',
      fields: {
        kvkNumber: '1234 5678',
        name: 'Jansen BV',
        street: 'Dorpsstraat 12a',
        website: 'https://www.Jansen.nl/',
      },
    });
  });

  it('restores the leading zero of a seven-digit KvK number and drops keys that are not keys', () => {
    expect(registerRow(['1234567', 'A', '', '', 'geen website', 'Delft'], columns)).toMatchObject({
      kvkNumber: '01234567',
      domain: null,
    });
    expect(registerRow(['12', 'B', '', '', '', ''], columns).kvkNumber).toBeNull();
  });
});
