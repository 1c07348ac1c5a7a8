import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { languageOf, translate, translateIssue } from './translate.ts';

describe('the language of a request', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['nl', 'nl'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['en-GB,en;q=0.9,nl;q=0.8', 'en'],
    ['de-DE,de;q=0.9,nl;q=0.8,en;q=0.5', 'nl'],
    ['en;q=0.5, nl;q=0.9', 'nl'],
    ['nl;q=0, en', 'en'],
    ['fr-FR', 'en'],
  ])('reads %j as %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

describe('translating messages', () => {
  it('leaves English as it is and translates a known message to Dutch', () => {
    expect(translate('Sign in first.', 'en')).toBe('Sign in first.');
    expect(translate('Sign in first.', 'nl')).toBe('Log eerst in.');
  });

  it('fills templates and translates the parts it knows', () => {
    expect(translate('Contact not found.', 'nl')).toBe('Contactpersoon niet gevonden.');
    expect(translate('This pipeline still holds 12 deals: move or delete them first.', 'nl')).toBe(
      'Deze pijplijn bevat nog 12 deals: verplaats of verwijder die eerst.',
    );
    expect(translate('email: Enter a valid email address, like name@company.nl.', 'nl')).toBe(
      'email: Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.',
    );
  });

  it('translates the words of ours it fills in, but never a field name or a typed value', () => {
    expect(translate("amount: 'veel' is not a number.", 'nl')).toBe("amount: 'veel' is niet een getal.");
    expect(translate('Same email as row 4; this row was skipped.', 'nl')).toBe(
      'Zelfde e-mailadres als rij 4; deze rij is overgeslagen.',
    );
    expect(
      translate("There is no custom field 'contact' here; define it first under custom fields.", 'nl'),
    ).toBe("Er is hier geen eigen veld 'contact'; maak het eerst aan bij de eigen velden.");
  });

  it('keeps a message it does not know, rather than guessing', () => {
    expect(translate('Something nobody wrote a translation for.', 'nl')).toBe(
      'Something nobody wrote a translation for.',
    );
  });

  it("says zod's own messages in Dutch through zod's locale, and ours through the catalog", () => {
    const schema = z.strictObject({
      name: z.string().max(5),
      count: z.number(),
      email: z.string().refine(() => false, { error: 'Enter a valid email address, like name@company.nl.' }),
    });
    const issues = schema.safeParse({ name: 'abcdefgh', count: 'veel', email: 'x' }).error?.issues ?? [];
    const dutch = issues.map((issue) => translateIssue({ ...issue, code: issue.code }, 'nl'));
    expect(dutch).toEqual([
      expect.stringMatching(/^Te lang: .*5 tekens/),
      expect.stringMatching(/^Ongeldige invoer: verwacht getal, ontving string/),
      'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.',
    ]);
  });
});
