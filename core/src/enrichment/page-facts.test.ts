import { describe, expect, it } from 'vitest';
import {
  countryCode,
  findKvkNumber,
  findVatNumber,
  languageOf,
  nameFromTitle,
  socialLinksOf,
  socialNetworkOf,
} from './page-facts.ts';

describe('findKvkNumber', () => {
  it('reads a KvK number next to its label, in the ways sites write it', () => {
    expect(findKvkNumber('Bakkerij Jansen · KvK 12345678 · BTW NL001234567B01')).toBe('12345678');
    expect(findKvkNumber('KvK-nummer: 1234 5678')).toBe('12345678');
    expect(findKvkNumber('K.v.K. nr. 12.34.56.78')).toBe('12345678');
    expect(findKvkNumber('Kamer van Koophandel 87654321')).toBe('87654321');
    expect(findKvkNumber('Chamber of Commerce no. 11223344')).toBe('11223344');
  });

  it('ignores numbers without the label and numbers of another length', () => {
    expect(findKvkNumber('Bel 0301234567 of mail ons')).toBeNull();
    expect(findKvkNumber('KvK 1234567')).toBeNull();
    expect(findKvkNumber('KvK 123456789')).toBeNull();
  });
});

describe('findVatNumber', () => {
  it('reads a Dutch VAT number with or without spaces and dots', () => {
    expect(findVatNumber('BTW-nummer NL001234567B01')).toBe('NL001234567B01');
    expect(findVatNumber('vat nl001234567b01')).toBe('NL001234567B01');
  });

  it('reads a Belgian number only when its check digits hold', () => {
    expect(findVatNumber('BTW BE 0123.456.749')).toBe('BE0123456749');
    expect(findVatNumber('Ondernemingsnummer 0123 456 749')).toBe('BE0123456749');
    expect(findVatNumber('BTW BE 0123.456.789')).toBeNull();
  });
});

describe('social links', () => {
  it('names the network of a profile link', () => {
    expect(socialNetworkOf('https://www.linkedin.com/company/bakkerij-jansen/')).toBe('linkedin');
    expect(socialNetworkOf('https://x.com/bakkerij')).toBe('x');
    expect(socialNetworkOf('https://twitter.com/bakkerij')).toBe('x');
    expect(socialNetworkOf('https://nl-nl.facebook.com/bakkerij')).toBe('facebook');
    expect(socialNetworkOf('https://www.instagram.com/bakkerij/')).toBe('instagram');
    expect(socialNetworkOf('https://www.youtube.com/@bakkerij')).toBe('youtube');
  });

  it('skips share buttons, bare network home pages and other sites', () => {
    expect(socialNetworkOf('https://www.facebook.com/sharer/sharer.php?u=https://a.nl')).toBeNull();
    expect(socialNetworkOf('https://twitter.com/intent/tweet?text=hoi')).toBeNull();
    expect(socialNetworkOf('https://www.linkedin.com/shareArticle?url=x')).toBeNull();
    expect(socialNetworkOf('https://www.facebook.com/')).toBeNull();
    expect(socialNetworkOf('https://notlinkedin.com/company/x')).toBeNull();
    expect(socialNetworkOf('mailto:info@a.nl')).toBeNull();
  });

  it('keeps the first profile per network and prefers a LinkedIn company page', () => {
    expect(
      socialLinksOf([
        'https://www.linkedin.com/in/jan-jansen',
        'https://www.linkedin.com/company/jansen#about',
        'https://www.instagram.com/jansen',
        'https://www.instagram.com/other',
      ]),
    ).toEqual({
      linkedin: 'https://www.linkedin.com/company/jansen',
      instagram: 'https://www.instagram.com/jansen',
    });
  });
});

describe('nameFromTitle', () => {
  it('takes the last part of a title that is not a generic word', () => {
    expect(nameFromTitle('Home | Bakkerij Jansen')).toBe('Bakkerij Jansen');
    expect(nameFromTitle('Welkom - Jansen Installatietechniek')).toBe('Jansen Installatietechniek');
    expect(nameFromTitle('Acme')).toBe('Acme');
    expect(nameFromTitle('Home')).toBeNull();
  });
});

describe('countryCode and languageOf', () => {
  it('turns codes and common country names into a two-letter code', () => {
    expect(countryCode('nl')).toBe('NL');
    expect(countryCode('Nederland')).toBe('NL');
    expect(countryCode('Belgium')).toBe('BE');
    expect(countryCode('Atlantis')).toBeNull();
  });

  it('reads the primary language of html lang', () => {
    expect(languageOf('nl-NL')).toBe('nl');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('not a language')).toBeNull();
  });
});
