// Browser tests against the real thing: `baken start` on a fresh PGlite folder and a free port,
// driven by playwright-core in Debian's Chromium (never a downloaded browser).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = new URL('../', import.meta.url).pathname;
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');
export const PASSWORD = 'Fietsen-langs-de-Amstel-2026';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Chromium keeps only the last --disable-features switch, so this one repeats the list
  // playwright-core 1.65 passes and adds the omnibox popup: headless Chromium otherwise renders that
  // WebUI for every new window, about a second of CPU per browser context on this machine, which
  // slowed every test and the page-open benchmark.
  `--disable-features=${[
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay',
    'MediaRouter',
    'PaintHolding',
    'ThirdPartyStoragePartitioning',
    'AvoidCorsURLLoaderRestartOnRedirect',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'AimEnabled',
    'PreconnectToSearch',
    'WebUIOmniboxPopup',
    'WebUIOmniboxAimPopup',
    'WebUIOmniboxFullPopup',
  ].join(',')}`,
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Stops the server and removes its data folder, unless `keepData` (to start again on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * `baken start` on a fresh data folder (or `dataDir`, one a stopped server kept); `env` adds
 * configuration (enrichment is off unless a test turns it on).
 */
export async function startServer(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningServer> {
  const folder = dataDir ?? (await mkdtemp(join(tmpdir(), 'baken-e2e-')));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BAKEN_DATA_DIR: folder,
      LOG_LEVEL: 'warn',
      // No browser test may make the server read a site on the internet.
      BAKEN_ENRICHMENT_PROVIDERS: 'none',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    dataDir: folder,
    stop: async (options = {}) => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      if (!options.keepData) await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Chromium in a fresh profile: playwright gives every launch its own temporary user data dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** Saves a screenshot as a test artifact (e2e/artifacts/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A page in a fresh browser context (own cookies), in Dutch unless told otherwise. */
export async function newPage(browser: Browser, locale = 'nl-NL'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Writes through the API as the signed-in browser does: its session cookie plus the CSRF token. */
export async function apiClient(page: Page, url: string) {
  const me = (await (await page.request.get(`${url}/api/v1/auth/me`)).json()) as {
    csrfToken: string;
    user: { id: string };
  };
  const create = async (path: string, data: Record<string, unknown>) => {
    const response = await page.request.post(`${url}/api/v1${path}`, {
      data,
      headers: { 'x-csrf-token': me.csrfToken },
    });
    if (response.status() !== 201)
      throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  return { me, create };
}

/** First-run setup through the API, leaving `page` signed in as the owner. */
export async function setUpWorkspace(
  page: Page,
  url: string,
  workspaceName: string,
  email: string,
): Promise<void> {
  const setup = await page.request.post(`${url}/api/v1/setup`, {
    data: { workspaceName, name: 'Joost de Vries', email, password: PASSWORD },
  });
  if (setup.status() !== 201) throw new Error(`setup: ${setup.status()} ${await setup.text()}`);
}
