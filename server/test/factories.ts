import type { Account } from '@baken/core/accounts/account.schema';
import type { activityResponse } from '@baken/core/activities/activity.schema';
import type { Contact } from '@baken/core/contacts/contact.schema';
import type { Deal } from '@baken/core/deals/deal.schema';
import type { pipelineResponse } from '@baken/core/pipelines/pipeline.schema';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { Client, Response, TestApp } from './harness.ts';

export type Activity = z.infer<typeof activityResponse>;
export type Pipeline = z.infer<typeof pipelineResponse>;
export type AuditEntry = {
  id: string;
  at: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
};
export type TimelineEntry = {
  kind: 'activity' | 'change' | 'stage_change' | 'import' | 'lifecycle';
  id: string;
  at: string;
  data: Record<string, unknown>;
};

let sequence = 0;
/** A name no other test uses, to tell this test's records apart in a shared workspace. */
export const unique = (prefix = 'run') => `${prefix}-${Date.now().toString(36)}-${sequence++}`;

export function createAccount(client: Client, fields: Record<string, unknown> = {}): Promise<Account> {
  return client.ok<Account>('POST', '/api/v1/accounts', { name: `Account ${unique()}`, ...fields });
}

export function createContact(client: Client, fields: Record<string, unknown> = {}): Promise<Contact> {
  return client.ok<Contact>('POST', '/api/v1/contacts', {
    firstName: 'Jan',
    lastName: `Jansen ${unique()}`,
    ...fields,
  });
}

export function createDeal(client: Client, fields: Record<string, unknown> = {}): Promise<Deal> {
  return client.ok<Deal>('POST', '/api/v1/deals', { name: `Deal ${unique()}`, ...fields });
}

export function createActivity(client: Client, fields: Record<string, unknown> = {}): Promise<Activity> {
  return client.ok<Activity>('POST', '/api/v1/activities', {
    type: 'note',
    subject: `Note ${unique()}`,
    ...fields,
  });
}

export function defineCustomField(client: Client, fields: Record<string, unknown>) {
  return client.ok<{ id: string; key: string }>('POST', '/api/v1/custom-fields', {
    label: String(fields.key),
    ...fields,
  });
}

export async function defaultPipeline(client: Client): Promise<Pipeline> {
  const { data } = await client.ok<{ data: Pipeline[] }>('GET', '/api/v1/pipelines');
  const pipeline = data.find((candidate) => candidate.isDefault);
  if (!pipeline) throw new Error('no default pipeline');
  return pipeline;
}

export function stageNamed(pipeline: Pipeline, name: string) {
  const stage = pipeline.stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name} in ${pipeline.name}`);
  return stage;
}

type Query = Record<string, string | number | string[] | undefined>;

export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One list request that must succeed. */
export function list<T>(client: Client, path: string, query: Query = {}) {
  return client.ok<{ data: T[]; nextCursor: string | null }>('GET', `${path}${queryString(query)}`);
}

/** Every row of a list, following nextCursor page by page. */
export async function allPages<T>(
  client: Client,
  path: string,
  query: Query,
  limit = 2,
): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= 200; pages++) {
    const page = await list<T>(client, path, { ...query, limit, cursor });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    rows.push(...page.data);
    if (page.nextCursor === null) return { rows, pages };
    cursor = page.nextCursor;
  }
  throw new Error(`${path}: more than 200 pages, the cursor does not advance`);
}

/** A problem+json answer with `status` that names `field` among its errors. */
export function expectProblem(response: Response, status: number, field?: string): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = response.json() as { status: number; errors?: { field: string }[] };
  expect(problem.status).toBe(status);
  if (field !== undefined) expect(problem.errors?.map((error) => error.field)).toContain(field);
}

/** The audit trail of one entity, oldest first (read as the owner). */
export async function auditOf(owner: Client, entityId: string): Promise<AuditEntry[]> {
  const { data } = await list<AuditEntry>(owner, '/api/v1/audit-log', {
    filter: `entityId:eq:${entityId}`,
    limit: 200,
  });
  return data.reverse();
}

export async function timelineOf(client: Client, path: string, query: Query = {}) {
  return client.ok<{ data: TimelineEntry[]; nextCursor: string | null }>(
    'GET',
    `${path}/timeline${queryString(query)}`,
  );
}

/** Runs `work` with the app's clock stopped at `at`, so that stamped times can be asserted exactly. */
export async function atTime<T>(test: TestApp, at: string, work: () => Promise<T>): Promise<T> {
  const now = test.ctx.now;
  test.ctx.now = () => new Date(at);
  try {
    return await work();
  } finally {
    test.ctx.now = now;
  }
}

type SortValue = string | number | null | undefined;

/** Ids in list order for `sort`: by value then id, nulls last ascending; descending is the exact reverse. */
export function expectedOrder<T extends { id: string }>(
  rows: T[],
  value: (row: T) => SortValue,
  direction: 'asc' | 'desc',
): string[] {
  const compare = (a: SortValue, b: SortValue) => {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return a < b ? -1 : 1;
  };
  const ascending = [...rows].sort(
    (a, b) => compare(value(a), value(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const ids = ascending.map((row) => row.id);
  return direction === 'asc' ? ids : ids.reverse();
}
