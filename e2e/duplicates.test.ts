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

// One signed-in page reviews a duplicate pair found by a background scan, merges it, undoes the
// merge, merges again, and is warned before creating the same person a third time.
describe('duplicates', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ BAKEN_JOB_POLL_MS: '200' });
    browser = await launchBrowser();
    page = await newPage(browser);
    await setUpWorkspace(page, server.url, 'Kaashandel Gouda', 'joost@gouda.nl');
    const { create } = await apiClient(page, server.url);
    const account = await create('/accounts', { name: 'Kaasboerderij De Jong', city: 'Gouda' });
    await create('/contacts', {
      firstName: 'Marieke',
      lastName: 'de Jong',
      email: 'marieke.dejong@gmail.com',
      accountId: account.id,
    });
    const second = await create('/contacts', {
      firstName: 'Marieke',
      lastName: 'de Jong',
      email: 'mariekedejong@gmail.com',
      jobTitle: 'Eigenaar',
    });
    await create('/activities', { type: 'call', subject: 'Proeverij afgesproken', contactId: second.id });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pairs = () => page.getByTestId('duplicate-pair');

  it('finds the pair with a scan and shows both records side by side with the reason', async () => {
    await page.goto(`${server.url}/duplicates`);
    await page.getByRole('heading', { name: 'Dubbelen' }).waitFor();
    await page.getByRole('button', { name: 'Zoek naar dubbelen' }).click();
    await pairs().first().waitFor({ timeout: 60_000 });
    expect(await pairs().count()).toBe(1);
    await pairs().getByText('zelfde e-mailadres', { exact: false }).waitFor();
    await pairs().getByText('marieke.dejong@gmail.com').waitFor();
    await pairs().getByText('mariekedejong@gmail.com').waitFor();
    await screenshot(page, 'duplicates-review');
  });

  it('merges the pair with a choice per field, and undoes it from the notice', async () => {
    await pairs().getByTestId('open-merge').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Kies de waarden die blijven').waitFor();
    // The job title of the other record is preselected: a filled value beats an empty one.
    await expect(dialog.getByRole('radio', { name: 'Eigenaar' }).isChecked()).resolves.toBe(true);
    await screenshot(page, 'duplicates-merge-dialog');
    await dialog.getByTestId('merge-submit').click();
    await page.getByText('Samengevoegd met Marieke de Jong.').waitFor();
    await page.getByTestId('empty-state').waitFor();
    await screenshot(page, 'duplicates-merged');
    await page.getByTestId('undo-merge').click();
    await page.getByText('Het samenvoegen is ongedaan gemaakt', { exact: false }).waitFor();
    await pairs().first().waitFor();
  });

  it('merges for good: one contact with the activity of both', async () => {
    await pairs().getByTestId('open-merge').click();
    await page.getByRole('dialog').getByTestId('merge-submit').click();
    await page.getByText('Samengevoegd met Marieke de Jong.').waitFor();
    await page.goto(`${server.url}/contacts`);
    await page.getByTestId('record-row').first().waitFor();
    expect(await page.getByTestId('record-row').count()).toBe(1);
    await page.getByTestId('record-row').getByRole('link', { name: 'Marieke de Jong' }).click();
    await page.getByTestId('timeline').getByText('Proeverij afgesproken', { exact: false }).waitFor();
    await screenshot(page, 'duplicates-merged-timeline');
  });

  it('warns before creating the same person again, and creates anyway on request', async () => {
    await page.goto(`${server.url}/contacts`);
    await page.getByRole('button', { name: 'Nieuwe contactpersoon' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Voornaam').fill('Marieke');
    await dialog.getByLabel('E-mail').fill('Marieke.DeJong+beurs@gmail.com');
    await dialog.getByRole('button', { name: 'Contactpersoon aanmaken' }).click();
    await dialog.getByTestId('duplicate-warning').getByText('Marieke de Jong', { exact: false }).waitFor();
    await dialog.getByText('zelfde e-mailadres', { exact: false }).waitFor();
    await screenshot(page, 'duplicates-warning-on-create');
    await dialog.getByTestId('create-anyway').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(2);
  });

  it('counts data health and opens the list filtered to a counted set', async () => {
    await page.goto(`${server.url}/data-health`);
    await page.getByRole('heading', { name: 'Datakwaliteit' }).waitFor();
    const withoutCompany = page.getByTestId('metric-contacts.missingAccount');
    await withoutCompany.getByText('1', { exact: true }).waitFor();
    await screenshot(page, 'data-health');
    await withoutCompany.getByRole('link', { name: 'Toon' }).click();
    await page.waitForURL(/\/contacts\?filter=/);
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(1);
    await screenshot(page, 'data-health-filtered-list');
  });

  it('merges a contact from its own page with a record that looks like it', async () => {
    await page.getByTestId('record-row').getByRole('link', { name: 'Marieke', exact: true }).click();
    await page.getByRole('heading', { name: 'Marieke', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Samenvoegen met…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Samenvoegen met welk record?' });
    const lookalike = chooser.getByTestId('merge-with-lookalike');
    await lookalike.getByText('Marieke de Jong (zelfde e-mailadres', { exact: false }).waitFor();
    await screenshot(page, 'duplicates-merge-with');
    await lookalike.click();
    await page.getByRole('dialog').getByTestId('merge-submit').click();
    await page.getByText('Samengevoegd met Marieke de Jong.').waitFor();
    // The fuller record stays; the page moves to it when this one went.
    await page.getByRole('heading', { name: 'Marieke de Jong' }).waitFor();
    const contacts = await (await page.request.get(`${server.url}/api/v1/contacts`)).json();
    expect(contacts.data).toHaveLength(1);
  });
});
