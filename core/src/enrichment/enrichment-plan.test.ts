import { describe, expect, it } from 'vitest';
import type { FieldSource, Finding } from './enrichment.schema.ts';
import { cleanFinding, planEnrichment } from './enrichment-plan.ts';

const at = new Date('2026-11-20T10:00:00Z');
const earlier = new Date('2026-10-01T10:00:00Z');
const found = (field: Finding['field'], value: unknown, source = 'website'): Finding => ({
  field,
  value,
  source,
  fetchedAt: at,
});
const byProvider = (field: string, value: unknown, source = 'website'): FieldSource => ({
  field,
  setBy: 'provider',
  source,
  value,
  fetchedAt: earlier,
});
const outcomes = (plan: ReturnType<typeof planEnrichment>) =>
  Object.fromEntries(plan.results.map((result) => [result.field, result.outcome]));

describe('planEnrichment', () => {
  it('fills empty fields and records their source', () => {
    const plan = planEnrichment({
      current: { name: 'Jansen', phone: null, city: '' },
      sources: [],
      findings: [found('phone', '+31 30 123 4567'), found('city', 'Utrecht')],
    });
    expect(plan.patch).toEqual({ phone: '+31 30 123 4567', city: 'Utrecht' });
    expect(outcomes(plan)).toEqual({ phone: 'applied', city: 'applied' });
    expect(plan.provided.map((finding) => finding.field)).toEqual(['city', 'phone']);
  });

  it('keeps a value a person typed and says so, with the value it kept', () => {
    const plan = planEnrichment({
      current: { name: 'Bakkerij Jansen BV', phone: '030 999 9999' },
      sources: [],
      findings: [found('name', 'Bakkerij Jansen'), found('phone', '+31 30 123 4567')],
    });
    expect(plan.patch).toEqual({});
    expect(plan.provided).toEqual([]);
    expect(plan.results.find((result) => result.field === 'phone')).toMatchObject({
      outcome: 'kept_user_value',
      current: '030 999 9999',
      value: '+31 30 123 4567',
    });
  });

  it('replaces a person’s value when asked, for every field or for the fields named', () => {
    const input = {
      current: { name: 'Jansen BV', phone: '030 999 9999' },
      sources: [],
      findings: [found('name', 'Bakkerij Jansen'), found('phone', '+31 30 123 4567')],
    };
    expect(planEnrichment({ ...input, overwrite: true }).patch).toEqual({
      name: 'Bakkerij Jansen',
      phone: '+31 30 123 4567',
    });
    const onlyPhone = planEnrichment({ ...input, overwrite: ['phone'] });
    expect(onlyPhone.patch).toEqual({ phone: '+31 30 123 4567' });
    expect(outcomes(onlyPhone)).toEqual({ name: 'kept_user_value', phone: 'applied' });
  });

  it('refreshes a value a provider set, since nobody changed it', () => {
    const plan = planEnrichment({
      current: { description: 'Oud' },
      sources: [byProvider('description', 'Oud')],
      findings: [found('description', 'Nieuw')],
    });
    expect(plan.patch).toEqual({ description: 'Nieuw' });
  });

  it('treats a provider’s value that someone changed since as a person’s', () => {
    const plan = planEnrichment({
      current: { description: 'Zelf geschreven' },
      sources: [byProvider('description', 'Oud')],
      findings: [found('description', 'Nieuw')],
    });
    expect(outcomes(plan)).toEqual({ description: 'kept_user_value' });
  });

  it('reports an equal value as unchanged and refreshes the source only when a provider holds it', () => {
    const typed = planEnrichment({
      current: { city: 'Utrecht' },
      sources: [],
      findings: [found('city', 'Utrecht')],
    });
    expect(outcomes(typed)).toEqual({ city: 'unchanged' });
    expect(typed.provided).toEqual([]);
    const provided = planEnrichment({
      current: { city: 'Utrecht' },
      sources: [byProvider('city', 'Utrecht')],
      findings: [found('city', 'Utrecht')],
    });
    expect(provided.provided).toEqual([found('city', 'Utrecht')]);
  });

  it('takes the first finding of a field when several sources found it', () => {
    const plan = planEnrichment({
      current: {},
      sources: [],
      findings: [found('employeeCount', 40, 'register'), found('employeeCount', 12, 'website')],
    });
    expect(plan.patch).toEqual({ employeeCount: 40 });
    expect(plan.results).toHaveLength(1);
  });

  it('merges technologies: a person’s stay, the provider’s earlier detections are replaced', () => {
    const plan = planEnrichment({
      current: { technologies: ['Exact Online', 'Joomla'] },
      sources: [byProvider('technologies', ['Joomla'])],
      findings: [found('technologies', ['WordPress', 'Mollie'])],
    });
    expect(plan.patch).toEqual({ technologies: ['Exact Online', 'WordPress', 'Mollie'] });
    expect(plan.provided).toEqual([found('technologies', ['WordPress', 'Mollie'])]);
    const replaced = planEnrichment({
      current: { technologies: ['Exact Online'] },
      sources: [],
      findings: [found('technologies', ['WordPress'])],
      overwrite: ['technologies'],
    });
    expect(replaced.patch).toEqual({ technologies: ['WordPress'] });
  });

  it('keeps fields without a column (social links, language) with their source only', () => {
    const plan = planEnrichment({
      current: {},
      sources: [byProvider('language', 'nl')],
      findings: [
        found('language', 'nl'),
        found('socialLinks', { linkedin: 'https://www.linkedin.com/company/a' }),
      ],
    });
    expect(plan.patch).toEqual({});
    expect(outcomes(plan)).toEqual({ socialLinks: 'applied', language: 'unchanged' });
    expect(plan.provided.map((finding) => finding.field)).toEqual(['socialLinks', 'language']);
  });
});

describe('cleanFinding', () => {
  it('normalises a value as a person’s input would be', () => {
    expect(cleanFinding(found('kvkNumber', '1234 5678'))?.value).toBe('12345678');
    expect(cleanFinding(found('email', 'Info@Jansen.NL'))?.value).toBe('info@jansen.nl');
    expect(cleanFinding(found('technologies', ['WordPress', 'wordpress', 'Mollie']))?.value).toEqual([
      'WordPress',
      'Mollie',
    ]);
  });

  it('drops values the account would refuse', () => {
    expect(cleanFinding(found('kvkNumber', '1234'))).toBeNull();
    expect(cleanFinding(found('foundedYear', 99999))).toBeNull();
    expect(cleanFinding(found('email', ''))).toBeNull();
    expect(cleanFinding(found('language', 'Nederlands'))).toBeNull();
    expect(cleanFinding(found('socialLinks', { linkedin: 'javascript:alert(1)' }))).toBeNull();
  });
});
