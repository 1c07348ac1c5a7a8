import type { DatasetSize } from './dataset-size.ts';

export interface BenchStage {
  id: string;
  name: string;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}

/** What the row generators need to know about the workspace the rows go into. */
export interface BenchPlan {
  seed: number;
  size: DatasetSize;
  workspaceId: string;
  /** The owner first, then the sales reps. */
  ownerIds: readonly string[];
  pipelineId: string;
  /** Stages of the default pipeline in board order. */
  stages: readonly BenchStage[];
}

export type CellValue = string | number | null;

/** One table's rows as positional values in `columns` order, generated one at a time. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  count: number;
  rows: () => Iterable<CellValue[]>;
}

// Table numbers for ids and per-row random streams.
export const TABLE = {
  accounts: 1,
  contacts: 2,
  deals: 3,
  stageChanges: 4,
  activities: 5,
  users: 6,
  importedContacts: 7,
} as const;

/** Every timestamp lies before this instant, so runs on different days produce the same rows. */
export const DATASET_END = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;

/** An ISO timestamp `daysAgo` (fractional) days before the end of the dataset. */
export const daysBefore = (daysAgo: number) => new Date(DATASET_END - daysAgo * DAY_MS).toISOString();
