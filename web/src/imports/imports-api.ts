// Imports through the API: the upload (multipart, with progress), the import's state polled while a
// background job works on it, and the writes that change, check, start and undo it.

import type { ImportOptions, ImportResponse, ImportStatus } from '@baken/core/imports/import.schema';
import type { ImportRecordType } from '@baken/core/imports/import-fields';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, type Problem, patch, post, writeHeaders } from '../app/api.ts';

export type { ImportRecordType, ImportResponse, ImportStatus };

/** While one of these, a background job is working on the import: ask again every second. */
export const busyStatuses: readonly ImportStatus[] = ['checking', 'queued', 'running'];
/** The mapping and options can change (and a dry run or the import can start) only in these. */
export const editableStatuses: readonly ImportStatus[] = ['uploaded', 'checked'];

const listKey = ['imports'] as const;
const importKey = (id: string) => ['imports', id] as const;

export const importsQuery = queryOptions({
  queryKey: listKey,
  queryFn: () => get<{ data: ImportResponse[] }>('/imports').then((page) => page.data),
});

export function importQuery(id: string) {
  return queryOptions({
    queryKey: importKey(id),
    queryFn: () => get<ImportResponse>(`/imports/${id}`),
    refetchInterval: (query) =>
      query.state.data && busyStatuses.includes(query.state.data.status) ? 1000 : false,
  });
}

export const useImports = () => useQuery(importsQuery);
export const useImport = (id: string) => useQuery(importQuery(id));

/**
 * Sends the file as multipart/form-data. XMLHttpRequest rather than fetch: only it reports how much
 * of the body has gone out, for the progress bar of a large file.
 */
export function uploadImport(
  recordType: ImportRecordType,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ImportResponse> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/imports?recordType=${recordType}`);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(writeHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let json: unknown = null;
      try {
        json = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        json = null;
      }
      if (request.status === 201) resolve(json as ImportResponse);
      else
        reject(
          new ApiError(
            (json as Problem | null) ?? {
              type: 'about:blank',
              title: request.statusText,
              status: request.status,
              detail: request.statusText,
            },
          ),
        );
    };
    request.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** A write that answers the import: the cached import becomes the answer, the list is asked again. */
function useImportWrite<Input>(id: string, write: (input: Input) => Promise<ImportResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (answer) => {
      queryClient.setQueryData(importKey(id), answer);
      void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
    },
  });
}

export interface ImportChange {
  mapping?: (string | null)[];
  options?: Partial<ImportOptions>;
}

/** Mapping and options change at once on screen; the server's answer (or the old state) follows. */
export function useChangeImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ImportChange) => patch<ImportResponse>(`/imports/${id}`, change),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: importKey(id) });
      const before = queryClient.getQueryData<ImportResponse>(importKey(id));
      if (before)
        queryClient.setQueryData<ImportResponse>(importKey(id), {
          ...before,
          mapping: change.mapping ?? before.mapping,
          options: { ...before.options, ...change.options },
        });
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(importKey(id), context.before);
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(importKey(id), answer);
      void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
    },
  });
}
export const useCheckImport = (id: string) =>
  useImportWrite(id, () => post<ImportResponse>(`/imports/${id}/check`));
export const useStartImport = (id: string) =>
  useImportWrite(id, () => post<ImportResponse>(`/imports/${id}/start`));

export interface UndoAnswer {
  deleted: number;
  restored: number;
  changedSince: number;
  import: ImportResponse;
}

export function useUndoImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) => post<UndoAnswer>(`/imports/${id}/undo`, force ? { force } : {}),
    onSuccess: (answer) => {
      queryClient.setQueryData(importKey(id), answer.import);
      void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
      // The lists of contacts and companies lost or got back records.
      void queryClient.invalidateQueries({ queryKey: ['list'] });
    },
  });
}

export const errorReportUrl = (id: string) => `/api/v1/imports/${id}/errors`;
