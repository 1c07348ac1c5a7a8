// Company names for records that carry only an accountId (deal cards, contact rows). Every name asked
// for within one tick is fetched in a single list request (filter=id:in:…), however many cards ask.
import { useQuery } from '@tanstack/react-query';
import { get, type Page } from './api.ts';

const BATCH = 200;
let waiting = new Map<string, ((name: string | null) => void)[]>();
let scheduled = false;

async function flush(): Promise<void> {
  const batch = waiting;
  waiting = new Map();
  scheduled = false;
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += BATCH) {
    const chunk = ids.slice(start, start + BATCH);
    const names = new Map<string, string>();
    try {
      const page = await get<Page<{ id: string; name: string }>>('/accounts', {
        filter: `id:in:${chunk.join(',')}`,
        limit: BATCH,
      });
      for (const account of page.data) names.set(account.id, account.name);
    } finally {
      for (const id of chunk) for (const resolve of batch.get(id) ?? []) resolve(names.get(id) ?? null);
    }
  }
}

function loadAccountName(id: string): Promise<string | null> {
  return new Promise((resolve) => {
    waiting.set(id, [...(waiting.get(id) ?? []), resolve]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 0);
    }
  });
}

export const accountNameQueryKey = (accountId: string | null) => ['account-name', accountId] as const;

/** The name of the company with this id, or undefined while it loads (null id: no company). */
export function useAccountName(accountId: string | null): string | undefined {
  const { data } = useQuery({
    queryKey: accountNameQueryKey(accountId),
    queryFn: () => loadAccountName(accountId ?? ''),
    enabled: Boolean(accountId),
    staleTime: 5 * 60_000,
  });
  return data ?? undefined;
}
