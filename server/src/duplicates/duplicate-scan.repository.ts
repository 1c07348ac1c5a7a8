// The set-based SQL of a duplicate scan: each signal is one statement over a workspace's records that
// yields candidate pairs (lower id first); one more statement per chunk of pairs measures every
// signal on each pair. No statement loops over records.

import { SIMILAR_NAME } from '@baken/core/duplicates/duplicate-score';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export interface CandidatePair {
  a: string;
  b: string;
}

/**
 * Keys shared by more records than this (a switchboard number, a shared mailbox, a block of one very
 * common name part) say little about any two of them, and would yield n² pairs: they are skipped.
 */
export const MAX_GROUP = 50;
const MAX_NAME_BLOCK = 1000;

/** Name parts too common to group people or companies by (Dutch and Belgian particles). */
const particles = sql`('van', 'der', 'den', 'het', 'ter', 'ten', 'les', 'von', 'del', 'dos', 'das', 'the')`;

/** Pairs of records whose key (an SQL expression over the table `t`) is equal, from small groups. */
async function sameKeyPairs(
  db: Kysely<DB>,
  workspaceId: string,
  table: 'contacts' | 'accounts',
  keys: ReturnType<typeof sql>,
): Promise<CandidatePair[]> {
  const result = await sql<CandidatePair>`
    with keyed as materialized (
      select distinct k.id, k.key
      from ${sql.table(table)} t cross join lateral (${keys}) k(id, key)
      where t.workspace_id = ${workspaceId} and k.key is not null
    ), groups as (
      select key from keyed group by key having count(*) between 2 and ${MAX_GROUP}
    )
    select distinct x.id as a, y.id as b
    from keyed x join keyed y on y.key = x.key and x.id < y.id
    where x.key in (select key from groups)`.execute(db);
  return result.rows;
}

/**
 * Pairs within one group (a company's contacts, a city's companies) whose folded names have a
 * trigram similarity of at least SIMILAR_NAME. Comparing everyone in a group with everyone else is
 * quadratic, so records are first put in blocks by the first four letters of each name part: two
 * names that share no part's beginning are never similar enough to matter.
 */
async function similarNamePairs(
  db: Kysely<DB>,
  /** id, grp (the group) and name (folded) of a workspace's named records. */
  named: ReturnType<typeof sql>,
): Promise<CandidatePair[]> {
  const result = await sql<CandidatePair>`
    with named as materialized (${named}),
    blocks as materialized (
      select distinct n.id, n.grp, left(w, 4) as block
      from named n cross join lateral regexp_split_to_table(n.name, '[^a-z0-9]+') w
      where length(w) >= 3 and w not in ${particles}
    ), sized as (
      select grp, block from blocks group by grp, block having count(*) between 2 and ${MAX_NAME_BLOCK}
    ), pairs as (
      select distinct x.id as a, y.id as b
      from blocks x join blocks y on y.grp = x.grp and y.block = x.block and x.id < y.id
      where (x.grp, x.block) in (select grp, block from sized)
    )
    select p.a, p.b from pairs p
    join named x on x.id = p.a
    join named y on y.id = p.b
    where similarity(x.name, y.name) >= ${SIMILAR_NAME}`.execute(db);
  return result.rows;
}

const contactName = sql`btrim(baken_fold(coalesce(t.first_name, '') || ' ' || coalesce(t.last_name, '')))`;

export const contactCandidates = {
  sameEmail: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(db, workspaceId, 'contacts', sql`select t.id, baken_email_key(t.email)`),
  samePhone: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(
      db,
      workspaceId,
      'contacts',
      sql`values (t.id, baken_phone_key(t.phone)), (t.id, baken_phone_key(t.mobile))`,
    ),
  similarNameAtAccount: (db: Kysely<DB>, workspaceId: string) =>
    similarNamePairs(
      db,
      sql`select t.id, t.account_id as grp, ${contactName} as name from contacts t
        where t.workspace_id = ${workspaceId} and t.account_id is not null
          and (t.first_name is not null or t.last_name is not null)`,
    ),
};

export const accountCandidates = {
  sameDomain: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(db, workspaceId, 'accounts', sql`select t.id, nullif(lower(btrim(t.domain)), '')`),
  sameKvk: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(db, workspaceId, 'accounts', sql`select t.id, nullif(btrim(t.kvk_number), '')`),
  similarNameInCity: (db: Kysely<DB>, workspaceId: string) =>
    similarNamePairs(
      db,
      sql`select t.id, lower(btrim(t.city)) as grp, btrim(baken_fold(t.name)) as name from accounts t
        where t.workspace_id = ${workspaceId} and t.city is not null`,
    ),
};

export interface ContactPairSignals extends CandidatePair {
  sameEmail: boolean;
  samePhone: boolean;
  sameAccount: boolean;
  nameSimilarity: number | null;
}

export interface AccountPairSignals extends CandidatePair {
  sameDomain: boolean;
  sameKvk: boolean;
  sameCity: boolean;
  nameSimilarity: number | null;
}

const pairsOf = (pairs: CandidatePair[]) => sql`unnest(
  ${`{${pairs.map((pair) => pair.a).join(',')}}`}::uuid[],
  ${`{${pairs.map((pair) => pair.b).join(',')}}`}::uuid[]) p(a, b)`;

const nameOf = (alias: string) =>
  sql.raw(
    `nullif(btrim(baken_fold(coalesce(${alias}.first_name, '') || ' ' || coalesce(${alias}.last_name, ''))), '')`,
  );
const phoneKeys = (alias: string) =>
  sql.raw(`array_remove(array[baken_phone_key(${alias}.phone), baken_phone_key(${alias}.mobile)], null)`);

/** Every signal of each pair of contacts (pairs whose records are gone drop out). */
export async function contactPairSignals(
  db: Kysely<DB>,
  workspaceId: string,
  pairs: CandidatePair[],
): Promise<ContactPairSignals[]> {
  if (pairs.length === 0) return [];
  const result = await sql<ContactPairSignals>`
    select p.a, p.b,
      coalesce(baken_email_key(x.email) = baken_email_key(y.email), false) as same_email,
      ${phoneKeys('x')} && ${phoneKeys('y')} as same_phone,
      coalesce(x.account_id = y.account_id, false) as same_account,
      similarity(${nameOf('x')}, ${nameOf('y')}) as name_similarity
    from ${pairsOf(pairs)}
    join contacts x on x.workspace_id = ${workspaceId} and x.id = p.a
    join contacts y on y.workspace_id = ${workspaceId} and y.id = p.b`.execute(db);
  return result.rows;
}

/** Every signal of each pair of accounts. */
export async function accountPairSignals(
  db: Kysely<DB>,
  workspaceId: string,
  pairs: CandidatePair[],
): Promise<AccountPairSignals[]> {
  if (pairs.length === 0) return [];
  const result = await sql<AccountPairSignals>`
    select p.a, p.b,
      coalesce(lower(x.domain) = lower(y.domain), false) as same_domain,
      coalesce(x.kvk_number = y.kvk_number, false) as same_kvk,
      coalesce(lower(btrim(x.city)) = lower(btrim(y.city)), false) as same_city,
      similarity(baken_fold(x.name), baken_fold(y.name)) as name_similarity
    from ${pairsOf(pairs)}
    join accounts x on x.workspace_id = ${workspaceId} and x.id = p.a
    join accounts y on y.workspace_id = ${workspaceId} and y.id = p.b`.execute(db);
  return result.rows;
}
