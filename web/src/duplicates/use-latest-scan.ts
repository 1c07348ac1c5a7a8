import { useQuery } from '@tanstack/react-query';
import { fetchScan, scanKey } from './duplicates-api.ts';

/** The workspace's latest duplicate scan, asked again every 2 s while it is queued or running. */
export const useLatestScan = () =>
  useQuery({
    queryKey: scanKey,
    queryFn: fetchScan,
    refetchInterval: (query) =>
      ['queued', 'running'].includes(query.state.data?.scan?.status ?? '') ? 2000 : false,
  }).data?.scan;
