import { describe, expect, it } from 'vitest';
import {
  defaultChoices,
  filledCount,
  fullerSide,
  mergedValues,
  mergeGroups,
  unknownChoices,
} from './merge-fields.ts';

const person = (fields: Record<string, unknown>) => ({
  firstName: null,
  lastName: null,
  email: null,
  phone: null,
  lifecycleStage: 'lead',
  marketingConsent: 'unknown',
  consentAt: null,
  consentSource: null,
  tags: [],
  custom: {},
  ...fields,
});

const group = (key: string) => mergeGroups.contact.find((candidate) => candidate.key === key)!;

describe('merge fields', () => {
  it('preselects a filled value over an empty one, then the longer text, the survivor on a tie', () => {
    const survivor = person({ firstName: 'Jan', lastName: 'Jansen', phone: null, email: 'a@b.nl' });
    const merged = person({
      firstName: 'Jan-Willem',
      lastName: 'Jansen',
      phone: '+31612345678',
      email: 'c@d.nl',
    });
    expect(defaultChoices('contact', survivor, merged).fields).toEqual({
      firstName: 'merged',
      phone: 'merged',
      email: 'survivor',
    });
  });

  it('keeps the later funnel stage, and the later consent decision', () => {
    expect(
      fullerSide(
        'contact',
        person({ lifecycleStage: 'customer' }),
        person({ lifecycleStage: 'mql' }),
        group('lifecycleStage'),
      ),
    ).toBe('survivor');
    expect(
      fullerSide(
        'contact',
        person({ lifecycleStage: 'lead' }),
        person({ lifecycleStage: 'sql' }),
        group('lifecycleStage'),
      ),
    ).toBe('merged');
    const granted = person({ marketingConsent: 'granted', consentAt: '2026-01-01T00:00:00Z' });
    const withdrawn = person({ marketingConsent: 'withdrawn', consentAt: '2026-06-01T00:00:00Z' });
    expect(fullerSide('contact', granted, withdrawn, group('marketingConsent'))).toBe('merged');
    // Without dates a refusal beats a yes.
    expect(
      fullerSide(
        'contact',
        person({ marketingConsent: 'granted' }),
        person({ marketingConsent: 'denied' }),
        group('marketingConsent'),
      ),
    ).toBe('merged');
  });

  it('takes a group of fields from one side together', () => {
    const values = mergedValues(
      'contact',
      person({ marketingConsent: 'granted', consentAt: '2026-01-01T00:00:00Z', consentSource: 'form' }),
      person({ marketingConsent: 'denied', consentAt: null, consentSource: null }),
      { fields: { marketingConsent: 'merged' } },
    );
    expect(values).toMatchObject({ marketingConsent: 'denied', consentAt: null, consentSource: null });
  });

  it('joins tags without case twins, and chooses custom values per key', () => {
    const values = mergedValues(
      'contact',
      person({ tags: ['Klant', 'VIP'], custom: { regio: 'Noord', taal: 'nl' } }),
      person({ tags: ['klant', 'Beurs'], custom: { regio: 'Zuid', linkedin: 'x' } }),
      { custom: { regio: 'merged' } },
    );
    expect(values.tags).toEqual(['Klant', 'VIP', 'Beurs']);
    expect(values.custom).toEqual({ regio: 'Zuid', taal: 'nl', linkedin: 'x' });
  });

  it('follows the choices a person made over the preselection', () => {
    const values = mergedValues('contact', person({ firstName: 'Jan' }), person({ firstName: 'Johannes' }), {
      fields: { firstName: 'survivor' },
    });
    expect(values.firstName).toBe('Jan');
  });

  it('names choices that are no field group', () => {
    expect(unknownChoices('contact', { fields: { firstName: 'merged', passwordHash: 'merged' } })).toEqual([
      'passwordHash',
    ]);
    expect(unknownChoices('account', { fields: { street: 'merged' } })).toEqual([]);
  });

  it('counts filled fields, custom values included', () => {
    expect(filledCount('contact', person({ firstName: 'Jan', custom: { regio: 'Noord', leeg: null } }))).toBe(
      4,
    );
  });
});
