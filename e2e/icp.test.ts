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

describe('the ideal customer profile, the market and the prospects', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const prospects: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await setUpWorkspace(page, server.url, 'Softwarehuis Zwolle', 'lotte@softwarehuis.nl');
    const { create } = await apiClient(page, server.url);
    const pipelines = await (await page.request.get(`${server.url}/api/v1/pipelines`)).json();
    const won = pipelines.data[0].stages.find((stage: { kind: string }) => stage.kind === 'won').id;
    // Customers: the four worth most are software companies; four small shops bought little.
    for (let index = 0; index < 8; index++) {
      const software = index < 4;
      const account = await create('/accounts', {
        name: software ? `Codefabriek ${index}` : `Winkel ${index}`,
        industryCode: software ? '62010' : '47190',
        employeeCount: software ? 80 : 4,
        country: 'NL',
      });
      await create('/deals', {
        name: `Licentie ${index}`,
        accountId: account.id,
        stageId: won,
        amount: software ? 4_000_000 : 50_000,
      });
    }
    for (const name of ['Appbouwers Deventer', 'Datadenkers Kampen']) {
      prospects.push(
        (await create('/accounts', { name, industryCode: '62020', employeeCount: 30, country: 'NL' })).id,
      );
    }
    await create('/accounts', {
      name: 'Bakker Hattem',
      industryCode: '10710',
      employeeCount: 6,
      country: 'NL',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adopts a trait of the best customers, saves the profile and sizes the market', async () => {
    await page.goto(`${server.url}/settings/icp`);
    const suggestion = page.getByTestId('icp-suggestion-industry-62');
    await suggestion.getByRole('button', { name: 'Aan profiel toevoegen' }).click();
    await expect.poll(() => page.getByTestId('icp-criteria').getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Opslaan en opnieuw scoren' }).click();
    await page.getByText('Opgeslagen: alle bedrijven worden opnieuw gescoord.').waitFor();
    // Software companies fit (the four customers and the two prospects), the others do not.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId('tam-database').textContent();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toContain('6goed voor');
    await screenshot(page, 'icp-profile');
  });

  it('lists the matching companies without a deal as prospects, and explains a fit on the company', async () => {
    await page.getByRole('link', { name: 'Prospects' }).click();
    const table = page.getByTestId('prospects');
    for (const id of prospects) await table.getByTestId(`prospect-${id}`).waitFor();
    expect(await table.getByText('Codefabriek 0').count()).toBe(0);
    expect(await table.getByText('Bakker Hattem').count()).toBe(0);
    await table.getByRole('link', { name: 'Appbouwers Deventer' }).click();
    await expect.poll(() => page.getByTestId('account-fit-score').textContent()).toBe('100');
  });
});
