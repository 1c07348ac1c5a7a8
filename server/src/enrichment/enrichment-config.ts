import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EnrichmentConfig {
  /** Providers to run, best source first; empty switches enrichment off. */
  providers: string[];
  /** `BakenBot/<version> (+<public url>)`: how Baken introduces itself to the sites it reads. */
  userAgent: string;
  connectTimeoutMs: number;
  /** For one whole site visit: robots.txt, redirects and the page. */
  totalTimeoutMs: number;
  /** Largest page read, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  /** On-demand enrichments one user may ask for a minute: each visits a site outside. */
  perUserPerMinute: number;
  /**
   * Lets the website provider fetch from private and local addresses. Only tests set it (to read
   * fixture pages from 127.0.0.1); no environment variable does.
   */
  allowPrivateNetwork: boolean;
  /** Host name to addresses, in place of DNS: tests point made-up company domains at 127.0.0.1. */
  testHosts?: Record<string, string>;
  /** The operator's company register (CSV), keyed by KvK number or domain. */
  registerFile: string | null;
  /** Account field to the register's column header, where the automatic mapping needs help. */
  registerColumns: Record<string, string>;
}

const version = (): string => {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
};

const number = (value: string | undefined, fallback: number) => {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
};

/** `name:Handelsnaam,employeeCount:Werkzame personen` into `{ name: 'Handelsnaam', ... }`. */
function columnMap(value: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const at = pair.indexOf(':');
    if (at > 0) map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

export function loadEnrichmentConfig(env: NodeJS.ProcessEnv, publicUrl: string): EnrichmentConfig {
  const registerFile = env.BAKEN_REGISTER_FILE ? resolve(env.BAKEN_REGISTER_FILE) : null;
  const providers = (env.BAKEN_ENRICHMENT_PROVIDERS ?? (registerFile ? 'register,website' : 'website'))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'none');
  return {
    providers,
    userAgent: `BakenBot/${version()} (+${publicUrl})`,
    connectTimeoutMs: number(env.BAKEN_ENRICHMENT_CONNECT_TIMEOUT_MS, 5_000),
    totalTimeoutMs: number(env.BAKEN_ENRICHMENT_TIMEOUT_MS, 15_000),
    maxBytes: number(env.BAKEN_ENRICHMENT_MAX_KB, 2048) * 1024,
    maxRedirects: number(env.BAKEN_ENRICHMENT_MAX_REDIRECTS, 5),
    perUserPerMinute: number(env.BAKEN_ENRICHMENT_RATE_LIMIT, 30),
    allowPrivateNetwork: false,
    registerFile,
    registerColumns: columnMap(env.BAKEN_REGISTER_COLUMNS),
  };
}
