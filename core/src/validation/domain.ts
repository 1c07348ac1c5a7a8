import { parse } from 'tldts';
import { type Checked, quoted, valid } from './checked.ts';
import { cleanEmail } from './email.ts';
import { freeMailDomains } from './free-mail-domains.ts';
import { hostOf } from './host.ts';

/**
 * The registrable domain of a host: the name under a public suffix of the Public Suffix List, the
 * suffixes of hosting platforms included (`shop.acme.co.uk` → `acme.co.uk`, `acme.github.io` stays).
 * Null for IP addresses, single labels (`localhost`) and suffixes nobody can register under
 * (`acme.local`, `acme.internal`).
 */
export function registrableDomain(host: string): string | null {
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain || !(parsed.isIcann || parsed.isPrivate)) return null;
  return /^[a-z0-9.-]+$/.test(parsed.domain) ? parsed.domain : null;
}

/**
 * A company's domain as Baken stores it: the registrable domain of whatever was typed or pasted
 * (`https://www.Acme.NL/contact` → `acme.nl`). Empty input is no domain (null).
 */
export function normalizeDomain(raw: string): Checked<string | null> {
  const host = hostOf(raw);
  if (host === '') return valid(null);
  const domain = registrableDomain(host);
  if (domain) return valid(domain);
  return {
    ok: false,
    message: `Enter a domain such as acme.nl; ${quoted(raw)} has no public domain ending.`,
  };
}

/** The registrable domain of a web address, or null when it has none. */
export function domainFromWebsite(url: string): string | null {
  const host = hostOf(url);
  return host === '' ? null : registrableDomain(host);
}

export function isFreeMailDomain(domain: string): boolean {
  return freeMailDomains.has(domain.toLowerCase());
}

/**
 * The company domain an email address points to (`jan@sales.acme.nl` → `acme.nl`), or null for
 * addresses at a free-mail provider (gmail.com, ziggo.nl, telenet.be, …) and for anything that is
 * not an address with a public domain.
 */
export function domainFromEmail(email: string): string | null {
  const address = cleanEmail(email);
  const at = address.lastIndexOf('@');
  if (at < 1) return null;
  const host = hostOf(address.slice(at + 1));
  const domain = host === '' ? null : registrableDomain(host);
  if (!domain || isFreeMailDomain(domain) || isFreeMailDomain(host)) return null;
  return domain;
}
