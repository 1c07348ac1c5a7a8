import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  launchBrowser,
  newPage,
  PASSWORD,
  type RunningServer,
  screenshot,
  setUpWorkspace,
  startServer,
} from './harness.ts';

const EMAIL = 'marit@zeilmakerij.nl';

describe('the lead inbox and the marketing-sales service levels', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await setUpWorkspace(page, server.url, 'Zeilmakerij Hoorn', EMAIL);
    const { me, create } = await apiClient(page, server.url);
    const write = async (method: 'put' | 'patch', path: string, data: object) => {
      const response = await page.request[method](`${server.url}/api/v1${path}`, {
        data,
        headers: { 'x-csrf-token': me.csrfToken },
      });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    };
    await write('put', '/lead-routing', {
      mode: 'round_robin',
      userIds: [me.user.id],
      territories: [],
      firstTouchHours: 24,
      mqlMonthlyTarget: 5,
      workingHours: {
        timeZone: 'Europe/Amsterdam',
        country: 'NL',
        weekdays: [1, 2, 3, 4, 5],
        startMinute: 540,
        endMinute: 1020,
      },
    });
    for (const [firstName, lastName] of [
      ['Anouk', 'Akkoord'],
      ['Ruben', 'Rits'],
      ['Bas', 'Bries'],
    ]) {
      const contact = await create('/contacts', { firstName, lastName, leadSource: 'Boot Holland' });
      await write('patch', `/contacts/${contact.id}`, { lifecycleStage: 'mql' });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('accepts one lead and rejects another with a reason, which marketing then sees', async () => {
    await page.goto(`${server.url}/leads/inbox`);
    const inbox = page.getByTestId('lead-inbox');
    await inbox.getByText('Bas Bries').waitFor();
    const row = (name: string) => inbox.getByRole('row').filter({ hasText: name });
    await row('Anouk Akkoord').getByRole('button', { name: 'Accepteren' }).click();
    await row('Anouk Akkoord').waitFor({ state: 'detached' });

    await row('Ruben Rits').getByRole('button', { name: 'Afwijzen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ruben Rits afwijzen' });
    await dialog.getByRole('combobox', { name: 'Reden', exact: true }).click();
    await page.getByRole('option', { name: 'Geen budget' }).click();
    await dialog.getByLabel('Toelichting voor marketing (optioneel)').fill('Pas volgend seizoen');
    await dialog.getByRole('button', { name: 'Afwijzen' }).click();
    await row('Ruben Rits').waitFor({ state: 'detached' });
    await screenshot(page, 'leads-inbox');

    await page
      .locator('label')
      .filter({ hasText: /^Afgewezen$/ })
      .click();
    await expect.poll(() => row('Ruben Rits').textContent()).toContain('Geen budget — Pas volgend seizoen');

    await page.getByRole('link', { name: 'Serviceniveaus en leadkwaliteit' }).click();
    const quality = page.getByTestId('lead-quality').getByRole('row').filter({ hasText: 'Boot Holland' });
    await expect.poll(() => quality.textContent()).toContain('Geen budget 1');
    const cells = await quality.getByRole('cell').allTextContents();
    // Source, MQLs, accepted (share of those answered), rejected, waiting, won, reasons.
    expect(cells.slice(0, 5)).toEqual(['Boot Holland', '3', '1 (50%)', '1', '1']);
  });

  it('shows a first-touch breach once the deadline has passed, in the inbox, the bell and the report', async () => {
    // Ten days on: Bas has waited far past 24 business hours.
    await server.stop({ keepData: true });
    server = await startServer({ BAKEN_TEST_CLOCK_OFFSET_HOURS: String(10 * 24) }, server.dataDir);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByTestId('user-menu').waitFor();

    await page.goto(`${server.url}/leads/inbox`);
    const bas = page.getByTestId('lead-inbox').getByRole('row').filter({ hasText: 'Bas Bries' });
    // The service level sweep runs once a minute, and straight after the server starts.
    await expect
      .poll(
        async () => {
          await page.reload();
          return bas.textContent();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain('SLA overschreden');

    await page.getByTestId('notifications').click();
    await page.getByTestId('notification-sla_breach').getByText('Bas Bries').waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/leads/service-levels`);
    await expect.poll(() => page.getByTestId('open-breaches').textContent()).toBe('1 open overschrijding');
    await screenshot(page, 'leads-service-levels');
  });

  it('explains the words in the glossary and leads from a term to its page', async () => {
    await page.getByRole('link', { name: 'Woordenlijst' }).click();
    await page.getByRole('textbox', { name: 'Zoek in de woordenlijst' }).fill('werkuren');
    const sla = page.getByTestId('term-sla');
    await sla.getByText('Serviceniveau-afspraak (SLA)').waitFor();
    expect(await page.getByTestId('term-deal').count()).toBe(0);
    await sla.getByRole('link', { name: 'Open in Baken' }).click();
    await page.getByRole('heading', { name: 'Serviceniveaus en leadkwaliteit' }).waitFor();
  });
});
