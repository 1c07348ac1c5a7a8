// Test helpers of backup.test.ts: apps on any engine, a workspace that fills every table, and the
// API answers a restore must reproduce.
import { defaultLeadRouting } from '@baken/core/leads/handover.schema';
import { defaultScoringModel } from '@baken/core/scoring/scoring-model.schema';
import { openBlankDatabase, testEngine } from '../../test/database.ts';
import {
  addMember,
  appOn,
  Client,
  createTestApp,
  PASSWORD,
  sessionClient,
  type TestApp,
  tokenClient,
} from '../../test/harness.ts';
import { runJobs, uploadImportFile } from '../../test/imports.ts';
import { scanNow } from '../duplicates/duplicate-test-helpers.ts';
import { slaSweep } from '../leads/sla.job.ts';
import type { Engine } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';

/** The app on a migrated, empty database of `engine`: the project's template when it can, else a blank one. */
export async function openApp(engine: Engine): Promise<TestApp> {
  if (engine === testEngine) return createTestApp();
  const database = await openBlankDatabase(engine);
  await migrate(database.db);
  return appOn(database);
}

export const bearer = (test: TestApp, token: string) => new Client(test.app, { token });

export async function logIn(test: TestApp, email: string): Promise<Client> {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`login of ${email}: ${response.statusCode} ${response.body}`);
  return sessionClient(test.app, response);
}

export async function emailOf(client: Client): Promise<string> {
  return (await client.ok<{ user: { email: string } }>('GET', '/api/v1/auth/me')).user.email;
}

interface Pipeline {
  id: string;
  stages: { id: string; kind: string }[];
}

/**
 * Fills every table a backup takes: custom fields, tags, an account, contacts, a deal moved through
 * stages with a contact on it, activities, a saved view, a duplicate scan with its pairs and a merge,
 * a member (via an accepted invitation) and a used API token.
 */
