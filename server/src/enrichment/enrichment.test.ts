import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Account } from '@baken/core/accounts/account.schema';
import type { EnrichmentResult, EnrichmentState } from '@baken/core/enrichment/enrichment.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createAccount, expectProblem } from '../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  otherWorkspaceOwner,
  setUpOwner,
  type TestApp,
} from '../../test/harness.ts';
import { JobRunner } from '../platform/jobs/job-runner.ts';
import { enrichAccountsJob } from './enrichment-job.ts';
import { type FixtureSite, fixture, html, startSite } from './website/fixture-site.ts';

// The website provider reads fixture sites on 127.0.0.1, which only this test allows
// (allowPrivateNetwork is set on the test app's config, never from the environment); the register
// is a CSV file written here.

const REGISTER = [
  'KvK-nummer;Handelsnaam;SBI-code;Werkzame personen;Oprichtingsjaar;Straat;Huisnummer;Postcode;Plaats;Website',
  '12345678;Koffiebranderij De Zwaan B.V.;10830;10-49;1987;Melkmarkt;12;8011 MC;Zwolle;dezwaan.example',
  '87654321;Datavloed B.V.;62010;5;2019;Herengracht;1;1015 BA;Amsterdam;',
].join('\n');

const enrich = (client: Client, id: string, body: object = {}) =>
  client.ok<EnrichmentResult>('POST', `/api/v1/accounts/${id}/enrich`, body, 200);
const outcomes = (result: EnrichmentResult) =>
  Object.fromEntries(result.fields.map((field) => [field.field, field.outcome]));
const sourceOf = (result: { sources: EnrichmentState['sources'] }, field: string) =>
  result.sources.find((source) => source.field === field);

