import { type Checked, quoted, valid } from './checked.ts';
import { sbiCodes } from './sbi-codes.ts';

export interface IndustryCode {
  code: string;
  nl: string;
  en: string;
}

const byCode = new Map<string, IndustryCode>(sbiCodes.map(([code, nl, en]) => [code, { code, nl, en }]));

/** Lower case without accents, for matching words typed in either language. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const searchable = sbiCodes.map(([code, nl, en]) => ({
  entry: byCode.get(code)!,
  text: fold(`${nl} ${en}`),
}));

/**
 * The code out of what people and registers write: `62.01`, `6201`, `62 01`, `j`, and an export's
 * `6201 - Ontwikkelen, produceren en uitgeven van software` (the text after the code is dropped).
 */
function codeOf(raw: string): string {
  const value = raw.trim().toUpperCase();
  const leading = /^([A-U]|\d[\d. ]*\d)(?:\s*[-–:]\s*|\s+)\D.*$/.exec(value);
  return (leading ? leading[1]! : value).replace(/[.\s]/g, '');
}

/**
 * The listed entry of a code or, for a 3- to 5-digit code the list does not carry, of its nearest
 * listed parent (`62019` → `6201`, `6299` → `62`). Null when not even the division is known.
 */
export function industryCodeEntry(code: string): { entry: IndustryCode; exact: boolean } | null {
  const exact = byCode.get(code);
  if (exact) return { entry: exact, exact: true };
  if (!/^\d{3,5}$/.test(code)) return null;
  for (let length = code.length - 1; length >= 2; length--) {
    const parent = byCode.get(code.slice(0, length));
    if (parent) return { entry: parent, exact: false };
  }
  return null;
}

/**
 * An SBI/NACE code without dots (`62.01` → `6201`): a section letter A–U, or 2 to 5 digits whose
 * division exists. Empty input is no code (null).
 */
export function normalizeIndustryCode(raw: string): Checked<string | null> {
  const code = codeOf(raw);
  if (code === '') return valid(null);
  if (/^(?:[A-U]|\d{2,5})$/.test(code) && industryCodeEntry(code)) return valid(code);
  return {
    ok: false,
    message: `Use an SBI code such as 62.01 (software development); ${quoted(raw)} is not one.`,
  };
}

/** The title of a code in Dutch or English, from the code itself or its nearest listed parent. */
export function industryCodeLabel(code: string, locale: 'nl' | 'en'): string | null {
  return industryCodeEntry(code)?.entry[locale] ?? null;
}

/**
 * Codes for a picker: by the start of the code (`62`, `62.0`) or by words of the title in either
 * language (`software`, `bouw install`), every word found somewhere in a title (Dutch joins words:
 * `installatie` should find `bouwinstallatie`); a detailed
 * code that is not listed finds its nearest listed parent. Broad
 * codes (sections, divisions) come before the detailed ones, then in code order.
 */
export function searchIndustryCodes(query: string, limit = 20): IndustryCode[] {
  const q = query.trim();
  if (q === '') return sbiCodes.slice(0, limit).map(([code]) => byCode.get(code)!);
  const code = q.replace(/[.\s]/g, '').toUpperCase();
  let matches = /^\d+$/.test(code)
    ? searchable.filter(({ entry }) => entry.code.startsWith(code))
    : /^[A-U]$/.test(code)
      ? searchable.filter(({ entry }) => entry.code === code)
      : [];
  // A detailed code the list does not carry (`62091`) finds its nearest listed parent.
  const parent = matches.length === 0 && /^\d{3,5}$/.test(code) ? industryCodeEntry(code) : null;
  if (parent) matches = [{ entry: parent.entry, text: '' }];
  const words = fold(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const byWords =
    matches.length > 0 || words.length === 0
      ? []
      : searchable.filter((item) => words.every((word) => item.text.includes(word)));
  const rank = (entry: IndustryCode) => (/^[A-U]$/.test(entry.code) ? 0 : entry.code.length);
  return [...matches, ...byWords]
    .map(({ entry }) => entry)
    .sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code))
    .slice(0, limit);
}
