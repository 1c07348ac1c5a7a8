import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  launchBrowser,
  newPage,
  PASSWORD,
  type RunningServer,
  screenshot,
  startServer,
} from './harness.ts';

// The server enriches from a company register file only: no browser test reads a website.
const REGISTER = [
  'KvK-nummer;Handelsnaam;SBI-code;Werkzame personen;Oprichtingsjaar;Straat;Huisnummer;Postcode;Plaats',
  '12345678;Koffiebranderij De Zwaan B.V.;10830;14;1987;Melkmarkt;12;8011 MC;Zwolle',
  '87654321;Theehuis Mokka B.V.;47290;6;2004;Diezerstraat;3;8011 RA;Zwolle',
  '11223344;Brander Noord B.V.;10830;22;1999;Grote Markt;1;9711 LV;Groningen',
].join('\n');

describe('enriching a company', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let folder: string;
  let accountId: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'baken-e2e-register-'));
    const registerFile = join(folder, 'register.csv');
    await writeFile(registerFile, REGISTER);
    server = await startServer({ BAKEN_ENRICHMENT_PROVIDERS: 'register', BAKEN_REGISTER_FILE: registerFile });
    browser = await launchBrowser();
    page = await newPage(browser);
    const setup = await page.request.post(`${server.url}/api/v1/setup`, {
      data: {
        workspaceName: 'Koffie Noord',
        name: 'Anna Bakker',
        email: 'anna@koffie.nl',
        password: PASSWORD,
      },
    });
    expect(setup.status()).toBe(201);
    const { create } = await apiClient(page, server.url);
    await create('/accounts', { name: 'Mokka', kvkNumber: '87654321' });
    await create('/accounts', { name: 'Brander', kvkNumber: '11223344' });
    accountId = (
      await create('/accounts', {
        name: 'De Zwaan',
        kvkNumber: '12345678',
        technologies: ['WordPress', 'Mollie', 'Exact Online'],
      })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('fills empty fields with their source, keeps the typed name, and replaces it when asked', async () => {
    await page.goto(`${server.url}/accounts/${accountId}`);
    await page.getByRole('heading', { name: 'De Zwaan' }).waitFor();
    const technologies = page.getByTestId('technologies');
    await technologies.getByTestId('technologies-cms').getByText('WordPress').waitFor();
    await technologies.getByTestId('technologies-payments').getByText('Mollie').waitFor();
    await technologies.getByTestId('technologies-other').getByText('Exact Online').waitFor();

    await page.getByTestId('enrich').click();
    const result = page.getByTestId('enrich-result');
    await result.waitFor();
    await result.getByText('Bedrijvenregister: gevonden').waitFor();
    expect(await page.getByTestId('enrich-counts').textContent()).toContain('1 bewaard');
    await page.getByTestId('enrich-field-city').getByText('Ingevuld').waitFor();
    await screenshot(page, 'enrichment-result');

    await page.getByTestId('enrich-field-name').getByRole('checkbox').check();
    await page.getByRole('button', { name: '1 veld vervangen' }).click();
    await page.getByTestId('enrich-field-name').getByText('Ingevuld').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('heading', { name: 'Koffiebranderij De Zwaan B.V.' }).waitFor();
    await page.getByTestId('field-city').getByText('Zwolle').waitFor();
    expect(await page.getByTestId('source-city').textContent()).toMatch(/^Bedrijvenregister · /);
    expect(await page.getByTestId('source-employeeCount').textContent()).toMatch(/^Bedrijvenregister · /);
    await page.getByTestId('timeline').getByText('— → Bedrijvenregister (gevonden)').first().waitFor();
    await screenshot(page, 'enrichment-account');
  });

  it('enriches the companies selected in the list in the background and reports when it is done', async () => {
    await page.goto(`${server.url}/accounts`);
    await page.getByRole('checkbox', { name: 'Mokka selecteren' }).check();
    await page.getByRole('checkbox', { name: 'Brander selecteren' }).check();
    await page.getByTestId('bulk-enrich').click();
    await page.getByText('2 bedrijven verrijkt: 2 gewijzigd, 0 niet te lezen.').waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'Groningen' }).waitFor();
    await screenshot(page, 'enrichment-bulk');
  });
});
