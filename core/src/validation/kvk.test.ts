import { describe, expect, it } from 'vitest';
import { normalizeKvkNumber } from './kvk.ts';

describe('normalizeKvkNumber', () => {
  it.each([
    ['12345678', '12345678'],
    [' KvK: 12345678 ', '12345678'],
    ['KvK 12345678', '12345678'],
    ['kvk-nummer 12.34.56.78', '12345678'],
    ['K.v.K. nr. 12345678', '12345678'],
    ['12 34 56 78', '12345678'],
    ['1234-5678', '12345678'],
  ])('turns %j into %s', (raw, expected) => {
    expect(normalizeKvkNumber(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['1234567', '123456789', 'KvK', 'abcdefgh', '12345678 Amsterdam'])('refuses %j', (raw) => {
    const checked = normalizeKvkNumber(raw);
    expect(checked).toMatchObject({ ok: false });
    if (!checked.ok) expect(checked.message).toMatch(/^A KvK number has 8 digits;/);
  });

  it('treats empty input as no number', () => {
    expect(normalizeKvkNumber('')).toEqual({ ok: true, value: null });
  });
});
