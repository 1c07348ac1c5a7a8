import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['06-12345678', 'NL', '+31612345678'],
    ['06 1234 5678', 'NL', '+31612345678'],
    ['+31 (0)20 123 4567', 'NL', '+31201234567'],
    ['0031 (0)6 1234 5678', 'NL', '+31612345678'],
    ['(020) 123 45 67', 'NL', '+31201234567'],
    ['020-1234567', 'NL', '+31201234567'],
    ['0032 2 555 12 34', 'NL', '+3225551234'],
    ['02 555 12 34', 'BE', '+3225551234'],
    ['0470 12 34 56', 'BE', '+32470123456'],
    ['+44 20 7946 0958', 'NL', '+442079460958'],
    ['+31201234567', 'BE', '+31201234567'],
  ])('turns %j (default %s) into %s', (raw, country, expected) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, value: expected });
  });

  it('keeps an extension, written the RFC 3966 way', () => {
    expect(normalizePhone('020 123 4567 x12', 'NL')).toEqual({ ok: true, value: '+31201234567;ext=12' });
    expect(normalizePhone('+31 20 123 4567 ext. 12', 'NL')).toEqual({
      ok: true,
      value: '+31201234567;ext=12',
    });
    expect(normalizePhone('+31201234567;ext=12', 'NL')).toEqual({ ok: true, value: '+31201234567;ext=12' });
  });

  it('gives the same number back for a number already in E.164', () => {
    for (const stored of ['+31612345678', '+3225551234', '+31201234567;ext=12']) {
      expect(normalizePhone(stored, 'NL')).toEqual({ ok: true, value: stored });
    }
  });

  it('names the country it read a national number in when it refuses one', () => {
    expect(normalizePhone('12345', 'NL')).toEqual({
      ok: false,
      message:
        'Not a valid phone number for NL: "12345". Numbers of other countries start with + and the country code.',
    });
    expect(normalizePhone('02 555 12 34', 'NL')).toMatchObject({ ok: false });
  });

  it('refuses numbers in ranges that were never given out (the max metadata)', () => {
    // Brussels numbers never start with 02 1; the length alone would pass.
    expect(normalizePhone('0032 2 123 45 67', 'NL')).toEqual({
      ok: false,
      message: 'Not a valid phone number: "0032 2 123 45 67".',
    });
  });

  it.each(['abc', '+31 6 1234', '06-1234567890123', '+999 123 456'])('refuses %j', (raw) => {
    expect(normalizePhone(raw, 'NL')).toMatchObject({ ok: false });
  });

  it('reads national numbers as Dutch-less when the default country is unknown', () => {
    expect(normalizePhone('0612345678', 'XX')).toMatchObject({ ok: false });
    expect(normalizePhone('+31612345678', null)).toEqual({ ok: true, value: '+31612345678' });
  });

  it('treats empty input as no number', () => {
    expect(normalizePhone('  ', 'NL')).toEqual({ ok: true, value: null });
  });
});
