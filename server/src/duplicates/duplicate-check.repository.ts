// Existing records that look like records about to be saved (a form, a batch of an import): one
// statement per batch, each signal an index look-up per candidate, never a scan of the table.

import { SIMILAR_NAME } from '@baken/core/duplicates/duplicate-score';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { foldName } from './duplicate-scan.repository.ts';

/**
 * Runs look-ups without PostgreSQL's JIT compiler: the planner cannot know how small a batch is,
 * estimates costs above jit_above_cost, and compiling then takes longer (0.1-2 s) than the index
 * scans themselves (a few ms). Inside the caller's transaction when there is one.
 */
export async function withoutJit<T>(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const run = async (trx: Kysely<DB>) => {
    await sql`set local jit = off`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export interface ContactCandidate {
  i: number;
  emailKey: string | null;
  phoneKeys: string[];
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
}

export interface AccountCandidate {
  i: number;
  domain: string | null;
  kvk: string | null;
  name: string | null;
  city: string | null;
}

export interface ContactMatchSignals {
  i: number;
  id: string;
  sameEmail: boolean;
  samePhone: boolean;
  sameAccount: boolean;
  nameSimilarity: number | null;
}

export interface AccountMatchSignals {
  i: number;
  id: string;
  sameDomain: boolean;
  sameKvk: boolean;
  sameCity: boolean;
  nameSimilarity: number | null;
}

/**
 * The matched record `x` of each row of `m`, by primary key. The planner guesses thousands of
 * matches where there are a few, and then reads the whole table into a hash join (77 ms at 300,000
 * contacts); `limit 1` keeps this a look-up per match.
 */
const byId = (table: 'contacts' | 'accounts', workspaceId: string) =>
  sql`cross join lateral (select * from ${sql.table(table)} x
    where x.workspace_id = ${workspaceId} and x.id = m.id limit 1) x`;

const xName = sql`nullif(btrim(${foldName(sql`coalesce(x.first_name, '') || ' ' || coalesce(x.last_name, '')`)}), '')`;
const xPhones = sql`array_remove(array[baken_phone_key(x.phone), baken_phone_key(x.mobile)], null)`;

export async function contactMatches(
  db: Kysely<DB>,
  workspaceId: string,
  candidates: ContactCandidate[],
): Promise<ContactMatchSignals[]> {
  const rows = candidates.map((c) => ({
    i: c.i,
    email_key: c.emailKey,
    phone_keys: c.phoneKeys,
    account_id: c.accountId,
    first_name: c.firstName,
    last_name: c.lastName,
  }));
  const result = await sql<ContactMatchSignals>`
    with c as materialized (
      select r.i, r.email_key, r.phone_keys, r.account_id,
        nullif(btrim(${foldName(sql`coalesce(r.first_name, '') || ' ' || coalesce(r.last_name, '')`)}), '') as name
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(i int, email_key text, phone_keys text[], account_id uuid, first_name text, last_name text)
    ), m as (
      -- Lateral look-ups, one per candidate and signal: each is an index scan (the planner cannot
      -- know how small a batch is, and would rather scan the table with a hash join).
      select c.i, k.id from c cross join lateral (
        select x.id from contacts x where x.workspace_id = ${workspaceId}
          and x.email is not null and baken_email_key(x.email) = c.email_key
        union
        select x.id from contacts x where x.workspace_id = ${workspaceId}
          and x.phone is not null and baken_phone_key(x.phone) = any(c.phone_keys)
        union
        select x.id from contacts x where x.workspace_id = ${workspaceId}
          and x.mobile is not null and baken_phone_key(x.mobile) = any(c.phone_keys)
        union
        select x.id from contacts x where x.workspace_id = ${workspaceId}
          and x.account_id = c.account_id and c.name is not null
          and similarity(${xName}, c.name) >= ${SIMILAR_NAME}
      ) k
    )
    select m.i, x.id,
      coalesce(baken_email_key(x.email) = c.email_key, false) as same_email,
      coalesce(${xPhones} && c.phone_keys, false) as same_phone,
      coalesce(x.account_id = c.account_id, false) as same_account,
      similarity(${xName}, c.name) as name_similarity
    from m join c on c.i = m.i
    ${byId('contacts', workspaceId)}`.execute(db);
  return result.rows;
}

export async function accountMatches(
  db: Kysely<DB>,
  workspaceId: string,
  candidates: AccountCandidate[],
): Promise<AccountMatchSignals[]> {
  const rows = candidates.map((c) => ({ i: c.i, domain: c.domain, kvk: c.kvk, name: c.name, city: c.city }));
  const result = await sql<AccountMatchSignals>`
    with c as materialized (
      select r.i, r.domain, r.kvk, nullif(btrim(r.name), '') as name,
        nullif(btrim(${foldName(sql`r.name`)}), '') as folded, nullif(lower(btrim(r.city)), '') as city
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(i int, domain text, kvk text, name text, city text)
    ), m as (
      select c.i, k.id from c cross join lateral (
        select x.id from accounts x where x.workspace_id = ${workspaceId} and lower(x.domain) = c.domain
        union
        select x.id from accounts x where x.workspace_id = ${workspaceId} and x.kvk_number = c.kvk
        union
        select x.id from accounts x where x.workspace_id = ${workspaceId}
          and baken_company_key(x.name) = baken_company_key(c.name)
        union
        select x.id from accounts x where x.workspace_id = ${workspaceId}
          and x.city is not null and lower(x.city) = c.city
          and similarity(${foldName(sql`x.name`)}, c.folded) >= ${SIMILAR_NAME}
      ) k
    )
    select m.i, x.id,
      coalesce(lower(x.domain) = c.domain, false) as same_domain,
      coalesce(x.kvk_number = c.kvk, false) as same_kvk,
      coalesce(lower(btrim(x.city)) = c.city, false) as same_city,
      similarity(${foldName(sql`x.name`)}, c.folded) as name_similarity
    from m join c on c.i = m.i
    ${byId('accounts', workspaceId)}`.execute(db);
  return result.rows;
}
