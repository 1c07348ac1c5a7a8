// Reading company facts out of the text and links of a web page: registration numbers, social
// profiles, the company name in a page title. Pure functions over strings; the HTML parsing is the
// server's.
import type { SocialLinks, SocialNetwork } from './enrichment.schema.ts';

const KVK_NEAR_LABEL =
  /\b(?:kvk|k\.v\.k\.?|kamer\s+van\s+koophandel|chamber\s+of\s+commerce|coc)(?:[\s-]*(?:nummer|nr|number|no|registration|inschrijving)\.?)?[\s:.#-]{0,5}(\d{2}[\s.]?\d{2}[\s.]?\d{2}[\s.]?\d{2})(?!\d)/i;

/** The Dutch Chamber of Commerce number a page states next to its label ("KvK 12345678", "KvK-nr: 1234 5678"). */
export function findKvkNumber(text: string): string | null {
  const match = KVK_NEAR_LABEL.exec(text);
  return match ? (match[1] as string).replace(/\D/g, '') : null;
}

const NL_VAT = /\bNL[\s.]?(\d{9})[\s.]?B[\s.]?(\d{2})\b/i;
const BE_VAT = /\bBE[\s.]?([01]\d{3})[\s.]?(\d{3})[\s.]?(\d{3})\b/i;
const BE_VAT_LABELLED =
  /\b(?:btw|vat|tva|ondernemingsnummer)[^\d]{0,20}([01]\d{3})[\s.]?(\d{3})[\s.]?(\d{3})\b/i;

/** A Belgian enterprise number carries its check in the last two digits: 97 minus the first eight mod 97. */
function belgianCheckHolds(digits: string): boolean {
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

/** A Dutch or Belgian VAT number stated on a page, written as NL123456789B01 or BE0123456749. */
export function findVatNumber(text: string): string | null {
  const dutch = NL_VAT.exec(text);
  if (dutch) return `NL${dutch[1]}B${dutch[2]}`;
  for (const regex of [BE_VAT, BE_VAT_LABELLED]) {
    const match = regex.exec(text);
    if (!match) continue;
    const digits = `${match[1]}${match[2]}${match[3]}`;
    if (belgianCheckHolds(digits)) return `BE${digits}`;
  }
  return null;
}

const SOCIAL_HOSTS: [RegExp, SocialNetwork][] = [
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)(twitter|x)\.com$/, 'x'],
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)youtube\.com$/, 'youtube'],
];

/** Links that share the page or log in, rather than pointing at the company's own profile. */
const NOT_A_PROFILE =
  /\/(sharer|share|sharearticle|intent|dialog|plugins|login|home\.php|embed|watch|hashtag|search)([/.?]|$)|[?&]u=/i;

/** Which network a link is the company profile on, or null for other links and share buttons. */
export function socialNetworkOf(href: string): SocialNetwork | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  if (!/^https?:$/.test(url.protocol) || url.pathname.replace(/\/+$/, '') === '') return null;
  if (NOT_A_PROFILE.test(url.pathname + url.search)) return null;
  const host = url.hostname.toLowerCase();
  return SOCIAL_HOSTS.find(([regex]) => regex.test(host))?.[1] ?? null;
}

/** The first profile link per network, LinkedIn company pages preferred over personal ones. */
export function socialLinksOf(hrefs: readonly string[]): SocialLinks {
  const links: SocialLinks = {};
  for (const href of hrefs) {
    const network = socialNetworkOf(href);
    if (!network) continue;
    const clean = href.split('#')[0] as string;
    const current = links[network];
    const betterLinkedIn = network === 'linkedin' && current && !current.includes('/company/');
    if (!current || (betterLinkedIn && clean.includes('/company/'))) links[network] = clean;
  }
  return links;
}

const TITLE_SEPARATORS = /\s+[|–—·•:-]\s+/;
const GENERIC_TITLE_PART =
  /^(home|homepage|startpagina|start|welkom|welcome|hoofdpagina|index|officiële website|official website)$/i;

/** The company name in a page title such as "Home | Bakkerij Jansen": the last part that is not generic. */
export function nameFromTitle(title: string): string | null {
  const parts = title
    .split(TITLE_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !GENERIC_TITLE_PART.test(part));
  return parts.at(-1) ?? null;
}

const COUNTRY_NAMES: Record<string, string> = {
  nederland: 'NL',
  netherlands: 'NL',
  'the netherlands': 'NL',
  holland: 'NL',
  belgië: 'BE',
  belgie: 'BE',
  belgium: 'BE',
  belgique: 'BE',
  duitsland: 'DE',
  germany: 'DE',
  deutschland: 'DE',
  luxemburg: 'LU',
  luxembourg: 'LU',
  frankrijk: 'FR',
  france: 'FR',
};

/** A two-letter country code from a code or a common Dutch, English or local name. */
export function countryCode(value: string): string | null {
  const trimmed = value.trim();
  if (/^[a-z]{2}$/i.test(trimmed)) return trimmed.toUpperCase();
  return COUNTRY_NAMES[trimmed.toLowerCase()] ?? null;
}

/** The primary language of an `html lang` value: `nl-NL` becomes `nl`. */
export function languageOf(lang: string): string | null {
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(lang.trim());
  return match ? (match[1] as string).toLowerCase() : null;
}