export async function fillWorkspace(
  test: TestApp,
  owner: Client,
  label: string,
): Promise<{ apiToken: string }> {
  const api = '/api/v1';
  await owner.ok('POST', `${api}/custom-fields`, {
    recordType: 'contact',
    key: 'linkedin',
    label: 'LinkedIn',
    type: 'url',
  });
  await owner.ok('POST', `${api}/custom-fields`, {
    recordType: 'deal',
    key: 'segment',
    label: 'Segment',
    type: 'multi_select',
    options: ['MKB', 'Enterprise', 'Overheid'],
  });
  await owner.ok('POST', `${api}/tags`, { name: 'Partner', color: '#1c7ed6' });
  const account = await owner.ok<{ id: string }>('POST', `${api}/accounts`, {
    name: `Bakkerij Van Dijk ${label}`,
    domain: `vandijk-${label.toLowerCase()}.nl`,
    annualRevenue: 250_000_000,
    employeeCount: 42,
    foundedYear: 1921,
    technologies: ['Exact Online', 'Shopify'],
    tags: ['Partner', 'Bakkerij'],
  });
  // A person's edit records where the field's value came from (account_field_sources).
  await owner.ok('PATCH', `${api}/accounts/${account.id}`, { city: 'Zwolle' });
  const jan = await owner.ok<{ id: string }>('POST', `${api}/contacts`, {
    firstName: 'Jan',
    lastName: 'de Jong',
    email: `jan.${label.toLowerCase()}@vandijk.nl`,
    accountId: account.id,
    tags: ['Beslisser'],
    custom: { linkedin: 'https://www.linkedin.com/in/jandejong' },
  });
  await owner.ok('PATCH', `${api}/contacts/${jan.id}`, { jobTitle: 'Directeur', lifecycleStage: 'sql' });
  await owner.ok('POST', `${api}/contacts`, {
    firstName: 'Ëlla',
    lastName: "van 't Hof",
    email: `ella.${label.toLowerCase()}@vandijk.nl`,
  });
  const pipeline = (await owner.ok<{ data: Pipeline[] }>('GET', `${api}/pipelines`)).data[0]!;
  const deal = await owner.ok<{ id: string }>('POST', `${api}/deals`, {
    name: `Kassasysteem ${label}`,
    accountId: account.id,
    amount: 1_250_000,
    expectedCloseDate: '2027-03-31',
    tags: ['Q1'],
    custom: { segment: ['MKB', 'Enterprise'] },
  });
  const open = pipeline.stages.filter((stage) => stage.kind === 'open');
  await owner.ok('PATCH', `${api}/deals/${deal.id}`, { stageId: open[1]!.id });
  await owner.ok('PATCH', `${api}/deals/${deal.id}`, {
    stageId: pipeline.stages.find((stage) => stage.kind === 'won')!.id,
  });
  await owner.ok('PUT', `${api}/deals/${deal.id}/contacts/${jan.id}`, { role: 'Beslisser' });
  // Lead scoring: a model of its own, a behaviour event (which scores Jan), then everyone scored.
  await owner.ok('PUT', `${api}/scoring-model`, { ...defaultScoringModel, mqlThreshold: 35 });
  await owner.ok('POST', `${api}/contacts/${jan.id}/events`, { type: 'form_submit', path: '/demo' }, 201);
  await runJobs(test.ctx);
  await owner.ok('POST', `${api}/activities`, {
    type: 'call',
    subject: 'Kennismaking',
    direction: 'outbound',
    outcome: 'connected',
    durationMinutes: 15,
    doneAt: '2026-11-20T09:30:00.123Z',
    contactId: jan.id,
    dealId: deal.id,
  });
  await owner.ok('POST', `${api}/activities`, {
    type: 'task',
    subject: 'Offerte sturen',
    dueAt: '2026-12-01T08:00:00Z',
    accountId: account.id,
  });
  await owner.ok('POST', `${api}/saved-views`, {
    list: 'contacts',
    name: 'Beslissers',
    view: {
      sort: 'lastName',
      filters: [{ field: 'tags', op: 'contains', value: 'Beslisser' }],
      search: '',
      columns: ['name'],
    },
  });
  // Imports: one done (a created contact, a failed row), one only uploaded (its file still kept).
  const importer = await tokenClient(test.app, owner);
  const csv = `Voornaam,E-mailadres\nImke,imke.${label.toLowerCase()}@import.nl\nFout,geen-adres\n`;
  for (const start of [true, false]) {
    const upload = await uploadImportFile(
      test.app,
      importer.headers(),
      'contact',
      'import.csv',
      Buffer.from(csv),
    );
    if (start) await importer.ok('POST', `${api}/imports/${upload.json().id}/start`, {}, 202);
  }
  await runJobs(test.ctx);
  // Duplicates: two spellings of one inbox are found by a scan; two more contacts are merged.
  await owner.ok('POST', `${api}/contacts`, {
    firstName: 'Ella',
    email: `ella.${label.toLowerCase()}@gmail.com`,
  });
  await owner.ok('POST', `${api}/contacts`, {
    firstName: 'Ella',
    email: `ella${label.toLowerCase()}@gmail.com`,
  });
  await scanNow(test, owner);
  const [keep, drop] = [
    await owner.ok<{ id: string }>('POST', `${api}/contacts`, { firstName: 'Piet', lastName: 'Dubbel' }),
    await owner.ok<{ id: string }>('POST', `${api}/contacts`, {
      firstName: 'Piet',
      lastName: 'Dubbel',
      jobTitle: 'Inkoper',
    }),
  ];
  await owner.ok('POST', `${api}/contacts/merge`, { survivorId: keep.id, mergedId: drop.id }, 200);
  await addMember(test.app, owner, 'sales');
  await handOverLeads(test, owner);
  const token = await owner.ok<{ token: string }>('POST', `${api}/api-tokens`, {
    name: 'Boekhouding',
    scope: 'read',
  });
  await bearer(test, token.token).ok('GET', `${api}/accounts`);
  return { apiToken: token.token };
}

/**
 * Leads handed to sales (routed to the owner, one rejected, one left to breach its first-touch
 * deadline, which notifies the owner) and a predictive model trained on a small history.
 */
