// Where the board's data comes from: its filters as they stand in the address, the pipeline it shows
// and the request that loads it. Kept free of the UI and query libraries, so the app's first code can
// start that request before anything else has loaded (app/first-requests.ts).
import { withQuery } from '../app/query-string.ts';
import type { Pipeline } from '../app/workspace-data.ts';

export interface BoardFilters {
  ownerId: string | null;
  closeFrom: string | null;
  closeTo: string | null;
}

export const noFilters: BoardFilters = { ownerId: null, closeFrom: null, closeTo: null };

/** The board's filters in its address (`?owner=…&from=…&to=…`), so a reload or a shared link keeps them. */
export interface BoardSearch {
  owner?: string;
  from?: string;
  to?: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the address's search part; a value that is not what it should be is left out, not an error. */
export function parseBoardSearch(search: Record<string, unknown>): BoardSearch {
  const valid = (value: unknown, pattern: RegExp) =>
    typeof value === 'string' && pattern.test(value) ? value : undefined;
  const parsed: BoardSearch = {};
  const owner = valid(search.owner, uuidPattern);
  const from = valid(search.from, datePattern);
  const to = valid(search.to, datePattern);
  if (owner) parsed.owner = owner;
  if (from) parsed.from = from;
  if (to) parsed.to = to;
  return parsed;
}

export const filtersOf = (search: BoardSearch): BoardFilters => ({
  ownerId: search.owner ?? null,
  closeFrom: search.from ?? null,
  closeTo: search.to ?? null,
});

export const searchOf = (filters: BoardFilters): BoardSearch =>
  parseBoardSearch({ owner: filters.ownerId, from: filters.closeFrom, to: filters.closeTo });

/** Cards a column shows at first, and how many more each "show more" adds. */
export const COLUMN_PAGE = 25;

function filterParams(filters: BoardFilters): string[] {
  const list: string[] = [];
  if (filters.ownerId) list.push(`ownerId:eq:${filters.ownerId}`);
  if (filters.closeFrom) list.push(`expectedCloseDate:gte:${filters.closeFrom}`);
  if (filters.closeTo) list.push(`expectedCloseDate:lte:${filters.closeTo}`);
  return list;
}

export const listFilters = (pipelineId: string, filters: BoardFilters): string[] => [
  `pipelineId:eq:${pipelineId}`,
  ...filterParams(filters),
];

/** The request that loads the whole board: every column's head and first cards. */
export const boardLoadPath = (pipelineId: string, filters: BoardFilters): string =>
  withQuery('/deals/board', { pipelineId, filter: filterParams(filters), limit: COLUMN_PAGE });

/** The last pipeline looked at on the board, remembered on this device (JSON, as useLocalStorage keeps it). */
export const chosenPipelineKey = 'baken.board.pipeline';

export function boardPipeline(pipelines: Pipeline[], chosenId: string | null): Pipeline | undefined {
  return (
    pipelines.find((item) => item.id === chosenId) ?? pipelines.find((item) => item.isDefault) ?? pipelines[0]
  );
}

export function rememberedPipelineId(): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(chosenPipelineKey) ?? 'null') as unknown;
    return typeof stored === 'string' ? stored : null;
  } catch {
    return null;
  }
}
