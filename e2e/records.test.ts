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

describe('record pages and my tasks', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const ids = { account: '', contact: '', deal: '' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    const setup = await page.request.post(`${server.url}/api/v1/setup`, {
      data: {
        workspaceName: 'Rijwielhandel Delft',
        name: 'Joost de Vries',
        email: 'joost@delft.nl',
        password: PASSWORD,
      },
    });
    expect(setup.status()).toBe(201);
    const { me, create } = await apiClient(page, server.url);
    ids.account = (await create('/accounts', { name: 'Fietsfabriek Leiden', city: 'Delft' })).id;
    ids.contact = (
      await create('/contacts', { firstName: 'Eva', lastName: 'Jansen', accountId: ids.account })
    ).id;
    ids.deal = (
      await create('/deals', { name: '40 bakfietsen', amount: 9_600_000, accountId: ids.account })
    ).id;
    await create('/activities', {
      type: 'task',
      subject: 'Offerte nabellen',
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
      ownerId: me.user.id,
      dealId: ids.deal,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs a call with an outcome on a contact and shows it on the timeline at once', async () => {
    await page.goto(`${server.url}/contacts/${ids.contact}`);
    await page.getByRole('heading', { name: 'Eva Jansen' }).waitFor();
    await page.getByRole('combobox', { name: 'Uitkomst' }).click();
    await page.getByRole('option', { name: 'Geen gehoor' }).click();
    await page.getByLabel('Aantekeningen').fill('Morgen opnieuw proberen');
    await page.getByRole('button', { name: 'Gesprek loggen' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Geen gehoor').waitFor();
    await timeline.getByText('Morgen opnieuw proberen').waitFor();
    await screenshot(page, 'records-contact-call');
  });

  it('edits a field inline and shows the change on the timeline', async () => {
    await page.getByRole('button', { name: 'Functie wijzigen' }).click();
    await page.getByLabel('Functie').fill('Inkoper');
    await page.getByLabel('Functie').press('Enter');
    await page.getByTestId('field-jobTitle').getByText('Inkoper').waitFor();
    await page.getByTestId('timeline').getByText('— → Inkoper').waitFor();
    await screenshot(page, 'records-contact-inline-edit');
  });

  it('moves a deal to Closed lost with a reason, which stays after a reload', async () => {
    await page.goto(`${server.url}/deals/${ids.deal}`);
    await page.getByRole('heading', { name: '40 bakfietsen' }).waitFor();
    await page.getByRole('combobox', { name: 'Fase' }).click();
    await page.getByRole('option', { name: 'Closed lost' }).click();
    await page.getByLabel('Reden verloren').fill('Te duur ten opzichte van de concurrent');
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Als verloren markeren' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('timeline').getByText('Prospect → Closed lost').waitFor();
    await page.reload();
    await page.getByTestId('field-lostReason').getByText('Te duur ten opzichte van de concurrent').waitFor();
    await expect.poll(() => page.getByTestId('deal-stage').inputValue()).toBe('Closed lost');
    await screenshot(page, 'records-deal-lost');
  });

  it('ticks an overdue task off on my tasks', async () => {
    await page.goto(`${server.url}/tasks`);
    const overdue = page.getByTestId('tasks-overdue');
    await overdue.getByText('Offerte nabellen').waitFor();
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH');
    // click(), not check(): the box is drawn from the query cache, which re-renders a tick later,
    // and check() reads the state straight after its click.
    const box = page.getByLabel('“Offerte nabellen” afvinken');
    await box.click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => box.isChecked()).toBe(true);
    await screenshot(page, 'records-task-done');
    await page.reload();
    await page.getByText('Geen open taken. Goed bezig!').waitFor();
  });

  it("shows a contact's lead score with the rules that made it", async () => {
    const { create } = await apiClient(page, server.url);
    const anna = await create('/contacts', {
      firstName: 'Anna',
      lastName: 'Bos',
      persona: 'decision_maker',
      jobTitle: 'Directeur',
    });
    await page.goto(`${server.url}/contacts/${anna.id}`);
    const card = page.getByTestId('score-card');
    // Decision maker 20 and a buying job title 10, by the default model.
    await expect.poll(() => card.getByTestId('score-total').textContent()).toBe('30');
    await card.getByTestId('score-fit-rules').getByText('Beslisser').waitFor();
    await card.getByText('Geen regel van toepassing.').waitFor();
    await screenshot(page, 'records-lead-score');
  });

  it('counts leads per lifecycle stage by funnel band, and opens the list of a stage', async () => {
    await page.getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Top van de funnel' }).waitFor();
    const lead = page.getByTestId('stage-lead');
    expect(await lead.getByText('2', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('stage-mql').getByRole('link').count()).toBe(0);
    await screenshot(page, 'records-leads');
    await lead.getByRole('link', { name: 'Toon' }).click();
    await page.waitForURL(/\/contacts\?filter=/);
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(2);
    await page.getByTestId('record-row').getByText('Eva Jansen').waitFor();
  });

  it('edits the scoring model with a live MQL count, and saving rescores everyone', async () => {
    await page.getByRole('link', { name: 'Scoremodel' }).click();
    const preview = page.getByTestId('scoring-preview');
    await expect.poll(() => preview.textContent()).toBe('Met dit model zijn 0 contactpersonen MQL (nu 0).');
    // Anna scores 30: a threshold of 25 makes her an MQL.
    await page.getByLabel('MQL-drempel').fill('25');
    await expect.poll(() => preview.textContent()).toBe('Met dit model is 1 contactpersoon MQL (nu 0).');
    await page.getByLabel('Punten voor Beslisser').fill('5');
    await expect.poll(() => preview.textContent()).toBe('Met dit model zijn 0 contactpersonen MQL (nu 0).');
    await page.getByLabel('Punten voor Beslisser').fill('20');
    await screenshot(page, 'records-scoring-model');
    await page.getByRole('button', { name: 'Opslaan en opnieuw scoren' }).click();
    await page.getByText('Opgeslagen: alle contactpersonen worden opnieuw gescoord.').waitFor();
    // The background rescore moves Anna to MQL.
    const stageOfAnna = async () => {
      const { data } = await (await page.request.get(`${server.url}/api/v1/contacts?q=anna`)).json();
      return data[0]?.lifecycleStage;
    };
    await expect.poll(stageOfAnna, { timeout: 15_000 }).toBe('mql');
  });
});
