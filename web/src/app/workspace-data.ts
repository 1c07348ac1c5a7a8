// Workspace data that many pages show: members (owners of records) and pipelines with their stages.
import type { pipelineResponse } from '@baken/core/pipelines/pipeline.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from './api.ts';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
}

export type Pipeline = z.infer<typeof pipelineResponse>;
export type Stage = Pipeline['stages'][number];

export const membersQueryKey = ['members'] as const;
export const pipelinesQueryKey = ['pipelines'] as const;

export const membersQuery = queryOptions({
  queryKey: membersQueryKey,
  queryFn: async () => (await get<{ data: Member[] }>('/users')).data,
  staleTime: 60_000,
});

export const pipelinesQuery = queryOptions({
  queryKey: pipelinesQueryKey,
  queryFn: async () => (await get<{ data: Pipeline[] }>('/pipelines')).data,
  staleTime: 60_000,
});

export const useMembers = () => useQuery(membersQuery);

export const usePipelines = () => useQuery(pipelinesQuery);

/** Options for an owner picker: every member by name. */
export function memberOptions(members: Member[] | undefined) {
  return (members ?? []).map((member) => ({ value: member.id, label: member.name }));
}
