import { defineConfig } from 'vitest/config';

// Every server test file runs twice: on embedded PGlite and on a real PostgreSQL server started by
// the postgresql project's global setup. Pure tests of core/ run once.
const serverProject = (engine: 'pglite' | 'postgresql') => ({
  test: {
    name: engine,
    include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
    env: { BAKEN_TEST_ENGINE: engine, TZ: 'UTC' },
    globalSetup: [`server/test/${engine === 'pglite' ? 'pglite' : 'postgres'}.global-setup.ts`],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

const engines = (process.env.BAKEN_TEST_ENGINES ?? 'pglite,postgresql').split(',') as (
  | 'pglite'
  | 'postgresql'
)[];

// Browser tests start the real server and Debian's Chromium; one file at a time keeps 2 cores calm.
const e2eProject = {
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['core/src/**/*.test.ts'], env: { TZ: 'UTC' } } },
      // Pure logic of the web app (no DOM); the browser tests in e2e/ cover the pages.
      { test: { name: 'web', include: ['web/src/**/*.test.ts'], env: { TZ: 'UTC' } } },
      ...engines.map(serverProject),
      ...(process.env.BAKEN_TEST_E2E === 'false' ? [] : [e2eProject]),
    ],
  },
});
