import type { Kysely } from 'kysely';
import { READ_CACHE_MS, type ReadCache, readCache } from '../db/read-cache.ts';
import type { DB } from '../db/schema.ts';

/**
 * Sessions and API tokens with their member's role, reused for up to CREDENTIAL_CACHE_MS. Sign-out,
 * password change, token revocation, role change and member removal clear it once committed.
 */
export const CREDENTIAL_CACHE_MS = READ_CACHE_MS;

export function credentialCache(db: Kysely<DB>): ReadCache {
  return readCache(db, 'credentials');
}

/**
 * Call after a change to sessions, API tokens or memberships has committed: the next request reads
 * them again. Clears every entry; such changes are rare.
 */
export function forgetCredentials(db: Kysely<DB>): void {
  credentialCache(db).forget();
}
