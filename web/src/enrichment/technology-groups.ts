import { technologyCategory } from '@baken/core/enrichment/technology-detect';

/** An account's technologies by category (names Baken has no rule for under `other`, last). */
export function groupTechnologies(names: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const category = technologyCategory(name) ?? 'other';
    groups.set(category, [...(groups.get(category) ?? []), name]);
  }
  return [...groups.entries()].sort(([a], [b]) =>
    a === 'other' ? 1 : b === 'other' ? -1 : a.localeCompare(b),
  );
}
