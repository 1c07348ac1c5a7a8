// Page-open timing (issue 3 acceptance: the deals board and the contacts list open in under 1 s with
// the demo dataset). `baken demo` fills a fresh PGlite folder, `baken start` serves it, and Debian's
// Chromium opens each page N times cold (a new browser context: empty cache, only the session
// cookie) and N times warm (the same tab again), from navigation until the content is on screen.
//
//   node --import tsx bench/web-pages.ts [--runs 10]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/harness.ts';
import { runBaken, startServerProcess } from '../server/test/server-process.ts';
import { cpuSecondsByPid, cpuSecondsSince, descendantPids } from './lib/process-cpu.ts';
import { demoOwnerFrom } from './load-test.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const RESULTS = join(ROOT, 'bench', 'results');

interface PageUnderTest {
  name: string;
  path: string;
  /** What the user came for: the page counts as open once an element matching this is on screen. */
  selector: string;
}

const pages: PageUnderTest[] = [
  { name: 'deals board', path: '/deals/board', selector: '[data-testid="deal-card"]' },
  { name: 'contacts list', path: '/contacts', selector: '[data-testid="record-row"]' },
];

export interface PageTiming {
  page: string;
  cache: 'cold' | 'warm';
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time of Chromium's processes and the server during an open (median): steadier than time. */
  cpuP50Ms: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Milliseconds from the start of the navigation (the page's own clock) until the content is in the
 * document, checked on every animation frame: Playwright's locator waits poll at growing intervals
 * (up to 500 ms apart) and would add their own delay to the figure.
 */
async function timeOpen(page: Page, url: string, target: PageUnderTest): Promise<number> {
  await page.goto(`${url}${target.path}`, { waitUntil: 'commit' });
  const shown = await page.waitForFunction(
    (selector) => (document.querySelector(selector) ? performance.now() : 0),
    target.selector,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await shown.jsonValue()) as number;
}

async function signIn(browser: Browser, url: string, owner: { email: string; password: string }) {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('E-mailadres').fill(owner.email);
  await page.getByLabel('Wachtwoord').fill(owner.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/deals\/board$/);
  const storageState = await context.storageState();
  await context.close();
  return storageState;
}

async function measure(
  browser: Browser,
  url: string,
  owner: { email: string; password: string },
  runs: number,
) {
  const storageState = await signIn(browser, url, owner);
  const newContext = (): Promise<BrowserContext> =>
    browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 }, storageState });
  const samples = new Map<string, { ms: number[]; cpuMs: number[] }>();
  // The browser's processes and the server are this process's descendants.
  const cpuNow = () => cpuSecondsByPid(descendantPids(process.pid));
  const open = async (page: Page, target: PageUnderTest, cache: 'cold' | 'warm') => {
    const before = cpuNow();
    const ms = await timeOpen(page, url, target);
    const cpuMs = cpuSecondsSince(before, cpuNow()) * 1000;
    const key = `${target.name}|${cache}`;
    const sample = samples.get(key) ?? { ms: [], cpuMs: [] };
    samples.set(key, { ms: [...sample.ms, ms], cpuMs: [...sample.cpuMs, cpuMs] });
  };
  for (let run = 0; run < runs; run++) {
    for (const target of pages) {
      const context = await newContext();
      const page = await context.newPage();
      await open(page, target, 'cold');
      await page.goto('about:blank');
      await open(page, target, 'warm');
      await context.close();
    }
  }
  const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
  return [...samples].map(([key, sample]): PageTiming => {
    const [name, cache] = key.split('|') as [string, 'cold' | 'warm'];
    const sorted = ascending(sample.ms);
    return {
      page: name,
      cache,
      runs: sorted.length,
      p50Ms: Math.round(percentile(sorted, 0.5)),
      p95Ms: Math.round(percentile(sorted, 0.95)),
      maxMs: Math.round(sorted.at(-1) ?? Number.NaN),
      cpuP50Ms: Math.round(percentile(ascending(sample.cpuMs), 0.5)),
    };
  });
}

export function webPagesTable(timings: PageTiming[]): string {
  return [
    '| page | cache | runs | p50 | p95 | max | under 1 s (p95) | CPU p50 (browser + server) |',
    '|---|---|---|---|---|---|---|---|',
    ...timings.map(
      (timing) =>
        `| ${timing.page} | ${timing.cache} | ${timing.runs} | ${timing.p50Ms} ms | ${timing.p95Ms} ms | ` +
        `${timing.maxMs} ms | ${timing.p95Ms < 1000 ? 'yes' : 'no'} | ${timing.cpuP50Ms} ms |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-web-pages-'));
  let browser: Browser | undefined;
  let stopServer: (() => Promise<void>) | undefined;
  try {
    // The demo loads before the server starts: the server then holds the PGlite folder's lock.
    console.error('loading the demo dataset…');
    const output = await runBaken(['demo'], { dataDir });
    const owner = demoOwnerFrom(output);
    const server = await startServerProcess({ dataDir });
    stopServer = () => server.stop();
    browser = await launchBrowser();
    console.error(`opening each page ${values.runs} times cold and warm…`);
    const timings = await measure(browser, server.url, owner, Number(values.runs));
    const counts = /(\d+) accounts, (\d+) contacts, (\d+) deals/.exec(output);
    const result = {
      at: new Date().toISOString(),
      engine: 'pglite',
      dataset: counts
        ? { accounts: Number(counts[1]), contacts: Number(counts[2]), deals: Number(counts[3]) }
        : null,
      timings,
    };
    await mkdir(RESULTS, { recursive: true });
    const stamp = result.at.replace(/[:.]/g, '-');
    await writeFile(join(RESULTS, `${stamp}-web-pages.json`), `${JSON.stringify(result, null, 2)}\n`);
    console.log(webPagesTable(timings));
  } finally {
    await browser?.close();
    await stopServer?.();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
