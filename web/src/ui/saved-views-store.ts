// Saved views live in this browser's localStorage, per user and list, until the API has a views
// resource; then this file becomes a query and two mutations with the same shape.
import type { ListView } from './list-view.ts';

export interface SavedView {
  name: string;
  view: ListView;
}

const storageKey = (userId: string, list: string) => `baken.views.${userId}.${list}`;

export function loadViews(userId: string, list: string): SavedView[] {
  try {
    const raw = localStorage.getItem(storageKey(userId, list));
    return raw ? (JSON.parse(raw) as SavedView[]) : [];
  } catch {
    // Unreadable or blocked storage: no saved views rather than a broken list.
    return [];
  }
}

export function storeViews(userId: string, list: string, views: SavedView[]): void {
  localStorage.setItem(storageKey(userId, list), JSON.stringify(views));
}

/** Saving under an existing name replaces that view. */
export function withView(views: SavedView[], saved: SavedView): SavedView[] {
  return [...views.filter((view) => view.name !== saved.name), saved].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}
