import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// A small file as a Dutch spreadsheet saves it: semicolons, Dutch headers, one row whose email is no
// email, and one column ("Rol binnen bedrijf") whose header the automatic mapping does not know.
const CSV = [
  'Voornaam;Achternaam;E-mailadres;Bedrijfsnaam;Rol binnen bedrijf',
  'Jan;de Vries;jan@devries.nl;De Vries Installatietechniek;Directeur',
  'Eva;Bakker;eva@bakkerbouw.nl;Bakker Bouw;Inkoper',
  'Daan;Visser;geen-email-adres;Visser Transport;Planner',
  'Noor;Smit;noor@smitenzn.nl;Smit & Zn;Eigenaar',
].join('\r\n');

// One signed-in page walks through an import the way a user would, so each step builds on the last.
describe('imports', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let file: string;
  let importUrl: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baken-e2e-import-'));
    file = join(dir, 'klanten.csv');
    await writeFile(file, CSV);
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await setUpWorkspace(page, server.url, 'Installatiebedrijf Zwolle', 'joost@zwolle.nl');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('uploads a file from the import page, reachable from the navigation', async () => {
    await page.goto(`${server.url}/contacts`);
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByTestId('imports-empty').waitFor();
    await screenshot(page, 'imports-empty');

    await page.getByLabel('Bestand om te importeren').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('import-file').textContent())
      .toMatch(/^klanten\.csv \(\d+ B\)$/);
    await screenshot(page, 'imports-file-chosen');
    await page.getByRole('button', { name: 'Uploaden en kolommen koppelen' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    importUrl = page.url();
    await page.getByRole('heading', { name: 'klanten.csv' }).waitFor();
  });

  it('maps the recognised columns and lets the user map the one it did not know', async () => {
    const rows = page.getByTestId('mapping-row');
    await expect.poll(() => rows.count()).toBe(5);
    // The four Dutch headers were recognised and are marked so.
    await expect
      .poll(() => page.getByTestId('import-mapping').getByText('Herkend', { exact: true }).count())
      .toBe(4);
    const unknown = page.getByRole('combobox', { name: 'Veld voor kolom Rol binnen bedrijf', exact: true });
    expect(await unknown.inputValue()).toBe('Niet importeren');
    expect(
      await page.getByRole('combobox', { name: 'Veld voor kolom E-mailadres', exact: true }).inputValue(),
    ).toBe('E-mailadres');
    await unknown.click();
    await unknown.fill('Funct');
    await page.getByRole('option', { name: 'Functie', exact: true }).click();
    await expect.poll(() => unknown.inputValue()).toBe('Functie');
    // Saved on the server: a reload shows it too.
    await page.reload();
    await expect
      .poll(() =>
        page.getByRole('combobox', { name: 'Veld voor kolom Rol binnen bedrijf', exact: true }).inputValue(),
      )
      .toBe('Functie');
    await screenshot(page, 'imports-mapping');
  });

  it('runs a dry run that counts what would happen and names the bad row', async () => {
    await page.getByRole('button', { name: 'Proefimport uitvoeren' }).click();
    const result = page.getByTestId('check-result');
    await result.waitFor({ timeout: 30_000 });
    const problems = page.getByTestId('check-problems').getByRole('row');
    await expect.poll(() => problems.count()).toBe(2);
    const problem = (await problems.nth(1).textContent()) ?? '';
    // Numbered as the spreadsheet numbers its rows (the header is row 1), naming the column.
    expect(problem).toMatch(/^4/);
    expect(problem).toMatch(/E-mailadres/);
    expect(await result.textContent()).toMatch(/Nieuw3/);
    expect(await result.textContent()).toMatch(/Mislukt1/);
    // Nothing was written.
    const contacts = await (await page.request.get(`${server.url}/api/v1/contacts`)).json();
    expect(contacts.data).toHaveLength(0);
    await screenshot(page, 'imports-dry-run');
  });

  it('imports with a progress bar that reaches the end, and offers the error report', async () => {
    await page.getByRole('button', { name: 'Import starten' }).click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    await screenshot(page, 'imports-running');
    await page.getByTestId('import-completed').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('data-done')).toBe('4');
    expect(await progress.getAttribute('data-total')).toBe('4');
    expect(await page.getByTestId('import-progress-text').textContent()).toBe('4 van 4 rijen');
    expect(await page.getByTestId('run-counts').textContent()).toMatch(/Nieuw3.*Mislukt1/);
    // Completing the import queued a scan for duplicates; the page says what it found.
    await expect
      .poll(() => page.getByTestId('import-duplicates').textContent(), { timeout: 30_000 })
      .toMatch(/Na de import is gezocht naar dubbele records/);
    await screenshot(page, 'imports-completed');

    const report = page.getByRole('link', { name: 'Foutenrapport downloaden (CSV)' });
    const href = await report.getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/imports\/[0-9a-f-]{36}\/errors$/);
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain('geen-email-adres');
    expect(text).toContain('Visser');
    expect(text).not.toContain('jan@devries.nl');

    const contacts = await (await page.request.get(`${server.url}/api/v1/contacts`)).json();
    expect(contacts.data).toHaveLength(3);
    // Someone changes one of the imported contacts: the undo must say so first.
    const { me } = await apiClient(page, server.url);
    const jan = contacts.data.find((contact: { email: string }) => contact.email === 'jan@devries.nl');
    const changed = await page.request.patch(`${server.url}/api/v1/contacts/${jan.id}`, {
      data: { jobTitle: 'Algemeen directeur' },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(changed.status()).toBe(200);

    // The contact's timeline names the import and its row, and leads back to the import.
    await page.goto(`${server.url}/contacts/${jan.id}`);
    const entry = page.getByRole('link', { name: 'Aangemaakt door import klanten.csv, rij 2' });
    await entry.waitFor();
    await screenshot(page, 'imports-contact-timeline');
    await entry.click();
    await page.getByRole('button', { name: 'Import ongedaan maken' }).waitFor();
  });

  it('undoes the import after a confirmation, also when records changed since', async () => {
    await page.getByRole('button', { name: 'Import ongedaan maken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import ongedaan maken?' });
    await dialog.waitFor();
    await screenshot(page, 'imports-undo-confirm');
    await dialog.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
    // The server refuses (409) and says why, in Dutch; the dialog offers to undo anyway.
    await dialog.getByTestId('undo-error').waitFor();
    await screenshot(page, 'imports-undo-changed-since');
    await dialog.getByRole('button', { name: 'Toch ongedaan maken' }).click();
    await page.getByTestId('import-undone').waitFor();
    await screenshot(page, 'imports-undone');
    const contacts = await (await page.request.get(`${server.url}/api/v1/contacts`)).json();
    expect(contacts.data).toHaveLength(0);

    // The list of imports shows it with its status and counts, and links to it.
    await page.getByRole('link', { name: 'Alle imports' }).click();
    const row = page.getByTestId('import-row');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/klanten\.csv.*Contactpersonen.*Ongedaan gemaakt/);
    await screenshot(page, 'imports-list');
    await row.getByRole('link', { name: 'klanten.csv' }).click();
    await page.waitForURL(importUrl);
  });
});
