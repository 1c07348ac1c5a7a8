import { describe, expect, it } from 'vitest';
import { domainFromEmail, domainFromWebsite, isFreeMailDomain, normalizeDomain } from './domain.ts';
import { hostOf } from './host.ts';

describe('normalizeDomain', () => {
  it.each([
    ['acme.nl', 'acme.nl'],
    ['https://www.Acme.NL/over-ons?x=1', 'acme.nl'],
    ['WWW.acme.nl.', 'acme.nl'],
    ['shop.acme.co.uk', 'acme.co.uk'],
    ['http://acme.nl:8080', 'acme.nl'],
    ['info@acme.nl', 'acme.nl'],
    ['bakkerij.amsterdam', 'bakkerij.amsterdam'],
    ['acme.github.io', 'acme.github.io'],
    ['Bücher.de', 'xn--bcher-kva.de'],
  ])('turns %j into %s', (raw, expected) => {
    expect(normalizeDomain(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['acme.local', 'localhost', 'intranet', '192.168.1.10', 'acme.internal', 'nl', 'co.uk'])(
    'refuses %j: no registrable name under a public suffix',
    (raw) => {
      const checked = normalizeDomain(raw);
      expect(checked).toMatchObject({ ok: false });
      if (!checked.ok) expect(checked.message).toMatch(/^Enter a domain such as acme.nl;/);
    },
  );

  it('treats empty input as no domain', () => {
    expect(normalizeDomain(' ')).toEqual({ ok: true, value: null });
  });

  it('strips scheme, www, port and path from a host without judging it', () => {
    expect(hostOf('HTTPS://www.Example.org:443/path#x')).toBe('example.org');
  });
});

describe('domainFromEmail', () => {
  it('gives the registrable domain of a company address', () => {
    expect(domainFromEmail('Jan <jan@Sales.Acme.nl>')).toBe('acme.nl');
    expect(domainFromEmail('mailto:info@bakker.be')).toBe('bakker.be');
  });

  it.each([
    'jan@gmail.com',
    'piet@hotmail.com',
    'k@outlook.com',
    'a@live.nl',
    'b@ziggo.nl',
    'c@kpnmail.nl',
    'd@telenet.be',
    'e@skynet.be',
  ])('skips the free-mail address %s', (email) => {
    expect(domainFromEmail(email)).toBeNull();
  });

  it('gives nothing for text that is not an address with a public domain', () => {
    expect(domainFromEmail('jan')).toBeNull();
    expect(domainFromEmail('jan@server.local')).toBeNull();
  });

  it('knows free-mail domains in any case', () => {
    expect(isFreeMailDomain('GMAIL.com')).toBe(true);
    expect(isFreeMailDomain('acme.nl')).toBe(false);
  });
});

describe('domainFromWebsite', () => {
  it('gives the registrable domain of a web address', () => {
    expect(domainFromWebsite('https://www.acme.nl/contact')).toBe('acme.nl');
    expect(domainFromWebsite('winkel.acme.be')).toBe('acme.be');
    expect(domainFromWebsite('http://localhost:3000')).toBeNull();
    expect(domainFromWebsite('')).toBeNull();
  });
});
