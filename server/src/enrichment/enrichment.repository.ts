import type { FieldSource, Finding } from '@baken/core/enrichment/enrichment.schema';
import type { RegisterRow } from '@baken/core/enrichment/register-columns';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export async function fieldSourcesOf(
  db: Kysely<DB>,
  workspaceId: string,
  accountId: string,
): Promise<FieldSource[]> {
  return db
    .selectFrom('accountFieldSources')
    .select(['field', 'setBy', 'source', 'value', 'fetchedAt'])
    .where('workspaceId', '=', workspaceId)
    .where('accountId', '=', accountId)
    .orderBy('field')
    .execute();
}

/** Records that these fields now hold a provider's value (one statement for all of them). */
export async function saveProvidedSources(
  db: Kysely<DB>,
  workspaceId: string,
  accountId: string,
  findings: readonly Finding[],
  userId: string | null,
): Promise<void> {
  if (findings.length === 0) return;
  await db
    .insertInto('accountFieldSources')
    .values(
      findings.map((finding) => ({
        workspaceId,
        accountId,
        field: finding.field,
        setBy: 'provider' as const,
        source: finding.source,
        value: JSON.stringify(finding.value),
        fetchedAt: finding.fetchedAt,
        userId,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['workspaceId', 'accountId', 'field']).doUpdateSet((eb) => ({
        setBy: eb.ref('excluded.setBy'),
        source: eb.ref('excluded.source'),
        value: eb.ref('excluded.value'),
        fetchedAt: eb.ref('excluded.fetchedAt'),
        userId: eb.ref('excluded.userId'),
      })),
    )
    .execute();
}

/** Marks fields as typed by a person (`value` set) or forgets where an emptied field came from. */
export async function saveUserEdits(
  db: Kysely<DB>,
  workspaceId: string,
  accountId: string,
  edits: { field: string; value: unknown }[],
  userId: string | null,
  at: Date,
): Promise<void> {
  const cleared = edits.filter((edit) => edit.value === null).map((edit) => edit.field);
  const typed = edits.filter((edit) => edit.value !== null);
  if (cleared.length > 0) {
    await db
      .deleteFrom('accountFieldSources')
      .where('workspaceId', '=', workspaceId)
      .where('accountId', '=', accountId)
      .where('field', 'in', cleared)
      .execute();
  }
  if (typed.length === 0) return;
  await db
    .insertInto('accountFieldSources')
    .values(
      typed.map((edit) => ({
        workspaceId,
        accountId,
        field: edit.field,
        setBy: 'user' as const,
        source: 'user',
        value: JSON.stringify(edit.value),
        fetchedAt: at,
        userId,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['workspaceId', 'accountId', 'field']).doUpdateSet((eb) => ({
        setBy: eb.ref('excluded.setBy'),
        source: eb.ref('excluded.source'),
        value: eb.ref('excluded.value'),
        fetchedAt: eb.ref('excluded.fetchedAt'),
        userId: eb.ref('excluded.userId'),
      })),
    )
    .execute();
}

// The company register: global reference data, read by every workspace.

export async function registerFileOf(db: Kysely<DB>, path: string) {
  return db.selectFrom('companyRegisterFiles').selectAll().where('path', '=', path).executeTakeFirst();
}

/**
 * Writes rows by line number, overwriting what an earlier version of the file had there: two servers
 * loading the same file at once write the same rows, so no lock is needed.
 */
export async function upsertRegisterRows(
  db: Kysely<DB>,
  rows: (RegisterRow & { line: number })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('companyRegister')
    .values(
      rows.map((row) => ({
        line: row.line,
        kvkNumber: row.kvkNumber,
        domain: row.domain,
        fields: JSON.stringify(row.fields),
      })),
    )
    .onConflict((conflict) =>
      conflict.column('line').doUpdateSet((eb) => ({
        kvkNumber: eb.ref('excluded.kvkNumber'),
        domain: eb.ref('excluded.domain'),
        fields: eb.ref('excluded.fields'),
      })),
    )
    .execute();
}

/** Ends a load: drops the lines past the new end and records which version of the file is in. */
export async function finishRegisterLoad(
  db: Kysely<DB>,
  file: { path: string; size: number; modifiedAt: Date; loadedAt: Date; rowCount: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('companyRegister').where('line', '>', file.rowCount).execute();
    await trx.deleteFrom('companyRegisterFiles').execute();
    await trx.insertInto('companyRegisterFiles').values(file).execute();
  });
}

/** The register row of a KvK number, else of a domain. */
export async function findInRegister(db: Kysely<DB>, kvkNumber: string | null, domain: string | null) {
  if (!kvkNumber && !domain) return undefined;
  return db
    .selectFrom('companyRegister')
    .select(['kvkNumber', 'domain', 'fields'])
    .where((eb) =>
      eb.or([
        ...(kvkNumber ? [eb('kvkNumber', '=', kvkNumber)] : []),
        ...(domain ? [eb('domain', '=', domain)] : []),
      ]),
    )
    .orderBy(sql`kvk_number = ${kvkNumber ?? ''}`, 'desc')
    .orderBy('line')
    .limit(1)
    .executeTakeFirst();
}

/** The counts a finished background run wrote to the audit log (its last `update` row). */
export async function finishedRunCounts(db: Kysely<DB>, workspaceId: string, runId: string) {
  const row = await db
    .selectFrom('auditLog')
    .select('changes')
    .where('workspaceId', '=', workspaceId)
    .where('entityType', '=', 'enrichment_run')
    .where('entityId', '=', runId)
    .where('action', '=', 'update')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const changes = (row?.changes ?? {}) as Record<string, { to?: number } | undefined>;
  return row
    ? { done: changes.done?.to ?? 0, changed: changes.changed?.to ?? 0, failed: changes.failed?.to ?? 0 }
    : null;
}
