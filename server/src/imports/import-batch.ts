import { accountCreateInput } from '@baken/core/accounts/account.schema';
import { type CustomFieldDefinition, mergeCustomValues } from '@baken/core/custom-fields/custom-field-values';
import type { ImportOptions } from '@baken/core/imports/import.schema';
import { type MappedRow, mapRow, type RowMapper } from '@baken/core/imports/import-rows';
import { canChangeRecord, type Role } from '@baken/core/platform/roles';
import { InputError } from '@baken/core/shared/input-error';
import { domainFromEmail } from '@baken/core/validation/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { setLifecycleCause } from '../lifecycle/lifecycle.repository.ts';
import type { DB } from '../platform/db/schema.ts';
import { type Language, translate, translateIssue } from '../platform/i18n/translate.ts';
import { accountTarget, type ImportTarget } from './import-targets.ts';
import {
  accountsByCompanyKey,
  accountsByDomain,
  findMatches,
  type ImportFailureEntry,
  type ImportRecordEntry,
  insertImportFailures,
  insertImportRecords,
  insertRecords,
  takenEmails,
  updateRecords,
} from './import-writes.repository.ts';

export interface SourceRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  rowNumber: number;
  cells: string[];
}

/** What every batch of one import run shares. */
export interface BatchContext {
  target: ImportTarget;
  workspaceId: string;
  importId: string;
  actor: { userId: string; role: Role };
  options: ImportOptions;
  mapper: RowMapper;
  definitions: CustomFieldDefinition[];
  /** Header of the column mapped to each field, to name fields in messages. */
  headerOf: Map<string, string>;
  /** The workspace's country: phone numbers without a country code are read as its numbers. */
  defaultCountry: string;
  /** The language of the person who runs the import: its row problems are written in it. */
  language: Language;
  /** Match keys seen in earlier rows of the file, with the row that had them first. */
  seen: Map<string, number>;
  /**
   * Companies this run created, by company key: a batch is planned while the one before it is still
   * being written, so the accounts that batch creates are not yet visible in the database.
   */
  createdAccounts: Map<string, string>;
  newId: () => string;
}

export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: ImportFailureEntry[];
}

type Values = Record<string, unknown>;
type Existing = Values & { id: string; ownerId: string | null; custom: Values; accountId?: string | null };

interface Plan {
  row: SourceRow;
  mapped: MappedRow;
  /** The match key the row claimed (see runBatch), if it has one. */
  key: string | null;
  values: Values;
  existing: Existing | null;
  id: string;
}

class RowProblem extends Error {}

const companyKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The company domain of an email address; none for free-mail providers. */
function emailDomain(email: unknown): string | null {
  return typeof email === 'string' ? domainFromEmail(email) : null;
}

function issueText(ctx: BatchContext, error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const field = `${prefix}${issue.path.join('.')}`;
      const name = ctx.headerOf.get(field) ?? field;
      const message = translateIssue({ ...issue, code: issue.code }, ctx.language);
      return name ? `${name}: ${message}` : message;
    })
    .join(' ');
}

function parse(ctx: BatchContext, schema: z.ZodType, values: Values, prefix = ''): Values {
  const result = schema.safeParse(values);
  if (!result.success) throw new RowProblem(issueText(ctx, result.error, prefix));
  return result.data as Values;
}

/** The schema, then the service's own checks of the API (phone numbers, postcodes, …). */
function validate(
  ctx: BatchContext,
  target: ImportTarget,
  schema: z.ZodType,
  values: Values,
  existing: Values | null,
  prefix = '',
): Values {
  const parsed = parse(ctx, schema, values, prefix);
  const problems = target.normalize(parsed, existing, ctx.defaultCountry);
  if (problems.length > 0) {
    throw new RowProblem(
      problems
        .map(
          (problem) =>
            `${ctx.headerOf.get(`${prefix}${problem.field}`) ?? problem.field}: ${translate(problem.message, ctx.language)}`,
        )
        .join(' '),
    );
  }
  return parsed;
}

function mergedCustom(ctx: BatchContext, stored: Values, input: unknown): Values {
  try {
    return mergeCustomValues(ctx.definitions, stored, input as Values | undefined);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new RowProblem(
      `${ctx.headerOf.get(error.field) ?? error.field}: ${translate(error.message, ctx.language)}`,
    );
  }
}

const keySchemas = new Map<string, z.ZodType>();

/**
 * The schema of the match key's field alone. Built once per record type and key: zod compiles an
 * object schema on its first use, which cost more than the rest of a row's checks together.
 */
