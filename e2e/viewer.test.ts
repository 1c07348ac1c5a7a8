// A viewer may look at everything and change nothing. The list, board and record pages are built
// by others, so this test holds them to stable hooks: no create/edit/delete buttons in either
// language, and no draggable deal cards.
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PASSWORD, type RunningServer, screenshot, startServer } from './harness.ts';

// Record pages edit inline ("Naam wijzigen") and add related records ("Toevoegen"), so those count too.
const EDIT_BUTTON = /\b(nieuwe?|new|bewerken|edit|verwijderen|delete|wijzigen|change|toevoegen|add)\b/i;
// dnd-kit marks its handles with aria-roledescription; plain HTML5 dragging with draggable="true".
const DRAGGABLE = '[aria-roledescription="draggable"], [aria-roledescription="sortable"], [draggable="true"]';

interface Records {
  accountId: string;
  contactId: string;
  dealId: string;
}

/** A JSON write as a signed-in browser sends it: session cookie plus the CSRF token from /auth/me. */
async function write<T>(request: APIRequestContext, url: string, path: string, data: unknown): Promise<T> {
  const me = await (await request.get(`${url}/api/v1/auth/me`)).json();
  const response = await request.post(`${url}/api/v1${path}`, {
    data,
    headers: { 'x-csrf-token': me.csrfToken },
  });
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function ownerWithRecords(
  owner: Page,
  url: string,
): Promise<{ records: Records; inviteToken: string }> {
  const request = owner.request;
  const setup = await request.post(`${url}/api/v1/setup`, {
    data: {
      workspaceName: 'Fietsenmakerij Amstel',
      name: 'Sanne Bakker',
      email: 'sanne@amstel.nl',
      password: PASSWORD,
    },
  });
  if (!setup.ok()) throw new Error(`setup: ${setup.status()}`);
  const account = await write<{ id: string }>(request, url, '/accounts', { name: 'Gazelle Dealers' });
  const contact = await write<{ id: string }>(request, url, '/contacts', {
    firstName: 'Pieter',
    lastName: 'de Vries',
    accountId: account.id,
  });
  const deal = await write<{ id: string }>(request, url, '/deals', {
    name: 'Twintig bakfietsen',
    accountId: account.id,
    amount: 5_000_000,
  });
  const invitation = await write<{ token: string }>(request, url, '/invitations', {
    email: 'joost@amstel.nl',
    role: 'viewer',
  });
  return {
    records: { accountId: account.id, contactId: contact.id, dealId: deal.id },
    inviteToken: invitation.token,
  };
}

/** Names of the buttons and links on the page that would change data (accessible names, any language). */
async function editControls(page: Page): Promise<string[]> {
  const controls = [
    ...(await page.getByRole('button', { name: EDIT_BUTTON }).all()),
    ...(await page.getByRole('link', { name: EDIT_BUTTON }).all()),
  ];
  return Promise.all(
    controls.map(
      async (control) => (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '',
    ),
  );
}

describe('a viewer', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let viewer: Page;
  let records: Records;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    owner = await newPage(browser);
    const made = await ownerWithRecords(owner, server.url);
    records = made.records;
    viewer = await newPage(browser);
    const accepted = await viewer.request.post(`${server.url}/api/v1/invitations/accept`, {
      data: { token: made.inviteToken, name: 'Joost Visser', password: PASSWORD },
    });
    if (!accepted.ok()) throw new Error(`accept: ${accepted.status()}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a page, waits until its data has arrived, and lists what a viewer should not see. */
  async function visit(path: string, shows: string | RegExp, name: string, as = viewer) {
    await as.goto(`${server.url}${path}`);
    await as.getByTestId('user-menu').waitFor();
    await as.getByText(shows).first().waitFor();
    await as.waitForLoadState('networkidle');
    await screenshot(as, `viewer-${name}`);
    return { buttons: await editControls(as), draggables: await as.locator(DRAGGABLE).count() };
  }

  // Without this control a renamed button or a changed drag library would let every check pass.
  it('would notice the controls: the owner sees them on the board and a company page', async () => {
    const board = await visit('/deals/board', 'Twintig bakfietsen', 'owner-board', owner);
    expect(board.buttons.length).toBeGreaterThan(0);
    expect(board.draggables).toBeGreaterThan(0);
    const account = await visit(`/accounts/${records.accountId}`, 'Gazelle Dealers', 'owner-account', owner);
    expect(account.buttons.length).toBeGreaterThan(0);
  });

  it('sees no edit controls on the companies list', async () => {
    expect(await visit('/accounts', 'Gazelle Dealers', 'accounts')).toEqual({ buttons: [], draggables: 0 });
  });

  it('sees no edit controls on the contacts list', async () => {
    expect(await visit('/contacts', /Pieter/, 'contacts')).toEqual({ buttons: [], draggables: 0 });
  });

  it('sees no edit controls on the deals list', async () => {
    expect(await visit('/deals', 'Twintig bakfietsen', 'deals')).toEqual({ buttons: [], draggables: 0 });
  });

  it('sees no edit controls and no draggable deal cards on the deals board', async () => {
    expect(await visit('/deals/board', 'Twintig bakfietsen', 'board')).toEqual({
      buttons: [],
      draggables: 0,
    });
  });

  it('sees no edit controls on a company page', async () => {
    const result = await visit(`/accounts/${records.accountId}`, 'Gazelle Dealers', 'account-page');
    expect(result).toEqual({ buttons: [], draggables: 0 });
  });

  it('sees no edit controls on a contact page and a deal page', async () => {
    const contact = await visit(`/contacts/${records.contactId}`, /Pieter/, 'contact-page');
    const deal = await visit(`/deals/${records.dealId}`, 'Twintig bakfietsen', 'deal-page');
    expect({ contact, deal }).toEqual({
      contact: { buttons: [], draggables: 0 },
      deal: { buttons: [], draggables: 0 },
    });
  });
});
