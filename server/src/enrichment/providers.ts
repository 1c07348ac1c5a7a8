// The enrichment providers and the one place they are registered. A provider takes what Baken knows
// of a company (domain, website, KvK number) and answers with found values, each with its source and
// time. Which providers run, and in which order, comes from BAKEN_ENRICHMENT_PROVIDERS.
import type { Finding } from '@baken/core/enrichment/enrichment.schema';
import type { AppContext } from '../platform/context.ts';
import type { EnrichmentConfig } from './enrichment-config.ts';
import { registerProvider } from './register/register-provider.ts';
import { websiteProvider } from './website/website-provider.ts';

export interface CompanyKeys {
  domain: string | null;
  website: string | null;
  kvkNumber: string | null;
}

export type ProviderAnswer =
  | { status: 'found'; findings: Finding[] }
  | { status: 'not_found'; detail: string };

export interface EnrichmentProvider {
  /** Stored as the source of what it finds. */
  source: string;
  label: string;
  /** Whether it has something to look the company up by. */
  canLookUp(keys: CompanyKeys): boolean;
  /** Throws an Error whose message says, for the person who asked, why the lookup failed. */
  lookUp(keys: CompanyKeys, ctx: AppContext): Promise<ProviderAnswer>;
}

type ProviderFactory = (config: EnrichmentConfig) => EnrichmentProvider | null;

/** Every provider Baken has, by the name BAKEN_ENRICHMENT_PROVIDERS uses. Add new ones here. */
export const providerFactories: Record<string, ProviderFactory> = {
  website: (config) => websiteProvider(config),
  register: (config) =>
    config.registerFile ? registerProvider(config.registerFile, config.registerColumns) : null,
};

const built = new WeakMap<EnrichmentConfig, EnrichmentProvider[]>();

/** The configured providers, best source first; unknown names fail at start rather than silently. */
export function configuredProviders(config: EnrichmentConfig): EnrichmentProvider[] {
  const cached = built.get(config);
  if (cached) return cached;
  const providers = config.providers.flatMap((name) => {
    const factory = providerFactories[name];
    if (!factory) {
      throw new Error(
        `BAKEN_ENRICHMENT_PROVIDERS names ${name}; known providers: ${Object.keys(providerFactories).join(', ')}`,
      );
    }
    return factory(config) ?? [];
  });
  built.set(config, providers);
  return providers;
}
