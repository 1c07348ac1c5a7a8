// The ideal customer profile: weighted criteria a company meets or not (its fit, 0-100, with the
// reasons), and a data-driven suggestion of criteria from the workspace's best customers.
import { conditionHolds, type FieldCondition } from './lead-score.ts';

export interface IcpCriterion {
  id: string;
  label: string;
  /** A company field: industryCode, employeeCount, country, technologies, a custom field (custom.x). */
  field: string;
  condition: FieldCondition;
  /** How much this criterion counts, relative to the others. */
  weight: number;
}

export interface IcpFit {
  /** Share of the criteria's weight the company meets, 0-100. */
  score: number;
  reasons: { criterionId: string; label: string; weight: number; met: boolean }[];
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined,
      record,
    );
}

export function icpFit(criteria: IcpCriterion[], account: Record<string, unknown>): IcpFit {
  const reasons = criteria.map((criterion) => ({
    criterionId: criterion.id,
    label: criterion.label,
    weight: criterion.weight,
    met: conditionHolds(criterion.condition, valueAt(account, criterion.field)),
  }));
  const total = criteria.reduce((sum, criterion) => sum + Math.max(criterion.weight, 0), 0);
  const met = reasons.reduce((sum, reason) => sum + (reason.met ? Math.max(reason.weight, 0) : 0), 0);
  return { score: total === 0 ? 0 : Math.round((100 * met) / total), reasons };
}

/** A company as the suggestion reads it: categorical attributes (several values for lists). */
export interface ProfiledAccount {
  attributes: Record<string, string | string[] | null | undefined>;
  /** One of the best customers (highest lifetime value): the group whose traits are looked for. */
  best: boolean;
}

export interface IcpSuggestion {
  field: string;
  value: string;
  /** Share of the best customers with this value. */
  support: number;
  /** How much more common the value is among the best customers than among all companies. */
  lift: number;
  /** Best customers with the value. */
  count: number;
}

/** Employee counts as the size bands the suggestion compares. */
export function sizeBand(employees: number | null | undefined): string | null {
  if (employees === null || employees === undefined || !Number.isFinite(employees)) return null;
  if (employees < 10) return '1-9';
  if (employees < 50) return '10-49';
  if (employees < 250) return '50-249';
  return '250+';
}

const valuesOf = (value: string | string[] | null | undefined): string[] =>
  value === null || value === undefined ? [] : [...new Set(Array.isArray(value) ? value : [value])];

/** How often each attribute value occurs among all companies and among the best customers. */
export interface ValueCount {
  field: string;
  value: string;
  all: number;
  best: number;
}

/**
 * Attribute values over-represented among the best customers, from counts (the database counts
 * them set-based): support (share of the best with the value) of at least `minSupport` and lift (how
 * much more common among the best than among all) of at least `minLift`, most lift first.
 */
export function suggestionsFromCounts(
  counts: ValueCount[],
  totals: { all: number; best: number },
  options: { minSupport: number; minLift: number } = { minSupport: 0.3, minLift: 1.5 },
): IcpSuggestion[] {
  if (totals.best === 0 || totals.all === 0) return [];
  const suggestions: IcpSuggestion[] = [];
  for (const entry of counts) {
    const support = entry.best / totals.best;
    const lift = support / (entry.all / totals.all);
    if (support >= options.minSupport && lift >= options.minLift)
      suggestions.push({ field: entry.field, value: entry.value, support, lift, count: entry.best });
  }
  return suggestions.sort(
    (a, b) => b.lift - a.lift || b.support - a.support || a.field.localeCompare(b.field),
  );
}

/** The same over a list of profiled companies (several values for list attributes). */
export function icpSuggestions(
  accounts: ProfiledAccount[],
  options?: { minSupport: number; minLift: number },
): IcpSuggestion[] {
  const counts = new Map<string, ValueCount>();
  for (const account of accounts) {
    for (const [field, raw] of Object.entries(account.attributes)) {
      for (const value of valuesOf(raw)) {
        const key = `${field}\u0000${value}`;
        const entry = counts.get(key) ?? { field, value, all: 0, best: 0 };
        entry.all++;
        if (account.best) entry.best++;
        counts.set(key, entry);
      }
    }
  }
  const best = accounts.filter((account) => account.best).length;
  return suggestionsFromCounts([...counts.values()], { all: accounts.length, best }, options);
}
