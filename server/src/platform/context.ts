import type { Role } from '@baken/core/platform/roles';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Config } from './config.ts';
import type { Engine } from './db/database.ts';
import type { DB } from './db/schema.ts';

/** What every service stands on. Time and ids are inputs so that tests can fix them. */
export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  now: () => Date;
  newId: () => string;
}

/** Who is asking: a signed-in user (session cookie) or an API token acting for its user. */
export interface Actor {
  workspaceId: string;
  userId: string;
  role: Role;
  via: 'session' | 'token';
  tokenId: string | null;
  /** The session behind a cookie-authenticated request (to sign out of it). */
  sessionId: string | null;
  scope: 'read' | 'read_write';
}

export interface RequestContext extends AppContext {
  actor: Actor;
}

export function systemClock(offsetMs = 0): Pick<AppContext, 'now' | 'newId'> {
  return { now: () => new Date(Date.now() + offsetMs), newId: () => uuidv7() };
}
