// The keys two records must share to be compared as possible duplicates. Each has a twin in SQL
// (migration 0011: baken_email_key, baken_phone_key) that the scans and checks use; a server test
// runs both over the same examples so they cannot drift apart.

/** Mail providers that ignore dots in the part before the @: j.jansen@ and jjansen@ reach one inbox. */
const dotlessProviders: Readonly<Record<string, string>> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
};

/**
 * One inbox, one key: case and surrounding spaces never matter, a `+label` after the name is dropped
 * (most providers deliver name+label@ to name@), and for Gmail the dots in the name as well.
 * Addresses without an @ have no key.
 */
export function emailKey(email: string | null | undefined): string | null {
  if (!email) return null;
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  const domain = address.slice(at + 1);
  let name = address.slice(0, at).replace(/\+.*$/, '');
  const provider = dotlessProviders[domain];
  if (provider) name = name.replaceAll('.', '');
  if (name === '') return null;
  return `${name}@${provider ?? domain}`;
}

/**
 * The last nine digits of a number with at least nine: +31 6 1234 5678, 0031612345678 and
 * 06-12345678 all give 612345678. Nine digits are a Dutch or Belgian number without its trunk 0 or
 * country code; numbers this long rarely collide by accident, shorter ones (extensions, typos) are
 * left out. Works the same on E.164 numbers.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : null;
}

/** A domain as the accounts store it, without the www. a pasted address may still carry. */
export function domainKey(domain: string | null | undefined): string | null {
  if (!domain) return null;
  const key = domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  return key === '' ? null : key;
}

/** A KvK number of 8 digits, whatever dots and spaces were typed in it. */
export function kvkKey(kvk: string | null | undefined): string | null {
  if (!kvk) return null;
  const digits = kvk.replace(/[\s.]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}