async function handOverLeads(test: TestApp, owner: Client): Promise<void> {
  const api = '/api/v1';
  const me = await owner.ok<{ user: { id: string } }>('GET', `${api}/auth/me`);
  await owner.ok('PUT', `${api}/lead-routing`, {
    ...defaultLeadRouting,
    userIds: [me.user.id],
    mqlMonthlyTarget: 10,
  });
  const leads: { id: string }[] = [];
  for (const name of ['Mees', 'Noor']) {
    const lead = await owner.ok<{ id: string }>('POST', `${api}/contacts`, {
      firstName: name,
      leadSource: 'Beurs',
    });
    await owner.ok('PATCH', `${api}/contacts/${lead.id}`, { lifecycleStage: 'mql' });
    leads.push(lead);
  }
  const { data } = await owner.ok<{ data: { id: string; contactId: string }[] }>(
    'GET',
    `${api}/lead-handovers`,
  );
  const rejected = data.find((handover) => handover.contactId === leads[0]!.id)!;
  await owner.ok(
    'POST',
    `${api}/lead-handovers/${rejected.id}/decision`,
    { decision: 'reject', reason: 'no_budget' },
    200,
  );
  await slaSweep({ ...test.ctx, now: () => new Date(test.ctx.now().getTime() + 30 * 86_400_000) });
  for (let index = 0; index < 24; index++) {
    await owner.ok('POST', `${api}/contacts`, {
      lastName: `Historie ${index}`,
      persona: index % 3 === 0 ? 'decision_maker' : 'user',
      lifecycleStage: index % 3 === 0 ? 'customer' : 'lead',
    });
  }
  await owner.ok('POST', `${api}/predictive-model/train`, undefined, 200);
  await owner.ok('PUT', `${api}/icp`, {
    fitThreshold: 50,
    criteria: [
      { id: 'bakers', label: 'Bakkers', field: 'industryCode', condition: { op: 'filled' }, weight: 1 },
      { id: 'size', label: '10+', field: 'employeeCount', condition: { op: 'between', min: 10 }, weight: 2 },
    ],
  });
  await runJobs(test.ctx);
  await owner.ok('PUT', `${api}/quotas`, {
    quotas: [{ userId: me.user.id, unit: 'quarter', periodStart: '2027-01-01', amount: 2_000_000 }],
  });
}

/** Every GET answer of the workspace a restore must reproduce, keyed by URL. */
export async function apiAnswers(client: Client): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const get = async (url: string) => {
    answers[url] = await client.ok('GET', `/api/v1${url}`);
    return answers[url] as { data: { id: string }[] };
  };
  const me = await client.ok<Record<string, unknown>>('GET', '/api/v1/auth/me');
  answers['/auth/me'] = { ...me, csrfToken: 'per session' };
  for (const url of [
    '/workspace',
    '/users',
    '/invitations',
    '/api-tokens',
    '/custom-fields',
    '/tags',
    '/saved-views?list=contacts',
    '/duplicates/contacts',
    '/duplicates/scan',
    '/imports',
    '/audit-log?limit=200',
    '/scoring-model',
    '/lifecycle/summary',
    '/lead-routing',
    '/lead-handovers?owner=all',
    '/reports/lead-quality?from=2026-01-01&to=2027-12-31',
    '/reports/service-levels?from=2026-01-01&to=2027-12-31',
    '/notifications',
    '/predictive-model',
    '/icp',
    '/icp/suggestions',
    '/icp/tam',
    '/prospects',
    '/quotas',
    '/quotas/attainment?unit=quarter&date=2027-02-01',
    '/metrics/sales?unit=year&date=2026-06-01',
  ]) {
    await get(url);
  }
  for (const url of [
    '/contacts?q=jong',
    '/accounts?q=dijk',
    '/deals?q=kassa',
    // Typos: found through the dictionary of words, which a restore fills again.
    '/accounts?q=bakkerji',
    '/contacts?q=vandjik',
    '/deals?sort=-amount&filter=amount:gte:1000',
  ]) {
    await get(url);
  }
  for (const { id } of (await get('/pipelines')).data) await get(`/pipelines/${id}`);
  for (const { id } of (await get('/activities?limit=200')).data) await get(`/activities/${id}`);
  for (const path of ['/accounts', '/contacts', '/deals']) {
    for (const { id } of (await get(`${path}?limit=200`)).data) {
      await get(`${path}/${id}`);
      await get(`${path}/${id}/timeline`);
      if (path === '/deals') await get(`${path}/${id}/contacts`);
      if (path === '/accounts') await get(`${path}/${id}/fit`);
      if (path === '/contacts') {
        await get(`${path}/${id}/lifecycle`);
        await get(`${path}/${id}/score`);
        await get(`${path}/${id}/prediction`);
      }
    }
  }
  return answers;
}
