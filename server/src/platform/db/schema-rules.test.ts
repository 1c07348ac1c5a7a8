import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';
import type { Database } from './database.ts';

// The rules that let tables be distributed by workspace (docs/scaling.md), checked on the real schema.
// The company register is the operator's reference data, read by every workspace.
const GLOBAL_TABLES = [
  'schema_migrations',
  'users',
  'workspaces',
  'company_register',
  'company_register_files',
];

describe('schema rules', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows;

  it('has workspace_id on every table but the global ones', async () => {
    const tables = await rows<{ table: string; tenant: boolean }>(sql`
      select c.relname as table, exists (
        select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
      ) as tenant
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`);
    expect(tables.length).toBeGreaterThan(10);
    for (const { table, tenant } of tables) expect(tenant || GLOBAL_TABLES.includes(table), table).toBe(true);
  });

  it('leads every primary key and unique index of a tenant table with workspace_id', async () => {
    const indexes = await rows<{ index: string; table: string; first: string | null }>(sql`
      select i.relname as index, t.relname as table,
        (select a.attname from pg_attribute a where a.attrelid = t.oid and a.attnum = x.indkey[0]) as first
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and (x.indisunique or x.indisprimary)`);
    const tenant = indexes.filter((index) => !GLOBAL_TABLES.includes(index.table));
    expect(tenant.length).toBeGreaterThan(15);
    for (const index of tenant) expect(index.first, index.index).toBe('workspace_id');
  });

  it('carries workspace_id first in every foreign key between tenant tables', async () => {
    const keys = await rows<{
      name: string;
      from: string;
      to: string;
      fromFirst: string;
      toFirst: string;
    }>(sql`
      select c.conname as name, f.relname as from, t.relname as to,
        (select a.attname from pg_attribute a where a.attrelid = c.conrelid and a.attnum = c.conkey[1]) as "fromFirst",
        (select a.attname from pg_attribute a where a.attrelid = c.confrelid and a.attnum = c.confkey[1]) as "toFirst"
      from pg_constraint c
      join pg_class f on f.oid = c.conrelid
      join pg_class t on t.oid = c.confrelid
      join pg_namespace n on n.oid = f.relnamespace
      where n.nspname = 'public' and c.contype = 'f'`);
    const betweenTenants = keys.filter(
      (key) => !GLOBAL_TABLES.includes(key.from) && !GLOBAL_TABLES.includes(key.to),
    );
    expect(betweenTenants.length).toBeGreaterThan(10);
    for (const key of betweenTenants) {
      expect(key.fromFirst, key.name).toBe('workspace_id');
      expect(key.toFirst, key.name).toBe('workspace_id');
    }
  });

  it('has pg_trgm enabled', async () => {
    const extensions = await rows<{ extname: string }>(sql`select extname from pg_extension`);
    expect(extensions.map((extension) => extension.extname)).toContain('pg_trgm');
  });
});
