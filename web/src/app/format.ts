import { currentLanguage } from './i18n.ts';

const localeOf = () => (currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');

// Building an Intl formatter costs far more than using one; a board or list formats hundreds of values.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  kind: string,
  options: object,
  create: (locale: string) => F,
): F {
  const locale = localeOf();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  const found = formatters.get(key);
  if (found) return found as F;
  const made = create(locale);
  formatters.set(key, made);
  return made;
}

const numberFormat = (options: Intl.NumberFormatOptions = {}) =>
  formatter('number', options, (locale) => new Intl.NumberFormat(locale, options));

const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  formatter('date', options, (locale) => new Intl.DateTimeFormat(locale, options));

/** Money in minor units (cents) as the user's locale writes it. */
export function formatMoney(cents: number, currency = 'EUR'): string {
  return numberFormat({
    style: 'currency',
    currency,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

/** A calendar date (YYYY-MM-DD) or an instant, in the user's locale and time zone. */
export function formatDate(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return dateFormat({ dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(date);
}

export function formatDateTime(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(value),
  );
}

/** How a person is called in lists and headers: their name, else their email. */
export const contactName = (contact: {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}) => [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || '—';
