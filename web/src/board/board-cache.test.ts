import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { noFilters } from './board-address.ts';
import { boardDeal, passesFilters, placeInColumn, placeOnBoards, summaryAfter } from './board-cache.ts';
import { cardsOf, columnTotals } from './board-columns.ts';
import { type ColumnPages, columnQuery, type Deal, summaryQuery } from './board-deals.ts';

const PIPELINE = '01900000-0000-7000-8000-00000000000a';
const PROSPECT = '01900000-0000-7000-8000-0000000000a1';
const OFFER = '01900000-0000-7000-8000-0000000000a2';
const SANNE = '01900000-0000-7000-8000-0000000000b1';

let sequence = 0;
function deal(overrides: Partial<Deal> = {}): Deal {
  sequence += 1;
  return {
    id: `01900000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    name: `Deal ${sequence}`,
    accountId: null,
    pipelineId: PIPELINE,
    stageId: PROSPECT,
    amount: 100_00,
    currency: 'EUR',
    recurringAmount: 0,
    expectedCloseDate: null,
    actualCloseDate: null,
    probability: 10,
    forecastCategory: 'pipeline',
    ownerId: null,
    lostReason: null,
    sdrId: null,
    source: null,
    stageEnteredAt: '2026-11-01T09:00:00.000Z',
    tags: [],
    custom: {},
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

const pagesOf = (...pages: Deal[][]): ColumnPages => ({
  pages: pages.map((data, index) => ({ data, nextCursor: index < pages.length - 1 ? `c${index}` : null })),
  pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
});

const names = (data: ColumnPages) => cardsOf(data).map((item) => item.name);

describe('placing a card in a column', () => {
  const march = deal({ name: 'March', expectedCloseDate: '2027-03-01' });
  const may = deal({ name: 'May', expectedCloseDate: '2027-05-01' });
  const undated = deal({ name: 'Undated' });

  it('puts a moved-in deal at its place in the order: soonest close first, undated last', () => {
    const april = deal({ name: 'April', expectedCloseDate: '2027-04-01' });
    expect(names(placeInColumn(pagesOf([march, may, undated]), PROSPECT, april, true))).toEqual([
      'March',
      'April',
      'May',
      'Undated',
    ]);
  });

  it('keeps a deal that sorts after every loaded card in sight at the end of the last page', () => {
    const later = deal({ name: 'Later' });
    const data = placeInColumn(pagesOf([march], [may]), PROSPECT, later, true);
    expect(data.pages[1]?.data.map((item) => item.name)).toEqual(['May', 'Later']);
    expect(data.pages[1]?.nextCursor).toBeNull();
  });

  it('takes a deal out of the column it left, and out of a board whose filters no longer show it', () => {
    const moved = { ...may, stageId: OFFER };
    expect(names(placeInColumn(pagesOf([march, may]), PROSPECT, moved, true))).toEqual(['March']);
    expect(names(placeInColumn(pagesOf([march, may]), PROSPECT, may, false))).toEqual(['March']);
  });

  it('shows a deal once when its page arrives after it was moved in', () => {
    const data = placeInColumn(pagesOf([march]), PROSPECT, may, true);
    expect(names({ ...data, pages: [...data.pages, { data: [may, undated], nextCursor: null }] })).toEqual([
      'March',
      'May',
      'Undated',
    ]);
  });

  it('starts an empty column with the deal', () => {
    expect(names(placeInColumn({ pages: [], pageParams: [] }, PROSPECT, march, true))).toEqual(['March']);
  });
});

describe('column heads after a change', () => {
  const rows = [
    { stageId: PROSPECT, currency: 'EUR', count: 2, amount: 300_00, recurringAmount: 0 },
    { stageId: PROSPECT, currency: 'USD', count: 1, amount: 50_00, recurringAmount: 0 },
  ];

  it('moves count and amount from the old stage to the new one, in the deal currency', () => {
    const before = deal({ amount: 120_00 });
    const after = summaryAfter(rows, before, { ...before, stageId: OFFER }, noFilters);
    expect(columnTotals(after, PROSPECT, 'EUR')).toEqual({ count: 2, total: 180_00 });
    expect(columnTotals(after, OFFER, 'EUR')).toEqual({ count: 1, total: 120_00 });
  });

  it('counts deals in other currencies but leaves their amounts out of the total', () => {
    expect(columnTotals(rows, PROSPECT, 'EUR')).toEqual({ count: 3, total: 300_00 });
  });

  it('adds a new deal only to boards whose filters show it', () => {
    const mine = deal({ ownerId: SANNE, stageId: OFFER });
    const filters = { ...noFilters, ownerId: SANNE };
    expect(columnTotals(summaryAfter(rows, null, mine, filters), OFFER, 'EUR').count).toBe(1);
    expect(
      columnTotals(summaryAfter(rows, null, deal({ stageId: OFFER }), filters), OFFER, 'EUR').count,
    ).toBe(0);
  });

  it('reads the close date range as inclusive, and leaves undated deals out of it', () => {
    const filters = { ...noFilters, closeFrom: '2027-01-01', closeTo: '2027-01-31' };
    expect(passesFilters(deal({ expectedCloseDate: '2027-01-31' }), filters)).toBe(true);
    expect(passesFilters(deal({ expectedCloseDate: '2027-02-01' }), filters)).toBe(false);
    expect(passesFilters(deal(), filters)).toBe(false);
  });
});

describe('placing a deal on every cached board', () => {
  it('moves the card between column caches and updates the heads of each board of the pipeline', () => {
    const queryClient = new QueryClient();
    const moving = deal({ name: 'Bakfietsen', ownerId: SANNE });
    const other = deal({ name: 'Huurfietsen' });
    const filtered = { ...noFilters, ownerId: SANNE };
    for (const filters of [noFilters, filtered]) {
      queryClient.setQueryData(columnQuery(PIPELINE, filters, PROSPECT).queryKey, pagesOf([moving, other]));
      queryClient.setQueryData(columnQuery(PIPELINE, filters, OFFER).queryKey, pagesOf([]));
      queryClient.setQueryData(summaryQuery(PIPELINE, filters).queryKey, [
        { stageId: PROSPECT, currency: 'EUR', count: 2, amount: 200_00, recurringAmount: 0 },
      ]);
    }

    placeOnBoards(queryClient, moving, { ...moving, stageId: OFFER });

    for (const filters of [noFilters, filtered]) {
      const offer = queryClient.getQueryData<ColumnPages>(columnQuery(PIPELINE, filters, OFFER).queryKey);
      const prospect = queryClient.getQueryData<ColumnPages>(
        columnQuery(PIPELINE, filters, PROSPECT).queryKey,
      );
      expect(names(offer ?? pagesOf([]))).toEqual(['Bakfietsen']);
      expect(names(prospect ?? pagesOf([]))).toEqual(['Huurfietsen']);
      const heads = queryClient.getQueryData(summaryQuery(PIPELINE, filters).queryKey) ?? [];
      expect(columnTotals(heads, OFFER, 'EUR')).toEqual({ count: 1, total: 100_00 });
      expect(columnTotals(heads, PROSPECT, 'EUR')).toEqual({ count: 1, total: 100_00 });
    }
    expect(boardDeal(queryClient, moving.id)?.stageId).toBe(OFFER);
  });
});
