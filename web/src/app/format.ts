import { currentLanguage } from './i18n.ts';

const localeOf = () => (currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');

/** Money in minor units (cents) as the user's locale writes it. */
export function formatMoney(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat(localeOf(), {
    style: 'currency',
    currency,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(localeOf()).format(value);
}

/** A calendar date (YYYY-MM-DD) or an instant, in the user's locale and time zone. */
export function formatDate(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(localeOf(), {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

export function formatDateTime(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(localeOf(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(value));
}

/** How a person is called in lists and headers: their name, else their email. */
export const contactName = (contact: {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}) => [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || '—';
