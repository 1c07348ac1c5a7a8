import { describe, expect, it } from 'vitest';
import { normalizePostcode } from './postcode.ts';

describe('normalizePostcode', () => {
  it.each([
    ['1234ab', '1234 AB'],
    [' 1234  ab ', '1234 AB'],
    ['1234 Ab', '1234 AB'],
    ['NL-1234 AB', '1234 AB'],
    ['9999ZZ', '9999 ZZ'],
  ])('writes the Dutch %j as %s', (raw, expected) => {
    expect(normalizePostcode(raw, 'NL')).toEqual({ ok: true, value: expected });
  });

  it.each(['0123 AB', '1234 SA', '1234sd', '1234 SS', '12345', '1234 A', 'AB 1234'])(
    'refuses the Dutch %j',
    (raw) => {
      const checked = normalizePostcode(raw, 'NL');
      expect(checked).toMatchObject({ ok: false });
      if (!checked.ok) expect(checked.message).toMatch(/Dutch postcode such as 1234 AB/);
    },
  );

  it.each([
    ['1000', '1000'],
    [' 9000 ', '9000'],
    ['B-2000', '2000'],
    ['BE 3000', '3000'],
  ])('writes the Belgian %j as %s', (raw, expected) => {
    expect(normalizePostcode(raw, 'BE')).toEqual({ ok: true, value: expected });
  });

  it.each(['0999', '999', '10000', '1000 AB'])('refuses the Belgian %j', (raw) => {
    expect(normalizePostcode(raw, 'BE')).toMatchObject({ ok: false });
  });

  it('keeps postcodes of other countries, or of no country, as trimmed text', () => {
    expect(normalizePostcode(' SW1A  1AA ', 'GB')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(normalizePostcode('10115', 'DE')).toEqual({ ok: true, value: '10115' });
    expect(normalizePostcode('1234ab', null)).toEqual({ ok: true, value: '1234ab' });
  });

  it('treats empty input as no postcode', () => {
    expect(normalizePostcode('  ', 'NL')).toEqual({ ok: true, value: null });
  });
});
