import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PASSWORD, type RunningServer, screenshot, startServer } from './harness.ts';

interface Stage {
  id: string;
  name: string;
}

/** A JSON call from inside the page, with its session cookie and the CSRF token of /auth/me. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

async function setUpWorkspace(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Naam van je bedrijf of team').fill('Fietsenmakerij Amstel');
  await page.getByLabel('Je naam').fill('Sanne Bakker');
  await page.getByLabel('E-mailadres').fill('sanne@amstel.nl');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Werkruimte aanmaken' }).click();
  await page.waitForURL(/\/deals\/board$/);
  await page.getByTestId('board').waitFor();
}

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const card = (scope: Page | Locator, name: string) =>
  scope.getByTestId('deal-card').filter({ hasText: name });

/** Drags with the mouse in small steps, so dnd-kit's mouse sensor passes its activation distance. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('nothing to drag or nowhere to drop');
  await page.mouse.move(start.x + start.width / 2, start.y + 12);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + 20, { steps: 5 });
  await page.mouse.move(end.x + end.width / 2, end.y + 60, { steps: 15 });
  await page.mouse.up();
}

describe('deals board', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let stages: Stage[];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await setUpWorkspace(page, server.url);
    const pipelines = await apiCall<{ data: { stages: Stage[] }[] }>(page, 'GET', '/pipelines');
    stages = pipelines.data[0]?.stages ?? [];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const stageId = (name: string) => stages.find((stage) => stage.name === name)?.id ?? '';

  it('creates a deal with the quick form and moves it to the next stage by dragging', async () => {
    await page.getByRole('button', { name: 'Nieuwe deal', exact: true }).click();
    await page.getByLabel('Naam van de deal').fill('Bakfietsen voor Gemeente Zaandam');
    await page.getByLabel('Bedrag (EUR)').fill('1250');
    await page.getByRole('button', { name: 'Deal aanmaken' }).click();
    const created = card(column(page, 'Prospect'), 'Bakfietsen voor Gemeente Zaandam');
    await created.waitFor();
    // The card is there at once; the form's modal is still fading out over the board.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await screenshot(page, 'board-created');

    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/deals/'),
    );
    await drag(page, created, column(page, 'Contacted'));
    expect((await saved).status()).toBe(200);

    await page.reload();
    const contacted = column(page, 'Contacted');
    await card(contacted, 'Bakfietsen voor Gemeente Zaandam').waitFor();
    expect(await contacted.getByTestId('column-count').textContent()).toBe('1');
    expect(await contacted.getByTestId('column-total').textContent()).toMatch(/1\.250/);
    expect(await column(page, 'Prospect').getByTestId('column-count').textContent()).toBe('0');
    await screenshot(page, 'board-moved');
  });

  it('asks for the lost reason when a deal is moved to Closed lost with the keyboard', async () => {
    const deal = await apiCall<{ id: string }>(page, 'POST', '/deals', {
      name: 'Huurfietsen Hotel De Gouden Leeuw',
      stageId: stageId('Offer out'),
      amount: 480000,
    });
    await page.reload();
    const grip = page.getByRole('button', { name: 'Deal Huurfietsen Hotel De Gouden Leeuw verplaatsen' });
    await grip.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    await page.keyboard.press('Space');

    await page.getByLabel('Reden van verlies').fill('Koos voor een leasecontract bij de concurrent');
    await screenshot(page, 'board-lost-reason');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(deal.id));
    await page.getByRole('button', { name: 'Sluiten als verloren' }).click();
    expect((await saved).status()).toBe(200);

    const stored = await apiCall<{ stageId: string; lostReason: string }>(page, 'GET', `/deals/${deal.id}`);
    expect(stored.stageId).toBe(stageId('Closed lost'));
    expect(stored.lostReason).toBe('Koos voor een leasecontract bij de concurrent');
  });

  it('shows a filled board', async () => {
    const samples: [string, string, number, string][] = [
      ['Onderhoudscontract Fietskoeriers Noord', 'Prospect', 320000, '2026-09-30'],
      ['Elektrische bakfietsen Kinderopvang Zon', 'Meeting booked', 1875000, '2026-08-15'],
      ['Leasefietsen Accountantskantoor Visser', 'Meeting held', 960000, '2026-07-31'],
      ['Wagenpark Bezorgdienst Snel', 'Realistic opportunity', 4200000, '2026-07-01'],
      ['Reparatieservice Universiteit', 'Offer out', 1250000, '2026-06-20'],
    ];
    for (const [name, stage, amount, expectedCloseDate] of samples)
      await apiCall(page, 'POST', '/deals', { name, stageId: stageId(stage), amount, expectedCloseDate });
    await page.reload();
    await card(page, 'Wagenpark Bezorgdienst Snel').waitFor();
    await screenshot(page, 'board');

    await page.getByLabel('Eigenaar').first().click();
    await page.getByRole('option', { name: 'Sanne Bakker' }).click();
    await card(page, 'Wagenpark Bezorgdienst Snel').waitFor();
    // The filter lives in the address: a reload (or a shared link) shows the same board.
    await page.waitForURL(/[?&]owner=/);
    await page.reload();
    await card(page, 'Wagenpark Bezorgdienst Snel').waitFor();
    expect(await page.getByLabel('Eigenaar').first().inputValue()).toBe('Sanne Bakker');
    const closingSoon = await apiCall<{ data: unknown[] }>(
      page,
      'GET',
      '/deals?filter=expectedCloseDate:gte:2026-07-01&filter=expectedCloseDate:lte:2026-07-31',
    );
    expect(closingSoon.data).toHaveLength(2);

    await page.setViewportSize({ width: 390, height: 844 });
    // The app shell slides its navigation away when the viewport narrows; let it settle.
    await page.waitForTimeout(600);
    await screenshot(page, 'board-phone');
  });

  it('shows a long column 25 cards at a time, its head counting them all', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const stage = stageId('Closed won');
    for (let index = 1; index <= 27; index++)
      await apiCall(page, 'POST', '/deals', {
        name: `Fietsplan ${String(index).padStart(2, '0')}`,
        stageId: stage,
        amount: 10000,
        expectedCloseDate: `2027-01-${String(index).padStart(2, '0')}`,
      });
    await page.reload();
    const won = column(page, 'Closed won');
    await card(won, 'Fietsplan 01').waitFor();
    expect(await won.getByTestId('deal-card').count()).toBe(25);
    expect(await won.getByTestId('column-count').textContent()).toBe('27');
    await won.getByRole('button', { name: 'Toon er nog 2' }).click();
    await card(won, 'Fietsplan 27').waitFor();
    expect(await won.getByTestId('deal-card').count()).toBe(27);
    await screenshot(page, 'board-long-column');
  });

  it('opens with each request sent once: the entry asks for the data, the app takes those answers', async () => {
    const fresh = await browser.newContext({
      locale: 'nl-NL',
      viewport: { width: 1280, height: 800 },
      storageState: await page.context().storageState(),
    });
    const opened = await fresh.newPage();
    const requests: string[] = [];
    opened.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname.startsWith('/api/v1/'))
        requests.push(url.pathname + url.search);
    });
    await opened.goto(`${server.url}/deals/board`);
    await card(opened, 'Fietsplan 01').waitFor();
    await opened.goto(`${server.url}/contacts`);
    await opened.getByRole('heading', { name: 'Nog geen contactpersonen' }).waitFor();
    await opened.waitForLoadState('networkidle');
    await screenshot(opened, 'contacts-opened-fresh');
    await fresh.close();

    const asked = (prefix: string) => requests.filter((path) => path.startsWith(prefix));
    expect(asked('/api/v1/deals/board?')).toHaveLength(1);
    expect(asked('/api/v1/contacts?')).toEqual(['/api/v1/contacts?sort=lastName&limit=100']);
    // Each page load asks once for who is signed in, the members and the pipelines: twice in all.
    for (const shared of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/pipelines'])
      expect(asked(shared)).toHaveLength(2);
  });
});
