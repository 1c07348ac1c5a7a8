import { describe, expect, it } from 'vitest';
import { sectors } from '../demo/demo-sectors.ts';
import {
  industryCodeEntry,
  industryCodeLabel,
  normalizeIndustryCode,
  searchIndustryCodes,
} from './industry-codes.ts';
import { sbiCodes } from './sbi-codes.ts';

describe('the SBI list', () => {
  it('has every section A to U and the 88 divisions, each code once', () => {
    const codes = sbiCodes.map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => /^[A-Z]$/.test(code))).toEqual([...'ABCDEFGHIJKLMNOPQRSTU']);
    expect(codes.filter((code) => /^\d{2}$/.test(code))).toHaveLength(88);
  });

  it('gives every class and subclass a listed division, and every entry two titles', () => {
    for (const [code, nl, en] of sbiCodes) {
      if (/^\d{4,5}$/.test(code)) expect(industryCodeEntry(code.slice(0, 2))?.exact).toBe(true);
      expect(nl.length).toBeGreaterThan(2);
      expect(en.length).toBeGreaterThan(2);
    }
  });

  it('knows the code of every demo sector', () => {
    for (const sector of sectors) expect(industryCodeEntry(sector.code)).toMatchObject({ exact: true });
  });
});

describe('normalizeIndustryCode', () => {
  it.each([
    ['62.01', '6201'],
    ['6201', '6201'],
    [' 62 01 ', '6201'],
    ['62', '62'],
    ['j', 'J'],
    ['55.10.1', '55101'],
    ['6201 - Ontwikkelen, produceren en uitgeven van software', '6201'],
    ['70.22 Advisering', '7022'],
  ])('turns %j into %s', (raw, expected) => {
    expect(normalizeIndustryCode(raw)).toEqual({ ok: true, value: expected });
  });

  it('accepts a code the list does not carry when its division is known', () => {
    expect(normalizeIndustryCode('62.09.1')).toEqual({ ok: true, value: '62091' });
    expect(industryCodeEntry('62091')).toMatchObject({ exact: false, entry: { code: '6209' } });
  });

  it.each(['04', '00.00', '6', '123456', 'Z', 'software', '62.01.2.3'])('refuses %j', (raw) => {
    const checked = normalizeIndustryCode(raw);
    expect(checked).toMatchObject({ ok: false });
    if (!checked.ok) expect(checked.message).toMatch(/SBI code such as 62.01/);
  });

  it('treats empty input as no code', () => {
    expect(normalizeIndustryCode('')).toEqual({ ok: true, value: null });
  });
});

describe('industryCodeLabel', () => {
  it('gives the title in Dutch or English', () => {
    expect(industryCodeLabel('6201', 'nl')).toBe('Ontwikkelen, produceren en uitgeven van software');
    expect(industryCodeLabel('6201', 'en')).toBe('Computer programming and software development');
    expect(industryCodeLabel('F', 'en')).toBe('Construction');
  });

  it('falls back to the nearest listed parent, and gives nothing for unknown codes', () => {
    expect(industryCodeLabel('43999', 'nl')).toBe('Overige gespecialiseerde werkzaamheden in de bouw');
    expect(industryCodeLabel('04', 'nl')).toBeNull();
  });
});

describe('searchIndustryCodes', () => {
  it('finds codes by their start, with or without dots, broad codes first', () => {
    const codes = searchIndustryCodes('62').map((entry) => entry.code);
    expect(codes[0]).toBe('62');
    expect(codes).toEqual(expect.arrayContaining(['6201', '6202', '6203', '6209']));
    expect(searchIndustryCodes('62.0').map((entry) => entry.code)).toEqual(['6201', '6202', '6203', '6209']);
  });

  it('finds codes by words in their Dutch or English title, inside compounds too, accents ignored', () => {
    expect(searchIndustryCodes('software').map((entry) => entry.code)).toEqual(
      expect.arrayContaining(['6201', '5829']),
    );
    expect(searchIndustryCodes('bouw install').map((entry) => entry.code)).toContain('4329');
    expect(searchIndustryCodes('installatie').map((entry) => entry.code)).toContain('4321');
    expect(searchIndustryCodes('plumbing').map((entry) => entry.code)).toEqual(['4322', '4674']);
    expect(searchIndustryCodes('financiele hold').map((entry) => entry.code)).toEqual(['70', '6420', '7010']);
  });

  it('answers a detailed code the list does not carry with its nearest listed parent', () => {
    expect(searchIndustryCodes('62.09.1').map((entry) => entry.code)).toEqual(['6209']);
    expect(searchIndustryCodes('0499')).toEqual([]);
  });

  it('answers a section letter with that section', () => {
    expect(searchIndustryCodes('f')).toEqual([{ code: 'F', nl: 'Bouwnijverheid', en: 'Construction' }]);
  });

  it('stops at the limit', () => {
    expect(searchIndustryCodes('', 20)).toHaveLength(20);
    expect(searchIndustryCodes('van', 5)).toHaveLength(5);
  });
});
