// Kept apart from domain.ts: the record schemas (and so the web app's first chunk) need the host of
// an address, not the Public Suffix List that domain.ts loads through tldts.
/**
 * Lower-case host name without scheme, www., path or port: `https://www.Acme.nl/x` becomes `acme.nl`;
 * internationalised names in their ASCII (punycode) form, as DNS knows them. No check of the result.
 */
export function hostOf(value: string): string {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^/?#@]*@/, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '')
    .replace(/\.$/, '');
  if (!/\P{ASCII}/u.test(host) || !URL.canParse(`http://${host}`)) return host;
  return new URL(`http://${host}`).hostname;
}
