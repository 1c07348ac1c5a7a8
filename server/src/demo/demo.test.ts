import { generateDemoDataset } from '@baken/core/demo/demo-dataset';
import { defaultPipeline } from '@baken/core/pipelines/pipeline.schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  createTestApp,
  sessionClient,
  setUpOwner,
  type TestApp,
} from '../../test/harness.ts';
import { AppError } from '../platform/errors.ts';
import { demoSummary } from './demo.command.ts';
import { type DemoLoad, loadDemo } from './demo.service.ts';

const MONTH = 30 * 24 * 3600 * 1000;

/** Rows of each demo table in one workspace, counted in SQL. */
async function countsIn(test: TestApp, workspaceId: string) {
  const count = async (table: string) => {
    const result = await sql<{
      count: number;
    }>`select count(*)::int as count from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(
      test.ctx.db,
    );
    return result.rows[0]!.count;
  };
  return {
    accounts: await count('accounts'),
    contacts: await count('contacts'),
    deals: await count('deals'),
    stageChanges: await count('deal_stage_changes'),
    dealContacts: await count('deal_contacts'),
    activities: await count('activities'),
  };
}

async function signIn(test: TestApp, email: string, password: string): Promise<Client> {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expect(response.statusCode).toBe(200);
  return sessionClient(test.app, response);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('baken demo in an empty database', () => {
  let test: TestApp;
  let load: DemoLoad;
  let owner: Client;

  beforeAll(async () => {
    test = await createTestApp();
    load = await loadDemo(test.ctx);
    const credentials = load.credentials.find((member) => member.role === 'owner')!;
    owner = await signIn(test, credentials.email, credentials.password);
  });
  afterAll(() => test.close());

  it('creates the demo workspace with every table filled as counted', async () => {
    expect(load).toMatchObject({ createdWorkspace: true, workspaceName: 'Demo Bouw & Techniek BV' });
    expect(load.counts).toMatchObject({ accounts: 80, contacts: 300, deals: 150, activities: 800 });
    expect(await countsIn(test, load.workspaceId)).toEqual(load.counts);
  });

  it('gives the owner demo@baken.local and every member a random password that signs them in', async () => {
    expect(load.credentials.map((member) => member.role).sort()).toEqual([
      'manager',
      'marketing',
      'owner',
      'sales',
      'sales',
    ]);
    expect(load.credentials.find((member) => member.role === 'owner')!.email).toBe('demo@baken.local');
    expect(new Set(load.credentials.map((member) => member.password)).size).toBe(load.credentials.length);
    for (const member of load.credentials) {
      expect(member.password.length).toBeGreaterThanOrEqual(20);
      const me = await (await signIn(test, member.email, member.password)).ok<{
        role: string;
        workspace: { id: string };
      }>('GET', '/api/v1/auth/me');
      expect(me).toMatchObject({ role: member.role, workspace: { id: load.workspaceId } });
    }
    const summary = demoSummary(load, 'http://localhost:3000');
    for (const member of load.credentials) expect(summary).toContain(member.password);
  });

  it('puts deals in every stage of the default pipeline', async () => {
    const { data } = await owner.ok<{
      data: { isDefault: boolean; stages: { id: string; name: string }[] }[];
    }>('GET', '/api/v1/pipelines');
    const stages = data.find((pipeline) => pipeline.isDefault)!.stages;
    expect(stages.map((stage) => stage.name)).toEqual(defaultPipeline.stages.map((stage) => stage.name));
    for (const stage of stages) {
      const page = await owner.ok<{ data: unknown[] }>(
        'GET',
        `/api/v1/deals?filter=stageId:eq:${stage.id}&limit=1`,
      );
      expect(page.data, stage.name).toHaveLength(1);
    }
  });

  it("spreads deal creation over the past 18 months, and history rows end in each deal's stage", async () => {
    const span = await sql<{ first: Date; last: Date; mismatched: number }>`
      select min(created_at) as first, max(created_at) as last,
        (select count(*)::int from deals d where d.workspace_id = ${load.workspaceId} and d.stage_id <> (
          select c.to_stage_id from deal_stage_changes c where c.workspace_id = d.workspace_id and c.deal_id = d.id
          order by c.changed_at desc limit 1)) as mismatched
      from deals where workspace_id = ${load.workspaceId}`.execute(test.ctx.db);
    const { first, last, mismatched } = span.rows[0]!;
    const now = Date.now();
    expect(now - first.getTime()).toBeGreaterThan(15 * MONTH);
    expect(now - first.getTime()).toBeLessThanOrEqual(18.5 * MONTH);
    expect(last.getTime()).toBeLessThanOrEqual(now);
    expect(mismatched).toBe(0);
  });

  it('records the load in the audit log', async () => {
    const { data } = await owner.ok<{
      data: { entityType: string; action: string; changes: Record<string, number> }[];
    }>('GET', '/api/v1/audit-log?filter=entityType:eq:demo');
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ action: 'create', changes: { accounts: 80, deals: 150 } });
  });

  it('refuses to create another workspace, and names the workspaces there are', async () => {
    const error = await refusal(loadDemo(test.ctx));
    expect(error.kind).toBe('conflict');
    expect(error.detail).toContain(load.workspaceId);
    expect(error.detail).toContain('Demo Bouw & Techniek BV');
    expect(error.detail).toContain('--workspace');
  });
});

describe('baken demo --workspace', () => {
  let test: TestApp;
  let owner: Client;
  let rep: Client & { userId: string };
  let workspaceId: string;
  let ownerId: string;

  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app, 'Van Dijk Installaties BV');
    rep = await addMember(test.app, owner, 'sales');
    const me = await owner.ok<{ user: { id: string }; workspace: { id: string } }>('GET', '/api/v1/auth/me');
    workspaceId = me.workspace.id;
    ownerId = me.user.id;
  });
  afterAll(() => test.close());

  it('leaves nothing behind when the load fails half-way', async () => {
    // A contact with the email the first demo person will get makes the contacts insert fail on its unique index.
    const members = [{ userId: ownerId, role: 'owner' as const }];
    const stages = defaultPipeline.stages.map((stage, position) => ({
      ...stage,
      id: `${position}`,
      pipelineId: 'p',
      position,
    }));
    const preview = generateDemoDataset({
      seed: 7,
      now: new Date(),
      members,
      stages,
      currency: 'EUR',
      newId: () => crypto.randomUUID(),
    });
    const clash = await owner.ok<{ id: string }>('POST', '/api/v1/contacts', {
      email: preview.contacts[0]!.email,
    });
    await expect(loadDemo(test.ctx, { workspaceId, seed: 7 })).rejects.toThrow(/contacts_email_key/);
    expect(await countsIn(test, workspaceId)).toEqual({
      accounts: 0,
      contacts: 1,
      deals: 0,
      stageChanges: 0,
      dealContacts: 0,
      activities: 0,
    });
    await owner.ok('DELETE', `/api/v1/contacts/${clash.id}`);
  });

  it('loads into the workspace, its records owned by its members and visible through the API', async () => {
    const load = await loadDemo(test.ctx, { workspaceId });
    expect(load).toMatchObject({
      createdWorkspace: false,
      credentials: [],
      workspaceName: 'Van Dijk Installaties BV',
    });
    expect(await countsIn(test, workspaceId)).toEqual(load.counts);
    const accounts = await owner.ok<{ data: { ownerId: string; country: string }[] }>(
      'GET',
      '/api/v1/accounts?limit=200',
    );
    expect(accounts.data).toHaveLength(80);
    expect(new Set(accounts.data.map((account) => account.ownerId))).toEqual(new Set([ownerId, rep.userId]));
    expect(new Set(accounts.data.map((account) => account.country))).toEqual(new Set(['NL', 'BE']));
    const deals = await rep.ok<{ data: { ownerId: string }[] }>(
      'GET',
      `/api/v1/deals?filter=ownerId:eq:${rep.userId}&limit=5`,
    );
    expect(deals.data.length).toBeGreaterThan(0);
    const contacts = await rep.ok<{ data: unknown[] }>(
      'GET',
      '/api/v1/contacts?limit=1&filter=lifecycleStage:eq:customer',
    );
    expect(contacts.data).toHaveLength(1);
  });

  it('refuses to load the demo into the same workspace twice', async () => {
    const error = await refusal(loadDemo(test.ctx, { workspaceId }));
    expect(error.kind).toBe('conflict');
    expect(error.detail).toContain('already');
  });

  it('says which workspaces exist when the id is unknown', async () => {
    const error = await refusal(loadDemo(test.ctx, { workspaceId: '0190aaaa-0000-7000-8000-000000000000' }));
    expect(error.kind).toBe('not_found');
    expect(error.detail).toContain(workspaceId);
    expect((await refusal(loadDemo(test.ctx, { workspaceId: 'not-an-id' }))).kind).toBe('not_found');
  });
});