function keySchema(target: ImportTarget, matchBy: string): z.ZodType {
  const cacheKey = `${target.recordType}:${matchBy}`;
  let schema = keySchemas.get(cacheKey);
  if (!schema) {
    const shape = (target.updateSchema as unknown as z.ZodObject).shape;
    schema = z.object({ [matchBy]: shape[matchBy]! });
    keySchemas.set(cacheKey, schema);
  }
  return schema;
}

/** The row's match key, normalised by the same schema field that stores it; null if the row has none. */
function matchKeyOf(ctx: BatchContext, values: Values): string | null {
  const { matchBy } = ctx.options;
  const raw = values[matchBy];
  if (raw === undefined) return null;
  if (matchBy === 'externalId') return String(raw);
  const key = parse(ctx, keySchema(ctx.target, matchBy), { [matchBy]: raw })[matchBy];
  return typeof key === 'string' ? key.toLowerCase() : null;
}

const nounOf = (ctx: BatchContext) => ctx.target.recordType;
const keyName: Record<string, string> = {
  email: 'email',
  externalId: 'external id',
  domain: 'domain',
  kvkNumber: 'KvK number',
};

/** On a new attempt: the match key of a row an earlier attempt committed, so later duplicates are still seen. */
export function rememberKey(ctx: BatchContext, row: SourceRow): void {
  try {
    const key = matchKeyOf(ctx, mapRow(ctx.mapper, row.cells).values);
    if (key !== null && !ctx.seen.has(key)) ctx.seen.set(key, row.rowNumber);
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
  }
}

/** Checks one row against the file so far, the stored records and the options; returns what to write. */
function planRow(
  ctx: BatchContext,
  row: SourceRow,
  mapped: MappedRow,
  key: string | null,
  existing: Existing | null,
): Plan {
  const { mode } = ctx.options;
  const noun = nounOf(ctx);
  const by = keyName[ctx.options.matchBy];
  if (existing && mode === 'create')
    throw new RowProblem(`A ${noun} with this ${by} exists already; this import only creates.`);
  if (!existing && mode === 'update') throw new RowProblem(`No ${noun} with this ${by} to update.`);
  const { externalId, ...input } = mapped.values;
  const extra: Values = externalId === undefined ? {} : { externalId: String(externalId) };
  if (existing) {
    if (!canChangeRecord(ctx.actor.role, ctx.actor.userId, existing.ownerId)) {
      throw new RowProblem(`You can only change ${noun}s you own; this one belongs to someone else.`);
    }
    const parsed = validate(ctx, ctx.target, ctx.target.updateSchema, input, existing);
    const values: Values = {};
    for (const column of ctx.target.columns) values[column.field] = existing[column.field] ?? null;
    for (const [field, value] of Object.entries(parsed))
      if (value !== undefined && field !== 'custom') values[field] = value;
    if (parsed.custom !== undefined) values.custom = mergedCustom(ctx, existing.custom, parsed.custom);
    return { row, mapped, key, values: { ...values, ...extra }, existing, id: existing.id };
  }
  const parsed = validate(ctx, ctx.target, ctx.target.createSchema, input, null);
  const values: Values = { ...parsed, ...extra, custom: mergedCustom(ctx, {}, parsed.custom) };
  return { row, mapped, key, values, existing: null, id: ctx.newId() };
}

/** Contacts: the company of each plan, found by name or email domain, or a new account when the options say so. */
async function linkAccounts(
  db: Kysely<DB>,
  ctx: BatchContext,
  plans: Plan[],
  fail: (plan: Plan, reason: string) => void,
): Promise<Map<string, NewAccount>> {
  const { options } = ctx;
  const linking = plans.filter((plan) => !plan.existing?.accountId);
  const names = new Set<string>();
  const domains = new Set<string>();
  for (const plan of linking) {
    const name = plan.mapped.account.name;
    if (typeof name === 'string') names.add(companyKey(name));
    const domain = emailDomain(plan.values.email);
    if (domain) domains.add(domain);
  }
  const byName =
    options.linkByName || options.createAccounts
      ? await accountsByCompanyKey(db, ctx.workspaceId, [...names])
      : new Map<string, string>();
  const byDomain = options.linkByEmailDomain
    ? await accountsByDomain(db, ctx.workspaceId, [...domains])
    : new Map();
  const created = new Map<string, NewAccount>();
  for (const plan of linking) {
    const name = plan.mapped.account.name as string | undefined;
    const key = name === undefined ? null : companyKey(name);
    const domain = emailDomain(plan.values.email);
    let accountId =
      (key && options.linkByName ? byName.get(key) : undefined) ??
      (domain ? byDomain.get(domain) : undefined);
    if (!accountId && key && options.createAccounts) {
      accountId = byName.get(key) ?? ctx.createdAccounts.get(key) ?? created.get(key)?.id;
      if (!accountId) {
        try {
          const { name: _name, ...fields } = plan.mapped.account;
          const values = validate(
            ctx,
            accountTarget,
            accountCreateInput,
            { name, ...fields },
            null,
            'account.',
          );
          const account = {
            id: ctx.newId(),
            rowNumber: plan.row.rowNumber,
            values: { ...values, custom: {} } as Values,
          };
          if (!values.domain && domain) account.values.domain = domain;
          created.set(key, account);
          accountId = account.id;
        } catch (error) {
          if (!(error instanceof RowProblem)) throw error;
          fail(plan, translate(error.message, ctx.language));
          continue;
        }
      }
    }
    if (accountId) plan.values.accountId = accountId;
  }
  return created;
}

