import { describe, expect, it } from 'vitest';
import { MIN_SCORE, scoreAccounts, scoreContacts } from './duplicate-score.ts';
import { domainKey, emailKey, kvkKey, phoneKey } from './match-keys.ts';

const contact = { sameEmail: false, samePhone: false, sameAccount: false, nameSimilarity: null };
const account = { sameDomain: false, sameKvk: false, sameCity: false, nameSimilarity: null };

describe('match keys', () => {
  it('gives one key to the spellings of one inbox', () => {
    expect(emailKey(' Jan.Jansen+Beurs@GMail.com ')).toBe('janjansen@gmail.com');
    expect(emailKey('j.a.n.jansen@googlemail.com')).toBe('janjansen@gmail.com');
    expect(emailKey('piet.de.vries+crm@bakkerij.nl')).toBe('piet.de.vries@bakkerij.nl');
    expect(emailKey('geen adres')).toBeNull();
    expect(emailKey('+label@acme.nl')).toBeNull();
  });

  it('keys phone numbers by their last nine digits, and skips short ones', () => {
    expect(phoneKey('+31 6 1234 5678')).toBe('612345678');
    expect(phoneKey('06-12345678')).toBe('612345678');
    expect(phoneKey('0031612345678')).toBe('612345678');
    expect(phoneKey('1234')).toBeNull();
  });

  it('keys domains and KvK numbers as stored', () => {
    expect(domainKey('WWW.Acme.nl')).toBe('acme.nl');
    expect(kvkKey('1234 56.78')).toBe('12345678');
    expect(kvkKey('1234')).toBeNull();
  });
});

describe('duplicate score', () => {
  it('is near certain for the same email key, and exact', () => {
    expect(scoreContacts({ ...contact, sameEmail: true })).toEqual({
      score: 95,
      reasons: [{ code: 'same_email' }],
      exact: true,
    });
  });

  it('adds independent signals up as probabilities: never above 100, always above each alone', () => {
    const phone = scoreContacts({ ...contact, samePhone: true });
    const both = scoreContacts({ ...contact, samePhone: true, sameAccount: true, nameSimilarity: 0.8 });
    expect(phone.score).toBe(60);
    expect(both.score).toBeGreaterThan(phone.score);
    expect(both.score).toBeLessThan(100);
    expect(both.reasons).toEqual([
      { code: 'same_phone' },
      { code: 'similar_name_same_account', similarity: 0.8 },
    ]);
    expect(both.exact).toBe(false);
  });

  it('counts a phone with the same name as exact', () => {
    expect(scoreContacts({ ...contact, samePhone: true, nameSimilarity: 1 }).exact).toBe(true);
  });

  it('weighs a name at the same company from 50 (just similar) to 85 (identical)', () => {
    const at = (nameSimilarity: number) =>
      scoreContacts({ ...contact, sameAccount: true, nameSimilarity }).score;
    expect(at(0.6)).toBe(50);
    expect(at(1)).toBe(85);
    expect(at(0.59)).toBe(0);
    expect(at(0.8)).toBeGreaterThan(at(0.7));
  });

  it('lets a name elsewhere only back up another signal', () => {
    expect(scoreContacts({ ...contact, nameSimilarity: 1 }).score).toBeLessThan(MIN_SCORE);
    expect(scoreContacts({ ...contact, samePhone: true, nameSimilarity: 0.9 }).reasons[1]).toEqual({
      code: 'similar_name',
      similarity: 0.9,
    });
  });

  it('scores accounts: KvK and domain are exact, a similar name counts in the same city', () => {
    expect(scoreAccounts({ ...account, sameKvk: true })).toMatchObject({ score: 95, exact: true });
    expect(scoreAccounts({ ...account, sameDomain: true })).toMatchObject({ score: 90, exact: true });
    const city = scoreAccounts({ ...account, sameCity: true, nameSimilarity: 0.75 });
    expect(city.reasons).toEqual([{ code: 'similar_name_same_city', similarity: 0.75 }]);
    expect(city.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(city.exact).toBe(false);
    expect(scoreAccounts({ ...account, nameSimilarity: 1 })).toMatchObject({
      reasons: [{ code: 'same_name' }],
    });
    expect(scoreAccounts({ ...account, nameSimilarity: 0.9 }).score).toBe(0);
  });
});
