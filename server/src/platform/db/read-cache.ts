import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * How long a cached read (a session or API token with its member's role, a workspace's custom field
 * definitions) is reused without reading the database again. Every change made through this process
 * clears the cache once it has committed, so it shows on the next request; only a change made by
 * another app server sharing the database (docs/scaling.md) can go unseen here, for at most this long.
 */
export const READ_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

/** Reads of rarely changing rows, kept for READ_CACHE_MS; concurrent misses share one read. */
export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;

  lookup<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const now = performance.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < READ_CACHE_MS) return hit.value as Promise<T | undefined>;
    const generation = this.#generation;
    const value = load();
    const entry: Entry = { at: now, value };
    this.#entries.delete(key);
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, entry);
    // Nothing found and failed reads are not kept; nor is a read that a change overtook.
    const drop = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    value.then((found) => {
      if (found === undefined || generation !== this.#generation) drop();
    }, drop);
    return value;
  }

  /** Call after a change has committed: every later lookup reads the database again. */
  forget(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<Kysely<DB>, Map<string, ReadCache>>();

/** The cache called `name` of one database (the app's `ctx.db`, not a transaction). */
export function readCache(db: Kysely<DB>, name: string): ReadCache {
  let named = caches.get(db);
  if (!named) {
    named = new Map();
    caches.set(db, named);
  }
  let cache = named.get(name);
  if (!cache) {
    cache = new ReadCache();
    named.set(name, cache);
  }
  return cache;
}