/** What a batch will write, found by reading only: the rows' checks, matches and company links. */
export interface PlannedBatch {
  failures: ImportFailureEntry[];
  creates: Plan[];
  updates: { plan: Plan; before: Values }[];
  unchanged: number;
  newAccounts: NewAccount[];
}

interface NewAccount {
  id: string;
  rowNumber: number;
  values: Values;
}

/** The outcome of a batch that is not written (the dry run). */
export function countBatch(planned: PlannedBatch): BatchResult {
  const { failures } = planned;
  return {
    created: planned.creates.length,
    updated: planned.updates.length,
    unchanged: planned.unchanged,
    failed: failures.length,
    failures,
  };
}

/**
 * Checks one batch of rows against the file so far, the stored records and the options, reading the
 * database only. It may run while the batch before is still being written: the match keys and the
 * companies of that batch are known from `ctx`.
 */
export async function planBatch(db: Kysely<DB>, ctx: BatchContext, rows: SourceRow[]): Promise<PlannedBatch> {
  const failures: ImportFailureEntry[] = [];
  const failRow = (row: SourceRow, reason: string) =>
    failures.push({ rowNumber: row.rowNumber, reason, cells: row.cells });
  const keyed: { row: SourceRow; mapped: MappedRow; key: string | null }[] = [];
  for (const row of rows) {
    try {
      const mapped = mapRow(ctx.mapper, row.cells);
      if (Object.keys(mapped.values).length === 0 && Object.keys(mapped.account).length === 0) {
        throw new RowProblem('This row has no values in the mapped columns.');
      }
      keyed.push({ row, mapped, key: matchKeyOf(ctx, mapped.values) });
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      failRow(row, translate(error.message, ctx.language));
    }
  }
  const keys = [...new Set(keyed.map((entry) => entry.key).filter((key): key is string => key !== null))];
  const matches = await findMatches(db, ctx.target, ctx.workspaceId, ctx.options.matchBy, keys);
  // A row claims its match key once it is planned, so a later row with the same key is a duplicate of
  // a row that is written, never of one that failed (a second try of a bad row then gets in).
  let plans: Plan[] = [];
  for (const { row, mapped, key } of keyed) {
    try {
      const first = key === null ? undefined : ctx.seen.get(key);
      if (first !== undefined)
        throw new RowProblem(`Same ${keyName[ctx.options.matchBy]} as row ${first}; this row was skipped.`);
      plans.push(
        planRow(ctx, row, mapped, key, key === null ? null : ((matches.get(key) as Existing) ?? null)),
      );
      if (key !== null) ctx.seen.set(key, row.rowNumber);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      failRow(row, translate(error.message, ctx.language));
    }
  }
  const dropped = new Set<Plan>();
  const failPlan = (plan: Plan, reason: string) => {
    dropped.add(plan);
    release(ctx, plan);
    failRow(plan.row, reason);
  };
  const newAccounts = ctx.target.recordType === 'contact' ? await linkAccounts(db, ctx, plans, failPlan) : [];
  for (const [key, account] of newAccounts) ctx.createdAccounts.set(key, account.id);
  plans = plans.filter((plan) => !dropped.has(plan));

  const creates = plans.filter((plan) => !plan.existing);
  const updates: { plan: Plan; before: Values }[] = [];
  let unchanged = 0;
  for (const plan of plans) {
    if (!plan.existing) continue;
    const before: Values = {};
    for (const column of ctx.target.columns) {
      const old = plan.existing[column.field] ?? null;
      if (JSON.stringify(old) !== JSON.stringify(plan.values[column.field] ?? null))
        before[column.column] = old;
    }
    if (Object.keys(before).length === 0) unchanged++;
    else updates.push({ plan, before: { ...before, updated_at: plan.existing.updatedAt } });
  }
  return { failures, creates, updates, unchanged, newAccounts: [...newAccounts.values()] };
}

