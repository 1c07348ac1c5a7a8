import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PASSWORD, type RunningServer, screenshot, startServer } from './harness.ts';

const OWNER = { name: 'Sanne Bakker', email: 'sanne@amstel.nl' };
const VIEWER = { name: 'Joost Visser', email: 'joost@amstel.nl' };

async function setUpWorkspace(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Naam van je bedrijf of team').fill('Fietsenmakerij Amstel');
  await page.getByLabel('Je naam').fill(OWNER.name);
  await page.getByLabel('E-mailadres').fill(OWNER.email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Werkruimte aanmaken' }).click();
  await page.waitForURL(/\/deals\/board$/);
}

/** Picks an option of a Mantine Select: the options live in a portal, named like their label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const navLink = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true });

describe('settings', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    owner = await newPage(browser);
    await setUpWorkspace(owner, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('switches to English on the profile page, stays English after a reload, and back to Dutch', async () => {
    await owner.goto(`${server.url}/settings/profile`);
    await owner.getByRole('heading', { name: 'Profiel' }).waitFor();
    await owner.getByTestId('profile-language').getByText('English').click();
    await navLink(owner, 'Companies').waitFor();
    await owner.getByRole('heading', { name: 'Profile' }).waitFor();
    await screenshot(owner, 'settings-profile-english');

    await owner.reload();
    await navLink(owner, 'Companies').waitFor();
    const me = await (await owner.request.get(`${server.url}/api/v1/auth/me`)).json();
    expect(me.user.locale).toBe('en');

    await owner.getByTestId('profile-language').getByText('Nederlands').click();
    await navLink(owner, 'Bedrijven').waitFor();
    await owner.getByRole('heading', { name: 'Profiel' }).waitFor();
    await screenshot(owner, 'settings-profile-dutch');
  });

  it('creates an API token and shows its secret once', async () => {
    await owner.goto(`${server.url}/settings/api-tokens`);
    await owner.getByLabel('Naam').fill('Boekhouding');
    await choose(owner, 'Rechten', 'Lezen en schrijven');
    await owner.getByRole('button', { name: 'Token aanmaken' }).click();
    const secret = (await owner.getByTestId('copy-once-value').textContent()) ?? '';
    expect(secret).toMatch(/^bkn/);
    await owner.getByTestId('api-tokens-table').getByText('Boekhouding').waitFor();
    await screenshot(owner, 'settings-api-token-created');

    const withToken = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(withToken.status).toBe(200);

    await owner.reload();
    await owner.getByTestId('api-tokens-table').getByText('Boekhouding').waitFor();
    expect(await owner.getByTestId('copy-once-value').count()).toBe(0);
  });

  it('invites a viewer, who accepts the invitation in a second browser', async () => {
    await owner.goto(`${server.url}/settings/users`);
    await owner.getByRole('textbox', { name: 'E-mailadres', exact: true }).fill(VIEWER.email);
    await choose(owner, 'Rol', 'Kijker');
    await owner.getByRole('button', { name: 'Uitnodigen' }).click();
    const link = (await owner.getByTestId('copy-once-value').textContent()) ?? '';
    await owner.getByTestId('invitations-table').getByText(VIEWER.email).waitFor();
    await screenshot(owner, 'settings-invitation');
    // The link carries the server's public URL; the test server listens elsewhere, so keep the token.
    const token = link.split('/invite/')[1] ?? '';
    expect(token).not.toBe('');

    const invitee = await newPage(browser);
    await invitee.goto(`${server.url}/invite/${token}`);
    await invitee.getByText('Je bent uitgenodigd als kijker').waitFor();
    await invitee.getByLabel('Je naam').fill(VIEWER.name);
    await invitee.getByLabel('Kies een wachtwoord').fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await invitee.waitForURL(/\/deals\/board$/);
    expect(await invitee.getByTestId('user-menu').textContent()).toContain(VIEWER.name);
    expect(await navLink(invitee, 'Gebruikers').count()).toBe(0);
    await invitee.context().close();

    await owner.reload();
    const row = owner.getByTestId(`member-${VIEWER.email}`);
    await row.waitFor();
    expect(await row.getByRole('combobox', { name: `Rol van ${VIEWER.name}` }).inputValue()).toBe('Kijker');
    await screenshot(owner, 'settings-users');
  });

  it('refuses to demote the last owner and says why', async () => {
    await owner.goto(`${server.url}/settings/users`);
    await choose(owner, `Rol van ${OWNER.name}`, 'Beheerder');
    await owner.getByText('Een werkruimte heeft minstens één eigenaar nodig').waitFor();
    await screenshot(owner, 'settings-last-owner');
  });
});
