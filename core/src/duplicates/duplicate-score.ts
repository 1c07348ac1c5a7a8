// How sure Baken is that two records describe the same person or company: every piece of evidence
// (a signal) has a weight from 0 to 100, and independent signals add up as probabilities do:
// score = 100 × (1 − Π(1 − weight/100)). Two weak signals together therefore beat one, but nothing
// reaches 100 unless one signal is certain on its own.

/** Names count as similar from this trigram similarity (pg_trgm's similarity(), 0 to 1) on. */
export const SIMILAR_NAME = 0.6;
/** Pairs scoring below this are not worth a person's time and are not stored or shown. */
export const MIN_SCORE = 50;

export type ReasonCode =
  | 'same_email'
  | 'same_phone'
  | 'same_name_same_account'
  | 'similar_name_same_account'
  | 'similar_name'
  | 'same_domain'
  | 'same_kvk'
  | 'same_name_same_city'
  | 'similar_name_same_city'
  | 'same_name';

/** Why two records look alike; `similarity` for name reasons (0 to 1, two decimals). */
export interface Reason {
  code: ReasonCode;
  similarity?: number;
}

/** What a scan or a check found about two contacts. */
export interface ContactSignals {
  /** Their email addresses differ but share a key (case, spaces, +label, Gmail dots). */
  sameEmail: boolean;
  /** A phone or mobile number of one ends in the same nine digits as one of the other. */
  samePhone: boolean;
  sameAccount: boolean;
  /** Trigram similarity of the folded full names; null when either has no name. */
  nameSimilarity: number | null;
}

export interface AccountSignals {
  sameDomain: boolean;
  sameKvk: boolean;
  sameCity: boolean;
  nameSimilarity: number | null;
}

export interface Verdict {
  score: number;
  reasons: Reason[];
  /** Certain enough to merge without a person looking: bulk auto-merge takes only these. */
  exact: boolean;
}

const rounded = (similarity: number) => Math.round(similarity * 100) / 100;

/** 0.6 similar → 50, identical → 85: a name alone at one company is likely, never certain. */
function nameWeight(similarity: number): number {
  const span = (Math.min(similarity, 1) - SIMILAR_NAME) / (1 - SIMILAR_NAME);
  return 50 + 35 * Math.max(span, 0);
}

function combine(weights: number[]): number {
  const doubt = weights.reduce((rest, weight) => rest * (1 - weight / 100), 1);
  return Math.round(100 * (1 - doubt));
}

const isSame = (similarity: number | null) => similarity !== null && similarity >= 0.999;
const isSimilar = (similarity: number | null): similarity is number =>
  similarity !== null && similarity >= SIMILAR_NAME;

export function scoreContacts(signals: ContactSignals): Verdict {
  const weights: number[] = [];
  const reasons: Reason[] = [];
  if (signals.sameEmail) {
    weights.push(95);
    reasons.push({ code: 'same_email' });
  }
  if (signals.samePhone) {
    weights.push(60);
    reasons.push({ code: 'same_phone' });
  }
  const similarity = signals.nameSimilarity;
  if (isSimilar(similarity)) {
    const same = isSame(similarity);
    if (signals.sameAccount) {
      weights.push(nameWeight(similarity));
      reasons.push(
        same
          ? { code: 'same_name_same_account' }
          : { code: 'similar_name_same_account', similarity: rounded(similarity) },
      );
    } else if (weights.length > 0) {
      // Namesakes abound across companies: the name only backs up another signal.
      weights.push(nameWeight(similarity) / 2);
      reasons.push(same ? { code: 'same_name' } : { code: 'similar_name', similarity: rounded(similarity) });
    }
  }
  return {
    score: combine(weights),
    reasons,
    exact: signals.sameEmail || (signals.samePhone && isSame(similarity)),
  };
}

export function scoreAccounts(signals: AccountSignals): Verdict {
  const weights: number[] = [];
  const reasons: Reason[] = [];
  if (signals.sameKvk) {
    weights.push(95);
    reasons.push({ code: 'same_kvk' });
  }
  if (signals.sameDomain) {
    weights.push(90);
    reasons.push({ code: 'same_domain' });
  }
  const similarity = signals.nameSimilarity;
  if (isSimilar(similarity)) {
    const same = isSame(similarity);
    if (signals.sameCity) {
      weights.push(nameWeight(similarity) - 5);
      reasons.push(
        same
          ? { code: 'same_name_same_city' }
          : { code: 'similar_name_same_city', similarity: rounded(similarity) },
      );
    } else if (weights.length > 0) {
      weights.push(nameWeight(similarity) / 2);
      reasons.push({ code: 'similar_name', similarity: rounded(similarity) });
    } else if (same) {
      // The same company name elsewhere: worth a warning before saving, not proof (chains, namesakes).
      weights.push(55);
      reasons.push({ code: 'same_name' });
    }
  }
  return { score: combine(weights), reasons, exact: signals.sameKvk || signals.sameDomain };
}