/** A row gives its match key back when it fails after all, so a later row with the key may get in. */
function release(ctx: BatchContext, plan: Plan): void {
  if (plan.key !== null && ctx.seen.get(plan.key) === plan.row.rowNumber) ctx.seen.delete(plan.key);
}

/**
 * Writes a planned batch in the caller's transaction: new records in one insert, changed ones in one
 * update, and what each row did.
 */
export async function writeBatch(
  trx: Kysely<DB>,
  ctx: BatchContext,
  planned: PlannedBatch,
): Promise<BatchResult> {
  const { creates, updates, unchanged, newAccounts } = planned;
  const failures = [...planned.failures];
  const failRow = (row: SourceRow, reason: string) =>
    failures.push({ rowNumber: row.rowNumber, reason, cells: row.cells });
  const now = new Date();
  if (ctx.target.recordType === 'contact') await setLifecycleCause(trx, 'import');
  const records: ImportRecordEntry[] = [];
  if (newAccounts.length > 0) {
    const rows = newAccounts.map((account) => ({
      ...columnsOf(accountTarget, account.values),
      id: account.id,
      owner_id: ctx.actor.userId,
    }));
    await insertRecords(trx, accountTarget, ctx.workspaceId, now, rows);
    for (const account of newAccounts) {
      records.push({
        recordType: 'account',
        recordId: account.id,
        rowNumber: account.rowNumber,
        action: 'created',
        before: null,
      });
    }
  }
  const written = await insertRecords(
    trx,
    ctx.target,
    ctx.workspaceId,
    now,
    creates.map((plan) => ({
      ...columnsOf(ctx.target, plan.values),
      id: plan.id,
      owner_id: ctx.actor.userId,
    })),
  );
  let created = 0;
  for (const plan of creates) {
    if (!written.has(plan.id)) {
      release(ctx, plan);
      failRow(
        plan.row,
        translate(`A ${nounOf(ctx)} with this email or external id exists already.`, ctx.language),
      );
      continue;
    }
    created++;
    records.push({
      recordType: ctx.target.recordType,
      recordId: plan.id,
      rowNumber: plan.row.rowNumber,
      action: 'created',
      before: null,
    });
  }
  const updatable = await withoutTakenEmails(trx, ctx, updates, failRow);
  await updateRecords(
    trx,
    ctx.target,
    ctx.workspaceId,
    now,
    updatable.map(({ plan }) => ({ ...columnsOf(ctx.target, plan.values), id: plan.id })),
  );
  for (const { plan, before } of updatable) {
    records.push({
      recordType: ctx.target.recordType,
      recordId: plan.id,
      rowNumber: plan.row.rowNumber,
      action: 'updated',
      before,
    });
  }
  await insertImportRecords(trx, ctx.workspaceId, ctx.importId, now, records);
  await insertImportFailures(trx, ctx.workspaceId, ctx.importId, failures);
  return { created, updated: updatable.length, unchanged, failed: failures.length, failures };
}

/** Contacts whose new email another contact has are refused (the email is unique per workspace). */
async function withoutTakenEmails(
  trx: Kysely<DB>,
  ctx: BatchContext,
  updates: { plan: Plan; before: Values }[],
  failRow: (row: SourceRow, reason: string) => void,
) {
  if (ctx.target.recordType !== 'contact') return updates;
  const changing = updates.filter(({ before }) => 'email' in before);
  const emails = changing
    .map(({ plan }) => plan.values.email)
    .filter((email): email is string => typeof email === 'string');
  const taken = await takenEmails(
    trx,
    ctx.workspaceId,
    emails,
    changing.map(({ plan }) => plan.id),
  );
  return updates.filter(({ plan }) => {
    const email = typeof plan.values.email === 'string' ? plan.values.email.toLowerCase() : null;
    if (!email || !taken.has(email) || !changing.some((entry) => entry.plan === plan)) return true;
    // (an update that keeps its own email is not in `changing`)
    failRow(plan.row, translate('Another contact has this email address already.', ctx.language));
    return false;
  });
}

/** A record's values as the JSON columns of jsonb_to_recordset. */
function columnsOf(target: ImportTarget, values: Values): Values {
  const row: Values = {};
  for (const column of target.columns) row[column.column] = values[column.field] ?? null;
  return row;
}
