import { resolve } from 'node:path';
import { type EnrichmentConfig, loadEnrichmentConfig } from '../enrichment/enrichment-config.ts';
import type { DatabaseTarget } from './db/database.ts';

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Public base URL, used in invitation links. */
  publicUrl: string;
  /** Send cookies with `Secure`; on by default when the public URL is https. */
  secureCookies: boolean;
  logLevel: string;
  sessionDays: number;
  /** Trust X-Forwarded-* from a reverse proxy (for client IPs in rate limits and the audit log). */
  trustProxy: boolean;
  /** Attempts per minute per IP and email at login. */
  loginRateLimit: number;
  /** Requests per minute per IP on other public endpoints (setup, invitations). */
  publicRateLimit: number;
  /** Background jobs: how often an idle queue is polled, and the lease after which a dead server's job runs again. */
  jobs: { pollMs: number; leaseSeconds: number };
  /** Largest import file accepted, in bytes. */
  importMaxBytes: number;
  /** Enrichment providers and the limits of the website reader (BAKEN_ENRICHMENT_*, BAKEN_REGISTER_*). */
  enrichment: EnrichmentConfig;
  /** Moves the app's clock ahead (or back) by this much; for tests of time-based rules only. */
  clockOffsetMs: number;
}

/** Every environment variable Baken reads (README lists them too). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  const host = env.HOST ?? '0.0.0.0';
  const publicUrl = (env.BAKEN_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const database: DatabaseTarget = env.DATABASE_URL
    ? {
        engine: 'postgresql',
        url: env.DATABASE_URL,
        preparedStatements: env.BAKEN_PREPARED_STATEMENTS !== 'false',
      }
    : { engine: 'pglite', dataDir: resolve(env.BAKEN_DATA_DIR ?? './data') };
  return {
    port,
    host,
    database,
    publicUrl,
    secureCookies: env.BAKEN_SECURE_COOKIES
      ? env.BAKEN_SECURE_COOKIES === 'true'
      : publicUrl.startsWith('https:'),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionDays: Number.parseInt(env.BAKEN_SESSION_DAYS ?? '30', 10),
    trustProxy: env.BAKEN_TRUST_PROXY === 'true',
    loginRateLimit: Number.parseInt(env.BAKEN_LOGIN_RATE_LIMIT ?? '10', 10),
    publicRateLimit: Number.parseInt(env.BAKEN_PUBLIC_RATE_LIMIT ?? '30', 10),
    jobs: {
      pollMs: Number.parseInt(env.BAKEN_JOB_POLL_MS ?? '1000', 10),
      leaseSeconds: Number.parseInt(env.BAKEN_JOB_LEASE_SECONDS ?? '60', 10),
    },
    importMaxBytes: Number.parseInt(env.BAKEN_IMPORT_MAX_MB ?? '512', 10) * 1024 * 1024,
    enrichment: loadEnrichmentConfig(env, publicUrl),
    clockOffsetMs: Number.parseFloat(env.BAKEN_TEST_CLOCK_OFFSET_HOURS ?? '0') * 3_600_000,
  };
}
