// Before the API kept saved views, this browser kept them in localStorage under
// `baken.views.<user id>.<list>`. They are uploaded once, then the local copy goes, so nobody loses
// a view in the move.
import type { ListView, SavedViewList } from '@baken/core/saved-views/saved-view.schema';
import { ApiError } from '../app/api.ts';
import { type SavedView, saveView } from './saved-views-api.ts';

interface LocalView {
  name: string;
  view: ListView;
}

const storageKey = (userId: string, list: SavedViewList) => `baken.views.${userId}.${list}`;
const NAME_LENGTH = 80;

function isLocalView(value: unknown): value is LocalView {
  const candidate = value as LocalView | null;
  return typeof candidate?.name === 'string' && typeof candidate.view === 'object' && candidate.view !== null;
}

/** The views this browser still holds for the user and list, or null when there are none to move. */
function localViews(key: string): LocalView[] | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isLocalView) : [];
  } catch {
    // Blocked storage or a copy that is not JSON: there is nothing that could be moved.
    return null;
  }
}

/** Worth another try on a later visit: no answer, a server fault, a pause, or a lapsed session. */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 429 || error.status === 401;
}

// One upload per user and list at a time, however often the component mounts or re-renders.
const running = new Set<string>();

/**
 * Uploads the local views of `list` that the server does not have by name yet (a view saved there
 * wins) and removes the local copy; only views that failed for a passing reason stay for next
 * time. Resolves to the number of views uploaded.
 */
export async function uploadLocalViews(
  userId: string,
  list: SavedViewList,
  onServer: SavedView[],
): Promise<number> {
  const key = storageKey(userId, list);
  if (running.has(key)) return 0;
  const local = localViews(key);
  if (local === null) return 0;
  running.add(key);
  try {
    const taken = new Set(onServer.map((saved) => saved.name.toLowerCase()));
    const keep: LocalView[] = [];
    let uploaded = 0;
    for (const saved of local) {
      const name = saved.name.trim().slice(0, NAME_LENGTH);
      if (!name || taken.has(name.toLowerCase())) continue;
      try {
        await saveView(list, name, saved.view);
        taken.add(name.toLowerCase());
        uploaded++;
      } catch (error) {
        // A view the API refuses (its shape, the limit) can never be moved; keeping it would retry forever.
        if (retryable(error)) keep.push(saved);
      }
    }
    if (keep.length > 0) localStorage.setItem(key, JSON.stringify(keep));
    else localStorage.removeItem(key);
    return uploaded;
  } finally {
    running.delete(key);
  }
}
