import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  launchBrowser,
  newPage,
  type RunningServer,
  screenshot,
  setUpWorkspace,
  startServer,
} from './harness.ts';

describe('normalised values in the forms', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let accountId = '';

  const stored = async () =>
    (await (await page.request.get(`${server.url}/api/v1/accounts/${accountId}`)).json()) as Record<
      string,
      unknown
    >;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await setUpWorkspace(page, server.url, 'Rijwielhandel Delft', 'joost@delft.nl');
    const { create } = await apiClient(page, server.url);
    accountId = (await create('/accounts', { name: 'Fietsfabriek Leiden', country: 'NL' })).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a phone number in any form, stores it in E.164 and shows it in national form', async () => {
    await page.goto(`${server.url}/accounts/${accountId}`);
    await page.getByRole('heading', { name: 'Fietsfabriek Leiden' }).waitFor();
    await page.getByRole('button', { name: 'Telefoon wijzigen' }).click();
    await page.getByLabel('Telefoon').fill('+31 (0)20-123 45 67');
    await page.getByLabel('Telefoon').press('Enter');
    await page.getByTestId('field-phone').getByText('020 123 4567').waitFor();
    expect((await stored()).phone).toBe('+31201234567');
    await screenshot(page, 'validation-phone-national');
  });

  it("shows the server's message for a number it cannot read, and keeps the stored one", async () => {
    await page.getByRole('button', { name: 'Telefoon wijzigen' }).click();
    await page.getByLabel('Telefoon').fill('12345');
    await page.getByLabel('Telefoon').press('Enter');
    await page
      .getByText(/Geen geldig telefoonnummer voor NL/)
      .first()
      .waitFor();
    await page.getByTestId('field-phone').getByText('020 123 4567').waitFor();
    expect((await stored()).phone).toBe('+31201234567');
  });

  it('picks an industry code by words of its title and shows the code with its title', async () => {
    await page.getByRole('button', { name: 'Branchecode wijzigen' }).click();
    await page.getByRole('combobox', { name: 'Branchecode' }).fill('software');
    await page
      .getByRole('option', { name: '62.01 Ontwikkelen, produceren en uitgeven van software' })
      .click();
    await page
      .getByTestId('field-industryCode')
      .getByText('62.01 Ontwikkelen, produceren en uitgeven van software')
      .waitFor();
    expect((await stored()).industryCode).toBe('6201');
    await screenshot(page, 'validation-account-fields');
  });

  it('creates a company with an industry code picked by its number', async () => {
    await page.goto(`${server.url}/accounts`);
    await page.getByRole('button', { name: 'Nieuw bedrijf' }).first().click();
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Installatiebedrijf Jansen');
    await page.getByRole('textbox', { name: 'Telefoon', exact: true }).fill('06-12345678');
    await page.getByRole('combobox', { name: 'SBI-code' }).fill('43.22');
    await page.getByRole('option', { name: /^43\.22 Loodgieters/ }).click();
    await screenshot(page, 'validation-new-company');
    await page.getByRole('button', { name: 'Bedrijf aanmaken' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const found = (await (
      await page.request.get(`${server.url}/api/v1/accounts?q=Installatiebedrijf`)
    ).json()) as { data: Record<string, unknown>[] };
    expect(found.data[0]).toMatchObject({ phone: '+31612345678', industryCode: '4322' });
  });
});
