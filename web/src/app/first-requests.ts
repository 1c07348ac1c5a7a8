// The requests a page is sure to make, sent by the entry before the rest of the app's code has
// loaded, so the API answers while the browser is still downloading and parsing that code. The API
// client takes a matching response from here, once; one nobody asked for within a few seconds is
// dropped rather than shown stale. This module and what it imports stay free of the UI, query and
// translation libraries: that is what lets it run first.
import { accountsList } from '../accounts/accounts-list.ts';
import { activitiesList } from '../activities/activities-list.ts';
import {
  boardLoadPath,
  boardPipeline,
  filtersOf,
  parseBoardSearch,
  rememberedPipelineId,
} from '../board/board-address.ts';
import { contactsList } from '../contacts/contacts-list.ts';
import { dealsList } from '../deals/deals-list.ts';
import { type ListDefinition, pagePath } from '../ui/list-view.ts';
import type { Pipeline } from './workspace-data.ts';

const FRESH_FOR_MS = 5_000;

const started = new Map<string, { response: Promise<Response>; at: number }>();

export const signedOutPages = /^\/(login|setup|invite)(\/|$)/;

const listPages: Record<string, ListDefinition> = {
  '/accounts': accountsList,
  '/contacts': contactsList,
  '/deals': dealsList,
  '/activities': activitiesList,
};

// Without the app's language setting yet: the browser's own Accept-Language decides the language of
// a problem's text, which is the app's first choice too.
function send(path: string): Promise<Response> {
  const response = fetch(`/api/v1${path}`, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  started.set(path, { response, at: performance.now() });
  // A failure nobody takes must not surface as an unhandled rejection; a taker still gets it.
  response.catch(() => undefined);
  return response;
}

/** The response to a GET of `path` (with its query string) that is already on its way, if any. */
export function takeFirstResponse(path: string): Promise<Response> | undefined {
  const entry = started.get(path);
  started.delete(path);
  return entry && performance.now() - entry.at < FRESH_FOR_MS ? entry.response : undefined;
}

/** The board shows the pipeline chosen last on this device, so its request waits for the pipelines. */
async function sendBoardRequest(pipelines: Promise<Response>, search: string): Promise<void> {
  const response = await pipelines;
  if (!response.ok) return;
  const { data } = (await response.clone().json()) as { data: Pipeline[] };
  const pipeline = boardPipeline(data, rememberedPipelineId());
  const filters = filtersOf(parseBoardSearch(Object.fromEntries(new URLSearchParams(search))));
  if (pipeline) send(boardLoadPath(pipeline.id, filters));
}

/** Sends what every signed-in page needs (who is signed in, members, pipelines) and the page's own data. */
export function sendFirstRequests({ pathname, search }: Pick<Location, 'pathname' | 'search'>): void {
  if (signedOutPages.test(pathname)) return;
  send('/auth/me');
  send('/users');
  const pipelines = send('/pipelines');
  const list = listPages[pathname];
  if (list) send(pagePath(list.source, list.defaultView, null));
  if (pathname === '/deals/board') void sendBoardRequest(pipelines, search).catch(() => undefined);
}