describe('account enrichment', () => {
  let test: TestApp;
  let owner: Client;
  let shop: FixtureSite;
  let silent: FixtureSite;
  let folder: string;
  let registerFile: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'baken-register-'));
    registerFile = join(folder, 'register.csv');
    writeFileSync(registerFile, REGISTER);
    test = await createTestApp({
      BAKEN_ENRICHMENT_PROVIDERS: 'register,website',
      BAKEN_REGISTER_FILE: registerFile,
    });
    test.ctx.config.enrichment.allowPrivateNetwork = true;
    test.ctx.config.enrichment.testHosts = { 'dezwaan.nl': '127.0.0.1', 'stilbv.nl': '127.0.0.1' };
    test.ctx.config.enrichment.totalTimeoutMs = 1_000;
    owner = await setUpOwner(test.app);
    shop = await startSite({ '/': html(fixture('webshop.html')) });
    silent = await startSite({ '/': () => undefined });
  });
  afterAll(async () => {
    await test.close();
    await shop.close();
    await silent.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('fills an empty account from its website and the register, with the source and time of each field', async () => {
    const account = await createAccount(owner, {
      name: 'De Zwaan',
      website: `http://dezwaan.nl:${shop.port}/`,
    });
    const result = await enrich(owner, account.id);
    expect(result.providers).toEqual([
      { source: 'register', status: 'found', reason: null, detail: null },
      { source: 'website', status: 'found', reason: null, detail: null },
    ]);
    expect(result.account).toMatchObject({
      name: 'De Zwaan',
      kvkNumber: '12345678',
      industryCode: '10830',
      employeeCount: 10,
      foundedYear: 1987,
      city: 'Zwolle',
      email: 'info@dezwaan.example',
      description: 'Versgebrande koffiebonen uit Zwolle, sinds 1987 in eigen branderij gebrand.',
    });
    expect(result.account.technologies).toEqual(
      expect.arrayContaining([
        'WordPress',
        'WooCommerce',
        'Google Tag Manager',
        'Google Analytics 4',
        'Cookiebot',
        'Mollie',
      ]),
    );
    expect(outcomes(result)).toMatchObject({
      name: 'kept_user_value',
      city: 'applied',
      technologies: 'applied',
    });
    // The register is asked again with the KvK number the website showed, and wins where both found a value.
    expect(sourceOf(result, 'employeeCount')).toMatchObject({ setBy: 'provider', source: 'register' });
    expect(new Date(sourceOf(result, 'employeeCount')!.fetchedAt as string).getTime()).toBe(
      statSync(registerFile).mtime.getTime(),
    );
    expect(sourceOf(result, 'description')).toMatchObject({ setBy: 'provider', source: 'website' });
    expect(sourceOf(result, 'socialLinks')?.value).toEqual({
      instagram: 'https://www.instagram.com/dezwaankoffie',
      linkedin: 'https://www.linkedin.com/company/koffiebranderij-de-zwaan',
      facebook: 'https://www.facebook.com/dezwaankoffie',
      x: 'https://x.com/dezwaankoffie',
    });
    const state = await owner.ok<EnrichmentState>('GET', `/api/v1/accounts/${account.id}/enrichment`);
    expect(state.providers.map((provider) => provider.source)).toEqual(['register', 'website']);
    expect(state.sources).toEqual(result.sources);
  });

  it('keeps what a person typed, and replaces it only for the fields named in overwrite', async () => {
    const account = await createAccount(owner, {
      name: 'Zwaan Koffie',
      website: `http://dezwaan.nl:${shop.port}/`,
      city: 'Kampen',
      description: 'Onze eigen omschrijving',
    });
    const first = await enrich(owner, account.id);
    expect(outcomes(first)).toMatchObject({
      name: 'kept_user_value',
      city: 'kept_user_value',
      description: 'kept_user_value',
      postalCode: 'applied',
    });
    expect(first.fields.find((field) => field.field === 'city')).toMatchObject({
      value: 'Zwolle',
      current: 'Kampen',
      source: 'register',
    });
    expect(first.account).toMatchObject({
      name: 'Zwaan Koffie',
      city: 'Kampen',
      description: 'Onze eigen omschrijving',
    });

    const second = await enrich(owner, account.id, { overwrite: ['city'] });
    expect(second.account).toMatchObject({
      name: 'Zwaan Koffie',
      city: 'Zwolle',
      description: 'Onze eigen omschrijving',
    });
    expect(sourceOf(second, 'city')).toMatchObject({ setBy: 'provider', source: 'register' });

    const all = await enrich(owner, account.id, { overwrite: true });
    expect(all.account).toMatchObject({
      name: 'Koffiebranderij De Zwaan B.V.',
      description: expect.stringMatching(/^Versgebrande/),
    });
  });

  it('marks a field a person changes after enrichment as theirs, and keeps it on the next run', async () => {
    const account = await createAccount(owner, {
      name: 'Zwaan Drie',
      website: `http://dezwaan.nl:${shop.port}/`,
    });
    await enrich(owner, account.id);
    await owner.ok('PATCH', `/api/v1/accounts/${account.id}`, { description: 'Handgeschreven' });
    const state = await owner.ok<EnrichmentState>('GET', `/api/v1/accounts/${account.id}/enrichment`);
    expect(sourceOf(state, 'description')).toMatchObject({
      setBy: 'user',
      source: 'user',
      value: 'Handgeschreven',
    });
    const again = await enrich(owner, account.id);
    expect(outcomes(again).description).toBe('kept_user_value');
    expect(again.account.description).toBe('Handgeschreven');
  });

  it('lets enrichment fill a field again after a person emptied it', async () => {
    const account = await createAccount(owner, {
      name: 'Zwaan Vier',
      website: `http://dezwaan.nl:${shop.port}/`,
    });
    await enrich(owner, account.id);
    await owner.ok('PATCH', `/api/v1/accounts/${account.id}`, { city: null });
    expect(
      sourceOf(await owner.ok<EnrichmentState>('GET', `/api/v1/accounts/${account.id}/enrichment`), 'city'),
    ).toBe(undefined);
    expect((await enrich(owner, account.id)).account.city).toBe('Zwolle');
  });

  it('keeps technologies a person added next to the detected ones', async () => {
    const account = await createAccount(owner, {
      name: 'Zwaan Vijf',
      website: `http://dezwaan.nl:${shop.port}/`,
      technologies: ['Exact Online'],
    });
    const result = await enrich(owner, account.id);
    expect(result.account.technologies[0]).toBe('Exact Online');
    expect(result.account.technologies).toContain('WordPress');
    expect(sourceOf(result, 'technologies')?.value).not.toContain('Exact Online');
  });

  it('looks an account up in the register by its KvK number alone', async () => {
    const account = await createAccount(owner, { name: 'Datavloed', kvkNumber: '87654321' });
    const result = await enrich(owner, account.id);
    expect(result.providers).toEqual([
      { source: 'register', status: 'found', reason: null, detail: null },
      {
        source: 'website',
        status: 'skipped',
        reason: 'no_keys',
        detail: 'Nothing to look the company up by.',
      },
    ]);
    expect(result.account).toMatchObject({ industryCode: '62010', employeeCount: 5, city: 'Amsterdam' });
  });

  it('reports a site that does not answer as a failed source, with the reason, and still records the run', async () => {
    const account = await createAccount(owner, {
      name: 'Stil BV',
      website: `http://stilbv.nl:${silent.port}/`,
    });
    const result = await enrich(owner, account.id);
    expect(result.providers).toEqual([
      {
        source: 'register',
        status: 'skipped',
        reason: 'no_keys',
        detail: 'Nothing to look the company up by.',
      },
      {
        source: 'website',
        status: 'failed',
        reason: 'timeout',
        detail: `stilbv.nl:${silent.port} did not answer within 1 s; Baken gave up.`,
      },
    ]);
    expect(result.fields).toEqual([]);
    const trail = await auditOf(owner, account.id);
    expect(trail.at(-1)?.changes).toEqual({
      enrichedFrom: { from: null, to: 'register: skipped, website: failed' },
    });
  });

  it('writes the changed fields and the run to the audit log under the user who asked', async () => {
    const account = await createAccount(owner, {
      name: 'Zwaan Zes',
      website: `http://dezwaan.nl:${shop.port}/`,
    });
    await enrich(owner, account.id);
    const trail = await auditOf(owner, account.id);
    expect(trail.map((entry) => entry.action)).toEqual(['create', 'update', 'update']);
    expect(trail[1]!.changes).toMatchObject({
      city: { from: null, to: 'Zwolle' },
      kvkNumber: { from: null, to: '12345678' },
    });
    expect(trail[2]!.changes).toMatchObject({
      enrichedFrom: { from: null, to: 'register: found, website: found' },
      language: { from: null, to: 'nl' },
    });
    const me = await owner.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me');
    expect(
      trail.every((entry) => (entry as unknown as { actorUserId: string }).actorUserId === me.user.id),
    ).toBe(true);
  });

  it('needs the right to change the account', async () => {
    const account = await createAccount(owner, {
      name: 'Zwaan Zeven',
      website: `http://dezwaan.nl:${shop.port}/`,
    });
    const viewer = await addMember(test.app, owner, 'viewer');
    const sales = await addMember(test.app, owner, 'sales');
    expectProblem(await viewer.post(`/api/v1/accounts/${account.id}/enrich`, {}), 403);
    expectProblem(await sales.post(`/api/v1/accounts/${account.id}/enrich`, {}), 403);
    expect(
      (await viewer.ok<EnrichmentState>('GET', `/api/v1/accounts/${account.id}/enrichment`)).sources,
    ).toEqual([]);
  });

  it('answers 404 for an account of another workspace, for enrich and for its sources', async () => {
    const account = await createAccount(owner, {
      name: 'Zwaan Acht',
      website: `http://dezwaan.nl:${shop.port}/`,
    });
    const other = await otherWorkspaceOwner(test, 'Ander BV');
    expectProblem(await other.post(`/api/v1/accounts/${account.id}/enrich`, {}), 404);
    expectProblem(await other.get(`/api/v1/accounts/${account.id}/enrichment`), 404);
    expect((await owner.ok<Account>('GET', `/api/v1/accounts/${account.id}`)).city).toBeNull();
  });

  it('refuses an unknown field in overwrite, naming it', async () => {
    const account = await createAccount(owner, { name: 'Zwaan Negen' });
    expectProblem(
      await owner.post(`/api/v1/accounts/${account.id}/enrich`, { overwrite: ['shoeSize'] }),
      422,
      'overwrite',
    );
  });
  describe('in the background', () => {
    const run = (id: string) =>
      owner.ok<{ state: string; done: number; changed: number; failed: number; total: number | null }>(
        'GET',
        `/api/v1/accounts/enrichment-runs/${id}`,
      );
    const drain = () =>
      new JobRunner(test.ctx, [enrichAccountsJob], { pollMs: 50, leaseSeconds: 30 }).drain();

    it('enriches the accounts given by id as the system, keeping who asked with the field sources', async () => {
      const a = await createAccount(owner, { name: 'Bulk Een', website: `http://dezwaan.nl:${shop.port}/` });
      const b = await createAccount(owner, {
        name: 'Bulk Twee',
        website: `http://stilbv.nl:${silent.port}/`,
      });
      const started = await owner.ok<{ id: string }>(
        'POST',
        '/api/v1/accounts/enrich',
        { ids: [a.id, b.id] },
        202,
      );
      expect(await run(started.id)).toMatchObject({ state: 'created', done: 0, total: 2 });
      expect(await drain()).toBe(1);
      expect(await run(started.id)).toEqual({
        id: started.id,
        state: 'completed',
        done: 2,
        changed: 1,
        failed: 1,
        total: 2,
      });
      expect((await owner.ok<Account>('GET', `/api/v1/accounts/${a.id}`)).city).toBe('Zwolle');
      const trail = await auditOf(owner, a.id);
      expect((trail.at(-1) as unknown as { actorUserId: string | null }).actorUserId).toBeNull();
      const me = await owner.ok<{ user: { id: string } }>('GET', '/api/v1/auth/me');
      const sources = await test.ctx.db
        .selectFrom('accountFieldSources')
        .select('userId')
        .where('accountId', '=', a.id)
        .execute();
      expect(new Set(sources.map((source) => source.userId))).toEqual(new Set([me.user.id]));
      expect((await auditOf(owner, started.id)).map((entry) => entry.action)).toEqual(['create', 'update']);
    });

    it('enriches every account a list filter selects', async () => {
      const tag = `bulk-${Date.now()}`;
      const ids = [];
      for (const name of ['Filter Een', 'Filter Twee', 'Filter Drie'])
        ids.push(
          (await createAccount(owner, { name, website: `http://dezwaan.nl:${shop.port}/`, tags: [tag] })).id,
        );
      const started = await owner.ok<{ id: string }>(
        'POST',
        '/api/v1/accounts/enrich',
        { filter: `tags:contains:${tag}` },
        202,
      );
      await drain();
      expect(await run(started.id)).toMatchObject({
        state: 'completed',
        done: 3,
        changed: 3,
        failed: 0,
        total: null,
      });
      for (const id of ids)
        expect((await owner.ok<Account>('GET', `/api/v1/accounts/${id}`)).kvkNumber).toBe('12345678');
    });

    it('takes a manager or above, and hides a run from another workspace', async () => {
      const sales = await addMember(test.app, owner, 'sales');
      expectProblem(await sales.post('/api/v1/accounts/enrich', { filter: 'name:eq:x' }), 403);
      const started = await owner.ok<{ id: string }>(
        'POST',
        '/api/v1/accounts/enrich',
        { filter: 'name:eq:niemand' },
        202,
      );
      const other = await otherWorkspaceOwner(test, 'Derde BV');
      expectProblem(await other.get(`/api/v1/accounts/enrichment-runs/${started.id}`), 404);
      await drain();
    });

    it('refuses ids together with a filter', async () => {
      expectProblem(
        await owner.post('/api/v1/accounts/enrich', {
          ids: ['01900000-0000-7000-8000-000000000000'],
          filter: 'name:eq:x',
        }),
        422,
        'ids',
      );
    });
  });
});

