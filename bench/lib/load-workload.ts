// The load test's mixed workload: what each of the concurrent clients asks, in a fixed cycle of
// six reads and two writes, each request picking its own random deal, stage and search term.
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';

/** What the worker process needs to know about the server and the demo data in it. */
export interface LoadTarget {
  url: string;
  token: string;
  /** Deal ids with the ids of the open stages of their pipeline. */
  deals: { id: string; stageIds: string[] }[];
  searchTerms: string[];
  connections: number;
  durationSeconds: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

let created = 0;

function workload(target: LoadTarget): AutocannonRequest[] {
  const json = { 'content-type': 'application/json' };
  const get = (name: string, path: () => string): AutocannonRequest & { name: string } => ({
    name,
    method: 'GET',
    setupRequest: (request) => ({ ...request, path: path() }),
  });
  return [
    get(
      'list contacts (filter + sort)',
      () => '/api/v1/contacts?filter=lifecycleStage:eq:lead&sort=-createdAt&limit=50',
    ),
    get(
      'search contacts',
      () => `/api/v1/contacts?q=${encodeURIComponent(pick(target.searchTerms))}&limit=20`,
    ),
    get('get deal', () => `/api/v1/deals/${pick(target.deals).id}`),
    get('deal timeline', () => `/api/v1/deals/${pick(target.deals).id}/timeline`),
    {
      method: 'POST',
      path: '/api/v1/contacts',
      headers: json,
      setupRequest: (request) => {
        created++;
        return {
          ...request,
          body: JSON.stringify({
            firstName: 'Load',
            lastName: `Test ${process.pid}-${created}`,
            email: `load.${process.pid}.${created}@bench.example.nl`,
            lifecycleStage: 'lead',
            tags: ['load-test'],
          }),
        };
      },
    },
    get('list deals (sort)', () => '/api/v1/deals?sort=-updatedAt&limit=50'),
    get('get deal', () => `/api/v1/deals/${pick(target.deals).id}`),
    {
      method: 'PATCH',
      headers: json,
      setupRequest: (request) => {
        const deal = pick(target.deals);
        return {
          ...request,
          path: `/api/v1/deals/${deal.id}`,
          body: JSON.stringify({ stageId: pick(deal.stageIds) }),
        };
      },
    },
  ];
}

/** Runs autocannon against the server; meant for its own process (see `load-test.ts --worker`). */
export async function driveLoad(target: LoadTarget): Promise<LoadFigures> {
  const result: AutocannonResult = await autocannon({
    url: target.url,
    connections: target.connections,
    duration: target.durationSeconds,
    timeout: 10,
    headers: { authorization: `Bearer ${target.token}` },
    requests: workload(target),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, stats]) => [code, Number(stats.count)]),
    ),
  };
}
