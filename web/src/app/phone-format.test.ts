import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone-format.ts';

describe('formatPhone', () => {
  it("writes numbers of the workspace's country in national form", () => {
    expect(formatPhone('+31201234567', 'NL')).toBe('020 123 4567');
    expect(formatPhone('+31612345678', 'NL')).toBe('06 12345678');
  });

  it('writes numbers of other countries in international form', () => {
    expect(formatPhone('+3225551234', 'NL')).toBe('+32 2 555 12 34');
    expect(formatPhone('+31201234567', 'BE')).toBe('+31 20 123 4567');
  });

  it('shows an extension', () => {
    expect(formatPhone('+31201234567;ext=12', 'NL')).toBe('020 123 4567 ext. 12');
  });

  it('shows text it cannot read as stored, and nothing for no number', () => {
    expect(formatPhone('call reception', 'NL')).toBe('call reception');
    expect(formatPhone(null, 'NL')).toBe('');
  });
});