describe('account enrichment switched off', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it('answers 409 when no providers are configured, and lists none', async () => {
    const account = await createAccount(owner, { name: 'Uit BV', domain: 'uit.nl' });
    const response = await owner.post(`/api/v1/accounts/${account.id}/enrich`, {});
    expectProblem(response, 409);
    expect(response.json().detail).toContain('BAKEN_ENRICHMENT_PROVIDERS');
    expect(
      (await owner.ok<EnrichmentState>('GET', `/api/v1/accounts/${account.id}/enrichment`)).providers,
    ).toEqual([]);
  });
});

describe('on-demand enrichment per user', () => {
  let test: TestApp;
  let owner: Client;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'baken-register-'));
    writeFileSync(join(folder, 'register.csv'), REGISTER);
    test = await createTestApp({
      BAKEN_ENRICHMENT_PROVIDERS: 'register',
      BAKEN_REGISTER_FILE: join(folder, 'register.csv'),
      BAKEN_ENRICHMENT_RATE_LIMIT: '2',
    });
    owner = await setUpOwner(test.app);
  });
  afterAll(async () => {
    await test.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is limited per user and minute, with a 429 problem that says when to try again', async () => {
    const account = await createAccount(owner, { name: 'Datavloed', kvkNumber: '87654321' });
    await enrich(owner, account.id);
    await enrich(owner, account.id);
    const limited = await owner.post(`/api/v1/accounts/${account.id}/enrich`, {});
    expectProblem(limited, 429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another user of the workspace has a count of their own.
    const colleague = await addMember(test.app, owner, 'manager');
    expect((await enrich(colleague, account.id)).fields.length).toBeGreaterThan(0);
  });
});
