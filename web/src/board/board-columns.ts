// What the board shows of its data: a column's cards and head, and the owner's initials on a card.
import type { ColumnPages, Deal, StageSummaryRow } from './board-deals.ts';

export interface ColumnTotals {
  count: number;
  /** Sum of amounts in cents; deals in another currency than the workspace's are left out. */
  total: number;
}

export function columnTotals(rows: StageSummaryRow[], stageId: string, currency: string): ColumnTotals {
  let count = 0;
  let total = 0;
  for (const row of rows) {
    if (row.stageId !== stageId) continue;
    count += row.count;
    if (row.currency === currency) total += row.amount;
  }
  return { count, total };
}

/** A column's loaded cards in order; a card moved in before its page arrived is shown once. */
export function cardsOf(data: ColumnPages | undefined): Deal[] {
  const seen = new Set<string>();
  const cards: Deal[] = [];
  for (const page of data?.pages ?? [])
    for (const deal of page.data) {
      if (seen.has(deal.id)) continue;
      seen.add(deal.id);
      cards.push(deal);
    }
  return cards;
}

/** Initials of a member's name for the owner badge on a card: "Sanne de Vries" → "SV". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
