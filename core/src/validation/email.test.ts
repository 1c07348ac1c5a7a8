import { describe, expect, it } from 'vitest';
import { cleanEmail, normalizeEmail } from './email.ts';

describe('normalizeEmail', () => {
  it.each([
    ['  Jan@Acme.NL ', 'jan@acme.nl'],
    ['Jan de Vries <Jan.de.Vries@Acme.nl>', 'jan.de.vries@acme.nl'],
    ['"de Vries, Jan" <jan@acme.nl>;', 'jan@acme.nl'],
    ['<info@bakkerij.nl>', 'info@bakkerij.nl'],
    ['mailto:Sales@Acme.nl', 'sales@acme.nl'],
    ['MAILTO:sales@acme.nl?subject=Offerte%20aanvraag', 'sales@acme.nl'],
    ['jan@acme.nl,', 'jan@acme.nl'],
  ])('turns %j into %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value: expected });
  });

  it('treats empty input as no address', () => {
    expect(normalizeEmail('   ')).toEqual({ ok: true, value: null });
    expect(normalizeEmail('<>')).toEqual({ ok: true, value: null });
  });

  it.each(['jan', 'jan@', '@acme.nl', 'jan@@acme.nl', 'Jan <not an address>', 'jan@acme'])(
    'refuses %j with a message',
    (raw) => {
      const checked = normalizeEmail(raw);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/valid email address/);
    },
  );

  it('keeps a plus address as it is', () => {
    expect(cleanEmail('Jan+crm@Acme.nl')).toBe('jan+crm@acme.nl');
  });
});
