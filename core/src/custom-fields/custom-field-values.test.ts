import { describe, expect, it } from 'vitest';
import { InputError } from '../shared/input-error.ts';
import { type CustomFieldDefinition, customFieldSpecs, mergeCustomValues } from './custom-field-values.ts';

function field(
  key: string,
  type: CustomFieldDefinition['type'],
  extra: Partial<CustomFieldDefinition> = {},
): CustomFieldDefinition {
  return { key, label: key.replace(/_/g, ' '), type, options: [], required: false, ...extra };
}

const definitions = [
  field('sector', 'text'),
  field('locations', 'number'),
  field('renewal_date', 'date'),
  field('region', 'select', { options: ['Noord', 'Zuid'] }),
  field('channels', 'multi_select', { options: ['web', 'beurs', 'telefoon'] }),
  field('reseller', 'boolean'),
  field('portal', 'url'),
];

function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('mergeCustomValues', () => {
  it('accepts a value of every type', () => {
    const values = {
      sector: 'Bouw',
      locations: 3,
      renewal_date: '2027-01-31',
      region: 'Noord',
      channels: ['web', 'beurs'],
      reseller: false,
      portal: 'https://portal.acme.nl/login',
    };
    expect(mergeCustomValues(definitions, {}, values)).toEqual(values);
  });

  it('keeps the stored values that the input does not mention', () => {
    expect(mergeCustomValues(definitions, { sector: 'Bouw', locations: 2 }, { locations: 5 })).toEqual({
      sector: 'Bouw',
      locations: 5,
    });
    expect(mergeCustomValues(definitions, { sector: 'Bouw' }, undefined)).toEqual({ sector: 'Bouw' });
  });

  it('does not change the stored values it is given', () => {
    const stored = { sector: 'Bouw' };
    mergeCustomValues(definitions, stored, { sector: 'Zorg', locations: 1 });
    expect(stored).toEqual({ sector: 'Bouw' });
  });

  it('removes a value set to null or to empty text', () => {
    expect(
      mergeCustomValues(definitions, { sector: 'Bouw', locations: 2 }, { sector: null, locations: '' }),
    ).toEqual({});
  });

  it('drops repeated options of a multi-select', () => {
    expect(mergeCustomValues(definitions, {}, { channels: ['web', 'web', 'beurs'] })).toEqual({
      channels: ['web', 'beurs'],
    });
  });

  it.each([
    ['sector', 12],
    ['locations', '3'],
    ['locations', Number.NaN],
    ['locations', Number.POSITIVE_INFINITY],
    ['renewal_date', '31-01-2027'],
    ['renewal_date', '2027-02-30'],
    ['renewal_date', 20270131],
    ['region', 'West'],
    ['region', ['Noord']],
    ['channels', 'web'],
    ['channels', ['web', 'fax']],
    ['reseller', 'true'],
    ['portal', 'portal.acme.nl'],
    ['portal', 'ftp://acme.nl'],
    ['portal', 'javascript:alert(1)'],
  ])('refuses %s = %j, naming custom.<key>', (key, value) => {
    const error = inputErrorOf(() => mergeCustomValues(definitions, {}, { [key]: value }));
    expect(error.field).toBe(`custom.${key}`);
  });

  it('refuses a key that no custom field defines', () => {
    const error = inputErrorOf(() => mergeCustomValues(definitions, {}, { shoe_size: 42 }));
    expect(error.field).toBe('custom.shoe_size');
    expect(error.message).toContain('shoe_size');
  });

  it('requires a value for a required field, also when it is removed', () => {
    const required = [
      field('segment', 'select', { options: ['SMB', 'Enterprise'], required: true }),
      field('sector', 'text'),
    ];
    expect(inputErrorOf(() => mergeCustomValues(required, {}, { sector: 'Bouw' })).field).toBe(
      'custom.segment',
    );
    expect(inputErrorOf(() => mergeCustomValues(required, {}, undefined)).field).toBe('custom.segment');
    expect(inputErrorOf(() => mergeCustomValues(required, { segment: 'SMB' }, { segment: null })).field).toBe(
      'custom.segment',
    );
    expect(mergeCustomValues(required, { segment: 'SMB' }, { sector: 'Zorg' })).toEqual({
      segment: 'SMB',
      sector: 'Zorg',
    });
  });
});

describe('customFieldSpecs', () => {
  it('makes every custom field a nullable list field of the matching kind', () => {
    expect(customFieldSpecs(definitions)).toEqual({
      sector: { kind: 'text', nullable: true },
      locations: { kind: 'number', nullable: true },
      renewal_date: { kind: 'date', nullable: true },
      region: { kind: 'enum', nullable: true, values: ['Noord', 'Zuid'] },
      channels: { kind: 'tags', nullable: true },
      reseller: { kind: 'boolean', nullable: true },
      portal: { kind: 'text', nullable: true },
    });
  });
});
