import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * How long a looked-up session or API token (with its member's role) is reused without reading the
 * database again. Every change made through this process (sign-out, password change, token
 * revocation, role change, member removal) clears the cache as soon as it has committed, so it takes
 * effect on the next request. Only a change made by another app server sharing the database (see
 * docs/scaling.md) can go unseen here, for at most this long.
 */
export const CREDENTIAL_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

class CredentialCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;

  /** The cached lookup of `key`, or a fresh `load()`; concurrent misses share one load. */
  lookup<T extends object>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const now = performance.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < CREDENTIAL_CACHE_MS) return hit.value as Promise<T | undefined>;
    const generation = this.#generation;
    const value = load();
    const entry: Entry = { at: now, value };
    this.#entries.delete(key);
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, entry);
    // Unknown credentials and failed reads are not kept; nor is a read that a change overtook.
    const drop = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    value.then((found) => {
      if (found === undefined || generation !== this.#generation) drop();
    }, drop);
    return value;
  }

  forget(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<Kysely<DB>, CredentialCache>();

/** The credential cache of one database (the app's `ctx.db`). */
export function credentialCache(db: Kysely<DB>): CredentialCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new CredentialCache();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Call after a change to sessions, API tokens or memberships has committed: the next request reads
 * them again. Clears every entry; such changes are rare.
 */
export function forgetCredentials(db: Kysely<DB>): void {
  credentialCache(db).forget();
}
