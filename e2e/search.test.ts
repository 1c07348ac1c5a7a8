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

describe('global search', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let contactId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await setUpWorkspace(page, server.url, 'Tweewielers Gouda', 'joost@gouda.nl');
    const { create } = await apiClient(page, server.url);
    const account = await create('/accounts', { name: 'Kaasmakerij Gouda', domain: 'kaasgouda.nl' });
    contactId = (
      await create('/contacts', { firstName: 'Wouter', lastName: 'Öztürk', accountId: account.id })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a contact with Ctrl+K, accents and all, and opens it with Enter', async () => {
    await page.goto(`${server.url}/deals/board`);
    await page.getByTestId('user-menu').waitFor();
    await page.keyboard.press('Control+K');
    const search = page.getByPlaceholder('Zoek bedrijven, contactpersonen en deals…');
    await search.waitFor();
    await search.fill('ozt');
    const option = page.getByText('Wouter Öztürk');
    await option.waitFor();
    await screenshot(page, 'search-palette');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/contacts/${contactId}$`));
    expect(page.url()).toContain(contactId);
    await page.getByText('Kaasmakerij Gouda').first().waitFor();
    await screenshot(page, 'search-opened-contact');
  });

  it('says so when nothing matches', async () => {
    await page.keyboard.press('Control+K');
    const search = page.getByPlaceholder('Zoek bedrijven, contactpersonen en deals…');
    await search.fill('xyzzyq');
    await page.getByText('Niets gevonden').waitFor();
    await screenshot(page, 'search-nothing');
    await page.keyboard.press('Escape');
  });
});
