// The set-based SQL of a duplicate scan: each signal is one statement over a workspace's records that
// yields candidate pairs (lower id first); one more statement per chunk of pairs measures every
// signal on each pair. No statement loops over records.

import { SIMILAR_NAME } from '@baken/core/duplicates/duplicate-score';
import { type Kysely, type RawBuilder, sql } from 'kysely';
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

/** Name parts too common to group companies by (particles, legal forms, "holding"). */
const commonWords = sql`('van', 'der', 'den', 'het', 'ter', 'ten', 'les', 'von', 'del', 'dos', 'das', 'the',
  'and', 'en', 'bv', 'nv', 'vof', 'cv', 'bvba', 'srl', 'holding', 'groep', 'group', 'beheer')`;

/**
 * A name folded for comparing: lower case for plain ASCII (most names), baken_fold() (accents off)
 * only for names with other letters, whose translate() with the whole table of accented letters
 * costs about 10 µs a call (a million names took 10 s before baken_fold got the same ASCII shortcut
 * in migration 0013). Scans, signals and checks all fold names this way, so their similarities agree.
 */
export function foldName(text: ReturnType<typeof sql>) {
  return sql`(case when octet_length(${text}) = char_length(${text}) then lower(${text}) else baken_fold(${text}) end)`;
}

/**
 * Runs one scan statement with room to sort and group a million keys in memory (the default
 * work_mem, 4 MB, spills them to disk), in a transaction of its own so the setting ends with it.
 */
async function withScanMemory<T>(db: Kysely<DB>, query: RawBuilder<T>) {
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    return query.execute(trx);
  });
}

/**
 * Pairs of records that share a key, from groups of at most MAX_GROUP: each group's ids are gathered
 * into one array and paired inside it, so no statement joins a table with itself (the planner
 * cannot estimate the size of a set of computed keys, and may pick a nested loop over it).
 * `keyed` yields distinct (id, key) rows.
 */
async function sameKeyPairs(db: Kysely<DB>, keyed: ReturnType<typeof sql>): Promise<CandidatePair[]> {
  const result = await withScanMemory(
    db,
    sql<CandidatePair>`
    with keyed as (${keyed}), groups as (
      select array_agg(id) as ids from keyed where key is not null
      group by key having count(*) between 2 and ${MAX_GROUP}
    )
    select x.id as a, y.id as b
    from groups g
    cross join lateral unnest(g.ids) x(id)
    cross join lateral unnest(g.ids) y(id)
    where x.id < y.id`,
  );
  return result.rows;
}

/**
 * Pairs of records in one group (a company's contacts, a city's companies) with the same block
 * whose folded names have a trigram similarity of at least SIMILAR_NAME. `named` yields
 * (id, grp, name, block) rows; names within a block are compared inside arrays, as above.
 */
async function similarNamePairs(db: Kysely<DB>, named: ReturnType<typeof sql>): Promise<CandidatePair[]> {
  const result = await withScanMemory(
    db,
    sql<CandidatePair>`
    with named as (${named}), groups as (
      select array_agg(id) as ids, array_agg(name) as names
      from named group by grp, block having count(*) between 2 and ${MAX_NAME_BLOCK}
    )
    select distinct x.id as a, y.id as b
    from groups g
    cross join lateral unnest(g.ids, g.names) x(id, name)
    cross join lateral unnest(g.ids, g.names) y(id, name)
    where x.id < y.id and similarity(x.name, y.name) >= ${SIMILAR_NAME}`,
  );
  return result.rows;
}

const fullName = sql`coalesce(t.first_name, '') || ' ' || coalesce(t.last_name, '')`;
/**
 * baken_phone_key() of a column, fast for numbers of only digits and + (E.164, as the validators
 * store them): no regular expression, which costs more than the rest of the scan of a row.
 */
const phoneKeyOf = (column: string) =>
  sql.raw(`case when translate(${column}, '+0123456789', '') = ''
    then case when length(replace(${column}, '+', '')) >= 9 then right(replace(${column}, '+', ''), 9) end
    else baken_phone_key(${column}) end`);

