import type { FoundField } from '@baken/core/enrichment/enrichment.schema';
import { detectTechnologies } from '@baken/core/enrichment/technology-detect';
import type { EnrichmentConfig } from '../enrichment-config.ts';
import type { CompanyKeys, EnrichmentProvider } from '../providers.ts';
import { guardedLookup, tableResolver } from './network-guard.ts';
import { readPage } from './page-reader.ts';
import { SiteFetchError, SiteVisit } from './site-fetcher.ts';

/** The home page to read: the account's website, else https:// and its domain. */
function homePage(keys: CompanyKeys): URL | null {
  if (keys.website && URL.canParse(keys.website)) return new URL(keys.website);
  if (keys.domain && URL.canParse(`https://${keys.domain}/`)) return new URL(`https://${keys.domain}/`);
  return null;
}

/** Reads the company's home page: firmographics from its markup, technologies from its markup and headers. */
export function websiteProvider(config: EnrichmentConfig): EnrichmentProvider {
  return {
    source: 'website',
    label: 'Website',
    canLookUp: (keys) => homePage(keys) !== null,
    async lookUp(keys, ctx) {
      const start = homePage(keys) as URL;
      const visit = new SiteVisit({
        userAgent: config.userAgent,
        connectTimeoutMs: config.connectTimeoutMs,
        totalTimeoutMs: config.totalTimeoutMs,
        maxBytes: config.maxBytes,
        maxRedirects: config.maxRedirects,
        allowPrivateNetwork: config.allowPrivateNetwork,
        ...(config.testHosts
          ? { lookup: guardedLookup(config.allowPrivateNetwork, tableResolver(config.testHosts)) }
          : {}),
      });
      try {
        const page = await visit.page(start);
        if (page.status === 404 || page.status === 410)
          return { status: 'not_found', detail: `${page.url.host} has no home page (${page.status}).` };
        if (page.status >= 400)
          throw new SiteFetchError('status', `${page.url.host} answered with status ${page.status}.`);
        const type = page.headers['content-type']?.[0] ?? 'text/html';
        if (!/html/i.test(type))
          throw new SiteFetchError('status', `${page.url.href} is not a web page (${type}).`);
        const { facts, evidence } = readPage(page);
        const fetchedAt = ctx.now();
        // The address the site ended up at fills an empty website; one the account has is kept as is
        // (a redirect to www. or a language path is no reason to report a different value).
        const findings = (Object.entries(facts) as [FoundField, unknown][])
          .filter(([field]) => field !== 'website' || !keys.website)
          .map(([field, value]) => ({ field, value, source: 'website', fetchedAt }));
        const technologies = detectTechnologies(evidence).map((found) => found.name);
        findings.push({ field: 'technologies', value: technologies, source: 'website', fetchedAt });
        return { status: 'found', findings };
      } finally {
        await visit.close();
      }
    },
  };
}
