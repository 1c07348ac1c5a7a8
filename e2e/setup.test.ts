import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PASSWORD, type RunningServer, screenshot, startServer } from './harness.ts';

describe('first run', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets up the workspace and lands signed in on the deals board', async () => {
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.getByLabel('Naam van je bedrijf of team').fill('Fietsenmakerij Amstel');
    await page.getByLabel('Je naam').fill('Sanne Bakker');
    await page.getByLabel('E-mailadres').fill('sanne@amstel.nl');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await screenshot(page, 'setup');
    await page.getByRole('button', { name: 'Werkruimte aanmaken' }).click();
    await page.waitForURL(/\/deals\/board$/);
    await expect(page.getByText('Fietsenmakerij Amstel')).toBeTruthy();
    await page.getByTestId('user-menu').waitFor();
    await screenshot(page, 'after-setup');
    await page.close();
  });

  it('sends a later visitor to the login page, and signs in', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/contacts`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('E-mailadres').fill('sanne@amstel.nl');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/deals\/board$/);
    expect(await page.getByTestId('user-menu').textContent()).toContain('Sanne Bakker');
    await screenshot(page, 'login');
    await page.close();
  });
});