export const contactCandidates = {
  /**
   * A key differs from the stored address (lower case, trimmed, unique per workspace) only for
   * addresses with a +label, at Gmail, or stored in another case: only those are keyed, and
   * matched with the others through the unique index on lower(email).
   */
  sameEmail: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(
      db,
      sql`with special as materialized (
          select t.id, baken_email_key(t.email) as key from contacts t
          where t.workspace_id = ${workspaceId} and t.email is not null
            and (strpos(t.email, '+') > 0 or t.email like '%@gmail.com' or t.email like '%@googlemail.com'
              or t.email <> lower(btrim(t.email)))
        )
        select id, key from special
        union
        select t.id, s.key from special s
        join contacts t on t.workspace_id = ${workspaceId} and lower(t.email) = s.key`,
    ),
  samePhone: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(
      db,
      sql`with k as materialized (
          select t.id, ${phoneKeyOf('t.phone')} as phone, ${phoneKeyOf('t.mobile')} as mobile from contacts t
          where t.workspace_id = ${workspaceId} and (t.phone is not null or t.mobile is not null)
        )
        select id, phone as key from k where phone is not null
        union
        select id, mobile from k where mobile is not null`,
    ),
  /**
   * Names at one company, blocked twice: by the first three letters of the last word (the family
   * name's core: de Vries and Vries, Jansen and Janssen, Meijer and Meier meet) and of the first
   * word (Kees Bakker and Kees Backer meet).
   */
  similarNameAtAccount: (db: Kysely<DB>, workspaceId: string) =>
    similarNamePairs(
      db,
      sql`with folded as materialized (
          select t.id, t.account_id as grp, btrim(${foldName(fullName)}) as name from contacts t
          where t.workspace_id = ${workspaceId} and t.account_id is not null
            and (t.first_name is not null or t.last_name is not null)
        )
        select id, grp, name, left(split_part(name, ' ', -1), 3) as block from folded where name <> ''
        union all
        select id, grp, name, left(split_part(name, ' ', 1), 3) from folded where name <> ''`,
    ),
};

export const accountCandidates = {
  sameDomain: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(
      db,
      sql`select distinct t.id, nullif(lower(btrim(t.domain)), '') as key from accounts t
        where t.workspace_id = ${workspaceId} and t.domain is not null`,
    ),
  sameKvk: (db: Kysely<DB>, workspaceId: string) =>
    sameKeyPairs(
      db,
      sql`select distinct t.id, nullif(btrim(t.kvk_number), '') as key from accounts t
        where t.workspace_id = ${workspaceId} and t.kvk_number is not null`,
    ),
  /**
   * Company names in one city, each in the block of its rarest word in that city (the first three
   * letters of a word that is not a legal form): "Jansen Bakkerij" and "Janssen Bakkerij" meet in
   * "jan", while the hundred bakeries of a city are not all compared with each other.
   */
  similarNameInCity: (db: Kysely<DB>, workspaceId: string) =>
    similarNamePairs(
      db,
      sql`with folded as materialized (
          select t.id, lower(btrim(t.city)) as grp, btrim(${foldName(sql`t.name`)}) as name from accounts t
          where t.workspace_id = ${workspaceId} and t.city is not null
        ), words as (
          select n.id, n.grp, n.name, left(w, 3) as block, count(*) over (partition by n.grp, left(w, 3)) as size
          from folded n cross join lateral unnest(string_to_array(translate(n.name, '.,-&/()', '       '), ' ')) w
          where length(w) >= 3 and w not in ${commonWords}
        )
        select distinct on (id) id, grp, name, block from words where size >= 2 order by id, size, block`,
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
  sql`nullif(btrim(${foldName(sql.raw(`coalesce(${alias}.first_name, '') || ' ' || coalesce(${alias}.last_name, '')`))}), '')`;
const phoneKeys = (alias: string) =>
  sql`array_remove(array[${phoneKeyOf(`${alias}.phone`)}, ${phoneKeyOf(`${alias}.mobile`)}], null)`;

/** Two addresses share a key only at one domain (or both at Gmail): the keys are computed only then. */
const sameEmailKey = sql`case
  when x.email is null or y.email is null then false
  when split_part(x.email, '@', 2) <> split_part(y.email, '@', 2)
    and not (split_part(x.email, '@', 2) in ('gmail.com', 'googlemail.com')
      and split_part(y.email, '@', 2) in ('gmail.com', 'googlemail.com')) then false
  else coalesce(baken_email_key(x.email) = baken_email_key(y.email), false) end`;

/** Every signal of each pair of contacts (pairs whose records are gone drop out). */
export async function contactPairSignals(
  db: Kysely<DB>,
  workspaceId: string,
  pairs: CandidatePair[],
): Promise<ContactPairSignals[]> {
  if (pairs.length === 0) return [];
  const result = await sql<ContactPairSignals>`
    select p.a, p.b,
      ${sameEmailKey} as same_email,
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
      similarity(${foldName(sql`x.name`)}, ${foldName(sql`y.name`)}) as name_similarity
    from ${pairsOf(pairs)}
    join accounts x on x.workspace_id = ${workspaceId} and x.id = p.a
    join accounts y on y.workspace_id = ${workspaceId} and y.id = p.b`.execute(db);
  return result.rows;
}
