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

// One signed-in page walks through the lists the way a user would, so each step builds on the last.
describe('record lists', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.goto(server.url);
    await page.getByLabel('Naam van je bedrijf of team').fill('Fietsenmakerij Amstel');
    await page.getByLabel('Je naam').fill('Sanne Bakker');
    await page.getByLabel('E-mailadres').fill('sanne@amstel.nl');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Werkruimte aanmaken' }).click();
    await page.waitForURL(/\/deals\/board$/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rows = () => page.getByTestId('record-row');

  it('teaches what to do on an empty list, and creates a company through the form', async () => {
    await page.goto(`${server.url}/accounts`);
    await page.getByTestId('empty-state').waitFor();
    await screenshot(page, 'lists-empty-accounts');
    await page.getByRole('button', { name: 'Nieuw bedrijf' }).first().click();
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Bakkerij Jansen');
    await page.getByRole('textbox', { name: 'Domein', exact: true }).fill('geen domein');
    await page.getByRole('textbox', { name: 'Plaats', exact: true }).fill('Utrecht');
    await page.getByRole('button', { name: 'Bedrijf aanmaken' }).click();
    // The server's problem+json names the field, in the user's language; the form shows its message
    // next to that input.
    await page.getByText(/^Vul een domein in zoals acme\.nl/).waitFor();
    await page.getByRole('textbox', { name: 'Domein', exact: true }).fill('bakkerijjansen.nl');
    await page.getByRole('button', { name: 'Bedrijf aanmaken' }).click();
    await rows().filter({ hasText: 'Bakkerij Jansen' }).waitFor();
    await screenshot(page, 'lists-account-created');
  });

  it('creates a contact on that company and finds it by search', async () => {
    await page.goto(`${server.url}/contacts`);
    await page.getByRole('button', { name: 'Nieuwe contactpersoon' }).first().click();
    await page.getByRole('textbox', { name: 'Voornaam', exact: true }).fill('Jan');
    await page.getByRole('textbox', { name: 'Achternaam', exact: true }).fill('Jansen');
    await page.getByLabel('E-mail', { exact: true }).fill('jan@bakkerijjansen.nl');
    await page.getByLabel('Telefoon', { exact: true }).fill('06-1234 5678');
    await page.getByRole('combobox', { name: 'Bedrijf' }).fill('Bakk');
    await page.getByRole('option', { name: 'Bakkerij Jansen' }).click();
    await page.getByRole('button', { name: 'Contactpersoon aanmaken' }).click();
    const row = rows().filter({ hasText: 'Jan Jansen' });
    await row.waitFor();
    await row.getByText('Bakkerij Jansen').waitFor();
    await page.getByLabel('Zoek op naam of e-mail').fill('jan');
    await row.waitFor();
    await screenshot(page, 'lists-contact-found');
    const stored = (await (await page.request.get(`${server.url}/api/v1/contacts?q=jansen`)).json()) as {
      data: { phone: string | null }[];
    };
    expect(stored.data.map((contact) => contact.phone)).toEqual(['+31612345678']);
  });

  it('sorts by a column and filters', async () => {
    for (const name of ['Autobedrijf Noord', 'Zonnepanelen Zuid']) {
      await page.goto(`${server.url}/accounts`);
      await page.getByRole('button', { name: 'Nieuw bedrijf' }).first().click();
      await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(name);
      await page.getByRole('button', { name: 'Bedrijf aanmaken' }).click();
      await rows().filter({ hasText: name }).waitFor();
    }
    await expect.poll(() => rows().first().textContent()).toContain('Autobedrijf Noord');
    await page.getByRole('button', { name: 'Sorteren op Naam' }).click();
    await expect.poll(() => rows().first().textContent()).toContain('Zonnepanelen Zuid');
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('button', { name: 'Filter toevoegen' }).click();
    // The first filterable field of companies is the name; switch it to the city.
    await page.getByRole('combobox', { name: 'Veld' }).click();
    await page.getByRole('option', { name: 'Plaats' }).click();
    await page.getByRole('combobox', { name: 'Voorwaarde' }).click();
    await page.getByRole('option', { name: 'bevat' }).click();
    await page.getByRole('textbox', { name: 'Waarde' }).fill('Utrecht');
    await expect.poll(() => rows().count()).toBe(1);
    await screenshot(page, 'lists-filtered');
    await page.keyboard.press('Escape');
  });

  it('adds a tag to selected companies and deletes them after confirming', async () => {
    await page.goto(`${server.url}/accounts`);
    await rows().filter({ hasText: 'Zonnepanelen Zuid' }).waitFor();
    await page.getByLabel('Autobedrijf Noord selecteren').check();
    await page.getByLabel('Zonnepanelen Zuid selecteren').check();
    await page.getByRole('button', { name: 'Tag toevoegen' }).click();
    await page.getByLabel('Tag', { exact: true }).fill('beurs-2026');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.getByText('Alle records zijn verwerkt.').waitFor();
    await page.getByRole('button', { name: 'Sluiten' }).last().click();
    await expect.poll(() => rows().filter({ hasText: 'beurs-2026' }).count()).toBe(2);
    await screenshot(page, 'lists-tagged');

    await page.getByLabel('Autobedrijf Noord selecteren').check();
    await page.getByLabel('Zonnepanelen Zuid selecteren').check();
    await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await page.getByText('2 records verwijderen? Dit kan niet ongedaan worden gemaakt.').waitFor();
    await screenshot(page, 'lists-confirm-delete');
    await page.getByRole('button', { name: '2 records verwijderen' }).click();
    await page.getByText('Alle records zijn verwerkt.').waitFor();
    await page.getByRole('button', { name: 'Sluiten' }).last().click();
    await expect.poll(() => rows().count()).toBe(1);
    await screenshot(page, 'lists-after-delete');
  });

  /** The same user signed in in a fresh browser context: no cookies, no localStorage of the first. */
  async function secondBrowser(): Promise<Page> {
    const other = await newPage(browser);
    const login = await other.request.post(`${server.url}/api/v1/auth/login`, {
      data: { email: 'sanne@amstel.nl', password: PASSWORD },
    });
    if (!login.ok()) throw new Error(`login: ${login.status()} ${await login.text()}`);
    return other;
  }

  const viewsMenu = (on: Page) => on.getByRole('button', { name: 'Weergaven' });

  it('keeps a saved view with the account: a second browser of the same user opens it', async () => {
    await page.goto(`${server.url}/contacts`);
    await rows().filter({ hasText: 'Jan Jansen' }).waitFor();
    await page.getByLabel('Zoek op naam of e-mail').fill('jansen');
    await viewsMenu(page).click();
    await page.getByRole('menuitem', { name: 'Huidige weergave opslaan…' }).click();
    await page.getByLabel('Naam van de weergave').fill('Familie Jansen');
    await screenshot(page, 'lists-save-view');
    await page.getByRole('button', { name: 'Weergave opslaan' }).click();
    await page.getByText('Weergave Familie Jansen opgeslagen.').waitFor();

    const other = await secondBrowser();
    await other.goto(`${server.url}/contacts`);
    await other.getByTestId('record-row').first().waitFor();
    expect(await other.getByLabel('Zoek op naam of e-mail').inputValue()).toBe('');
    await viewsMenu(other).click();
    await other.getByRole('menuitem', { name: 'Familie Jansen' }).click();
    await expect.poll(() => other.getByLabel('Zoek op naam of e-mail').inputValue()).toBe('jansen');
    await screenshot(other, 'lists-view-in-second-browser');

    // Deleting offers an undo, which brings the view back for both browsers.
    await viewsMenu(other).click();
    await other.getByRole('button', { name: 'Weergave Familie Jansen verwijderen' }).click();
    await other.getByRole('menuitem', { name: 'Familie Jansen' }).waitFor({ state: 'detached' });
    await other.getByText('Weergave Familie Jansen verwijderd.').waitFor();
    await screenshot(other, 'lists-view-deleted-undo');
    await other.getByRole('button', { name: 'Ongedaan maken' }).click();
    await other.getByRole('menuitem', { name: 'Familie Jansen' }).waitFor();
    await page.reload();
    await viewsMenu(page).click();
    await page.getByRole('menuitem', { name: 'Familie Jansen' }).waitFor();
    await page.keyboard.press('Escape');
    await other.context().close();
  });

  it('moves the views an older version kept in this browser to the account, once', async () => {
    const other = await secondBrowser();
    const { me } = await apiClient(other, server.url);
    const key = `baken.views.${me.user.id}.accounts`;
    const local = [
      {
        name: 'Uit Utrecht',
        view: {
          sort: 'name',
          filters: [{ field: 'city', op: 'contains', value: 'Utrecht' }],
          search: 'bakkerij',
          columns: ['name'],
        },
      },
    ];
    // Written on a page of the same origin that does not run the app, so the upload waits for the list.
    await other.goto(`${server.url}/api/v1/health`);
    await other.evaluate(([storageKey, views]) => localStorage.setItem(storageKey, views), [
      key,
      JSON.stringify(local),
    ] as const);
    await other.goto(`${server.url}/accounts`);
    await other
      .getByText('1 opgeslagen weergave uit deze browser wordt nu bij je account bewaard.')
      .waitFor();
    expect(await other.evaluate((storageKey) => localStorage.getItem(storageKey), key)).toBeNull();
    await other.reload();
    await viewsMenu(other).click();
    await other.getByRole('menuitem', { name: 'Uit Utrecht' }).click();
    await expect.poll(() => other.getByLabel('Zoek op naam of domein').inputValue()).toBe('bakkerij');
    await other.context().close();

    await page.goto(`${server.url}/accounts`);
    await viewsMenu(page).click();
    await page.getByRole('menuitem', { name: 'Uit Utrecht' }).waitFor();
    await screenshot(page, 'lists-views-moved-to-account');
    await page.keyboard.press('Escape');
  });

  it('exports the current view through the server, as CSV or Excel', async () => {
    await page.goto(`${server.url}/contacts`);
    await rows().first().waitFor();
    await page.getByLabel('Zoek op naam of e-mail').fill('jansen');
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const csv = page.getByRole('menuitem', { name: 'CSV (voor elk programma)' });
    // The links carry the view's search, so the server exports what the list shows.
    await expect.poll(() => csv.getAttribute('href')).toMatch(/jansen/);
    await screenshot(page, 'lists-export-menu');
    const csvHref = (await csv.getAttribute('href')) ?? '';
    expect(csvHref).toMatch(/^\/api\/v1\/exports\?list=contacts&format=csv&lang=nl&/);
    const file = await page.request.get(`${server.url}${csvHref}`);
    expect(file.status()).toBe(200);
    const text = await file.text();
    expect(text).toMatch(/Voornaam/);
    expect(text).toContain('jan@bakkerijjansen.nl');
    const xlsxHref = await page.getByRole('menuitem', { name: 'Excel (XLSX)' }).getAttribute('href');
    expect(xlsxHref).toMatch(/format=xlsx/);
    const workbook = await page.request.get(`${server.url}${xlsxHref}`);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toMatch(/spreadsheetml/);
    await page.keyboard.press('Escape');
  });
});
