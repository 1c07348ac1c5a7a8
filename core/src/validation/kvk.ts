import { type Checked, quoted, valid } from './checked.ts';

/**
 * A KvK (Dutch Chamber of Commerce) number: 8 digits. Accepts the forms people type and registers
 * print: `KvK 12345678`, `KvK-nummer: 12.34.56.78`, `12 34 56 78`. The number has no check digit.
 * Empty input is no number (null).
 */
export function normalizeKvkNumber(raw: string): Checked<string | null> {
  if (raw.trim() === '') return valid(null);
  const value = raw
    .trim()
    .replace(/^k\.?v\.?k\.?(?:[\s-]*(?:nummer|nr\.?|number|no\.?))?\s*[:.#-]?/i, '')
    .replace(/[\s.-]/g, '');
  if (/^\d{8}$/.test(value)) return valid(value);
  return { ok: false, message: `A KvK number has 8 digits; ${quoted(raw)} does not.` };
}
