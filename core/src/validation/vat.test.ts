import { describe, expect, it } from 'vitest';
import { isBelgianVatNumber, isDutchVatNumber, normalizeVatNumber } from './vat.ts';

describe('Dutch VAT numbers', () => {
  it('accepts an RSIN-based number that passes the eleven test', () => {
    // 0·9 + 0·8 + 4·7 + 4·6 + 9·5 + 5·4 + 4·3 + 4·2 - 5 = 132 = 12 × 11
    expect(isDutchVatNumber('004495445B01')).toBe(true);
  });

  it('accepts a number given out since 2020 that passes MOD 97-10 instead', () => {
    // NL002455799B11: the eleven test gives 113, not a multiple of 11; 2321 002455799 11 11 mod 97 = 1.
    expect(isDutchVatNumber('002455799B11')).toBe(true);
  });

  it('refuses a number that passes neither test', () => {
    expect(isDutchVatNumber('123456789B90')).toBe(false);
    expect(isDutchVatNumber('853544217B01')).toBe(false);
  });
});

describe('Belgian VAT numbers', () => {
  it('checks the last two digits against 97 minus the first eight modulo 97', () => {
    expect(isBelgianVatNumber('0403170701')).toBe(true);
    expect(isBelgianVatNumber('0403170702')).toBe(false);
    expect(isBelgianVatNumber('2403170701')).toBe(false);
  });
});

describe('normalizeVatNumber', () => {
  it.each([
    ['nl 0024.55.799.b11', 'NL002455799B11'],
    ['NL 004495445 B01', 'NL004495445B01'],
    ['NL4495445B01', 'NL004495445B01'],
    ['be 0403.170.701', 'BE0403170701'],
    ['BE 403.170.701', 'BE0403170701'],
    ['de 123-456-789', 'DE123456789'],
    ['ATU 12345678', 'ATU12345678'],
    ['FR 40 303265045', 'FR40303265045'],
    ['GR 123456789', 'EL123456789'],
    ['CHE-123.456.789', 'CHE123456789'],
  ])('turns %j into %s', (raw, expected) => {
    expect(normalizeVatNumber(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['nl 8535.44.217.B01', /check digits of NL/],
    ['NL123456789B90', /check digits of NL/],
    ['NL12345678901', /format of NL/],
    ['BE0403170702', /check digits of BE/],
    ['DE12345678', /format of DE/],
    ['123456789', /its country code/],
  ])('refuses %j', (raw, why) => {
    const checked = normalizeVatNumber(raw);
    expect(checked).toMatchObject({ ok: false });
    if (!checked.ok) expect(checked.message).toMatch(why);
  });

  it('treats empty input as no number', () => {
    expect(normalizeVatNumber(' ')).toEqual({ ok: true, value: null });
  });
});
