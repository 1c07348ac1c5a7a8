// The API answers in Dutch or English: the language comes from Accept-Language (the web app sends
// the one its user chose), English when neither is asked for. Our own messages are translated from
// the catalog in dutch.ts; zod's generic ones ("Too big: …") by zod's own Dutch locale.
import { z } from 'zod';
import { dutch } from './dutch.ts';

export type Language = 'nl' | 'en';

/** The first of nl and en the header asks for, by quality; en when it asks for neither. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.toLowerCase().split('-')[0], quality: quality ? Number(quality) : 1, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranked.find((entry) => entry.primary === 'nl' || entry.primary === 'en');
  return match?.primary === 'nl' ? 'nl' : 'en';
}

interface Template {
  pattern: RegExp;
  names: string[];
  dutch: string;
}

const PLACEHOLDER = /\{(\w*)\}/g;
// Parts filled in that are words of ours (a record label, a status, a nested message) are translated
// too; names of fields, values a user typed and numbers are kept as they are.
const TRANSLATED_PARTS = new Set([
  'what',
  'noun',
  'by',
  'status',
  'action',
  'recordType',
  'expected',
  'message',
]);
const HAS_PLACEHOLDER = /\{\w*\}/;

// Longest first: "The request body is not valid JSON: {message}" before "{field}: {message}".
const templates: Template[] = Object.entries(dutch)
  .filter(([english]) => HAS_PLACEHOLDER.test(english))
  .sort(([a], [b]) => b.replace(PLACEHOLDER, '').length - a.replace(PLACEHOLDER, '').length)
  .map(([english, translation]) => {
    const names = [...english.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
    const literal = english
      .split(PLACEHOLDER)
      .map((part, index) => (index % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '([\\s\\S]+?)'))
      .join('');
    return { pattern: new RegExp(`^${literal}$`), names, dutch: translation };
  });

/** A message in the language asked for; a text the catalog does not know stays as it is. */
export function translate(text: string, language: Language, depth = 0): string {
  if (language === 'en') return text;
  const exact = dutch[text];
  if (exact !== undefined) return exact;
  if (depth > 2) return text;
  for (const template of templates) {
    const match = template.pattern.exec(text);
    if (!match) continue;
    const values = template.names.map((_, index) => match[index + 1] ?? '');
    const used = new Map<string, number>();
    return template.dutch.replace(PLACEHOLDER, (_, name: string) => {
      // A name used twice takes its values in order ("{0} rows … counts {0}").
      const seen = used.get(name) ?? 0;
      used.set(name, seen + 1);
      const positions = template.names.flatMap((candidate, index) => (candidate === name ? [index] : []));
      const value = values[positions[seen] ?? positions[0] ?? 0] ?? '';
      return TRANSLATED_PARTS.has(name) ? translate(value, language, depth + 1) : value;
    });
  }
  return text;
}

const englishZod = z.locales.en().localeError;
const dutchZod = z.locales.nl().localeError;

// What zod says it received is worked out from the input, which its issues do not carry.
const sampleOf: Record<string, unknown> = {
  string: '',
  number: 0,
  boolean: false,
  array: [],
  object: {},
  null: null,
  undefined: undefined,
};

/**
 * A message of a zod issue in the language asked for: ours from the catalog, zod's own through its
 * locale (when the English text is what zod's English locale says for that issue).
 */
export function translateIssue(
  issue: { code: string; message: string } & Record<string, unknown>,
  language: Language,
): string {
  if (language === 'en' || dutch[issue.message] !== undefined) return translate(issue.message, language);
  const received = /received (\w+)$/.exec(issue.message)?.[1];
  const raw = { ...issue, ...(received && received in sampleOf ? { input: sampleOf[received] } : {}) };
  const asEnglish = englishZod(raw as never);
  const englishText = typeof asEnglish === 'string' ? asEnglish : asEnglish?.message;
  if (englishText !== issue.message) return translate(issue.message, language);
  const asDutch = dutchZod(raw as never);
  return (typeof asDutch === 'string' ? asDutch : asDutch?.message) ?? issue.message;
}
