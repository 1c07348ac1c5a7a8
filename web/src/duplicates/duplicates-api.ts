// The duplicates API as the web app uses it: review pairs, scans, merges and their undo, and the
// check a create form runs before saving.
import type { Account } from '@baken/core/accounts/account.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import type { DuplicateScan, Merge } from '@baken/core/duplicates/duplicate.schema';
import type { Reason } from '@baken/core/duplicates/duplicate-score';
import type { MergeSide } from '@baken/core/duplicates/merge-fields';
import { get, type Page, post } from '../app/api.ts';

export type PairKind = 'contacts' | 'accounts';
export type RecordOf<K extends PairKind> = K extends 'contacts' ? Contact : Account;

export interface Pair<R> {
  id: string;
  score: number;
  reasons: Reason[];
  exact: boolean;
  status: 'open' | 'merged' | 'dismissed';
  foundAt: string;
  a: R;
  b: R;
}

export interface Match<R> {
  score: number;
  reasons: Reason[];
  exact: boolean;
  record: R;
}

export const duplicatesKey = (kind: PairKind) => ['duplicates', kind] as const;
export const scanKey = ['duplicates', 'scan'] as const;
export const autoMergeKey = (kind: PairKind) => ['duplicates', 'auto-merge', kind] as const;

export const recordTypeOf = (kind: PairKind) => (kind === 'contacts' ? 'contact' : 'account');

export const fetchPairs = <K extends PairKind>(kind: K, cursor?: string) =>
  get<Page<Pair<RecordOf<K>>>>(`/duplicates/${kind}`, { limit: 25, cursor });

export const fetchScan = () => get<{ scan: DuplicateScan | null }>('/duplicates/scan');
export const startScan = () => post<DuplicateScan>('/duplicates/scan', {});
export const dismissPair = (id: string) => post(`/duplicates/${id}/dismiss`, {});

export interface MergeRequest {
  survivorId: string;
  mergedId: string;
  fields: Record<string, MergeSide>;
  custom: Record<string, MergeSide>;
}

export const mergeRecords = <K extends PairKind>(kind: K, request: MergeRequest) =>
  post<{ merge: Merge; survivor: RecordOf<K> }>(`/${kind}/merge`, request);

export const undoMerge = (id: string) => post<Merge>(`/merges/${id}/undo`, {});

export const fetchAutoMergeCount = (kind: PairKind) =>
  get<{ count: number }>('/duplicates/auto-merge', { recordType: recordTypeOf(kind) });

export const autoMergeBatch = (kind: PairKind) =>
  post<{ merged: number; skipped: number; remaining: number; mergeIds: string[] }>('/duplicates/auto-merge', {
    recordType: recordTypeOf(kind),
    limit: 50,
  });

type CheckQuery = Record<string, string | null | undefined>;

export const checkDuplicates = <K extends PairKind>(kind: K, query: CheckQuery) =>
  get<{ data: Match<RecordOf<K>>[] }>(`/${kind}/duplicates-check`, query);
