import type { LookupFunction } from 'node:net';
import { detectTechnologies } from '@baken/core/enrichment/technology-detect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ProviderAnswer } from '../providers.ts';
import { type FixtureSite, fixture, html, redirect, startSite } from './fixture-site.ts';
import { guardedLookup } from './network-guard.ts';
import { readPage } from './page-reader.ts';
import { SiteFetchError, type SiteFetchOptions, SiteVisit } from './site-fetcher.ts';
import { websiteProvider } from './website-provider.ts';

// Every site here is a node:http server on 127.0.0.1. Tests that read it as a company site set
// allowPrivateNetwork, which only tests can; the tests of refusals leave it off.

const options = (overrides: Partial<SiteFetchOptions> = {}): SiteFetchOptions => ({
  userAgent: 'BakenBot/0.1.0 (+http://localhost:3000)',
  connectTimeoutMs: 2_000,
  totalTimeoutMs: 5_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivateNetwork: true,
  ...overrides,
});

async function visit<T>(
  overrides: Partial<SiteFetchOptions>,
  use: (visit: SiteVisit) => Promise<T>,
): Promise<T> {
  const siteVisit = new SiteVisit(options(overrides));
  try {
    return await use(siteVisit);
  } finally {
    await siteVisit.close();
  }
}

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SiteFetchError)) throw new Error(`expected a SiteFetchError, got ${String(error)}`);
  return { reason: error.reason, message: error.message };
};

const ctx = { now: () => new Date('2026-11-26T09:00:00Z') } as AppContext;

function provider(overrides: Partial<SiteFetchOptions> = {}) {
  const config = loadConfig({ BAKEN_ENRICHMENT_PROVIDERS: 'website' }).enrichment;
  Object.assign(config, { allowPrivateNetwork: true, ...overrides });
  return websiteProvider(config);
}

const valuesOf = (answer: ProviderAnswer) => {
  if (answer.status !== 'found') throw new Error(`expected findings, got ${answer.detail}`);
  return Object.fromEntries(
    answer.findings.map((finding) => [
      finding.field,
      finding.field === 'technologies' ? [...(finding.value as string[])].sort() : finding.value,
    ]),
  );
};

describe('website provider', () => {
  let shop: FixtureSite;
  let hubspot: FixtureSite;

  beforeAll(async () => {
    shop = await startSite({
      '/': html(fixture('webshop.html'), {
        server: 'nginx',
        'set-cookie': ['woocommerce_items_in_cart=0; Path=/', 'PHPSESSID=abc; Path=/'],
      }),
      '/robots.txt': html('User-agent: *\nDisallow: /winkelwagen/\n'),
    });
    hubspot = await startSite({ '/home': html(fixture('hubspot.html'), { 'x-hs-hub-id': '1234567' }) });
  });
  afterAll(async () => {
    await shop.close();
    await hubspot.close();
  });

  it('reads a WordPress and WooCommerce shop: firmographics and its technologies', async () => {
    const answer = await provider().lookUp({ website: `${shop.url}/`, domain: null, kvkNumber: null }, ctx);
    expect(valuesOf(answer)).toEqual({
      name: 'Koffiebranderij De Zwaan B.V.',
      description: 'Versgebrande koffiebonen uit Zwolle, sinds 1987 in eigen branderij gebrand.',
      phone: '+31 38 123 4567',
      email: 'info@dezwaan.example',
      foundedYear: 1987,
      employeeCount: 14,
      street: 'Melkmarkt 12',
      postalCode: '8011 MC',
      city: 'Zwolle',
      region: 'Overijssel',
      country: 'NL',
      socialLinks: {
        instagram: 'https://www.instagram.com/dezwaankoffie',
        linkedin: 'https://www.linkedin.com/company/koffiebranderij-de-zwaan',
        facebook: 'https://www.facebook.com/dezwaankoffie',
        x: 'https://x.com/dezwaankoffie',
      },
      language: 'nl',
      kvkNumber: '12345678',
      vatNumber: 'NL001234567B01',
      technologies: [
        'Cookiebot',
        'WordPress',
        'WooCommerce',
        'Mollie',
        'Google Tag Manager',
        'Google Analytics 4',
        'jQuery',
        'PHP',
        'Nginx',
      ].sort(),
    });
  });

  it('sorts detected technologies by category and names the kind of trace', async () => {
    const page = await visit({}, (siteVisit) => siteVisit.page(new URL(`${shop.url}/`)));
    const found = detectTechnologies(readPage(page).evidence);
    expect(found.map((technology) => `${technology.category}:${technology.name}`)).toEqual([
      'analytics:Google Analytics 4',
      'backend:PHP',
      'cms:WordPress',
      'consent:Cookiebot',
      'e-commerce:WooCommerce',
      'js-library:jQuery',
      'payments:Mollie',
      'tag-manager:Google Tag Manager',
      'web-server:Nginx',
    ]);
    expect(found.find((technology) => technology.name === 'Nginx')?.matchedOn).toBe('headers');
  });

  it('reads a HubSpot CMS site with HubSpot forms and Intercom', async () => {
    const answer = await provider().lookUp(
      { website: `${hubspot.url}/home`, domain: null, kvkNumber: null },
      ctx,
    );
    const values = valuesOf(answer);
    expect(values).toMatchObject({
      name: 'Customer data platform for Dutch retailers',
      description:
        'Datavloed brings the customer data of your shops, web store and loyalty programme together.',
      email: 'sales@datavloed.example',
      phone: '+31 20 765 4321',
      kvkNumber: '87654321',
      language: 'en',
      socialLinks: {
        linkedin: 'https://www.linkedin.com/company/datavloed/',
        youtube: 'https://www.youtube.com/@datavloed',
      },
    });
    expect(values.technologies).toEqual(['HubSpot', 'HubSpot CMS', 'Intercom', 'jQuery'].sort());
    expect(
      answer.status === 'found' && answer.findings.every((finding) => finding.source === 'website'),
    ).toBe(true);
  });

  it('reads a page with broken JSON-LD and a malformed link without failing', () => {
    const body = Buffer.from(
      '<html lang="nl"><head><title>Welkom | Bakkerij Jansen</title>' +
        '<script type="application/ld+json">{"@type": "Organization", broken</script></head>' +
        '<body><a href="mailto:%E0%A4%A">x</a><a href="mailto:Info@Jansen.nl?subject=Hoi">mail</a>' +
        '<p>KvK-nr: 1234 5678</p></body></html>',
    );
    const { facts } = readPage({
      url: new URL('https://www.jansen.nl/'),
      status: 200,
      headers: { 'content-type': ['text/html'] },
      body,
    });
    expect(facts).toMatchObject({
      name: 'Bakkerij Jansen',
      email: 'Info@Jansen.nl',
      kvkNumber: '12345678',
      language: 'nl',
      website: 'https://www.jansen.nl',
    });
  });

  it('introduces itself as BakenBot and asks robots.txt first', async () => {
    await provider().lookUp({ website: `${shop.url}/`, domain: null, kvkNumber: null }, ctx);
    const agent = 'BakenBot/0.1.0 (+http://localhost:3000)';
    expect(shop.requests.slice(-2)).toEqual([`GET /robots.txt ${agent}`, `GET / ${agent}`]);
  });

  it('does not read a site whose robots.txt disallows BakenBot', async () => {
    const site = await startSite({
      '/': html(fixture('plain.html')),
      '/robots.txt': html('User-agent: BakenBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n'),
    });
    try {
      expect(await failure(visit({}, (siteVisit) => siteVisit.page(new URL(`${site.url}/`))))).toEqual({
        reason: 'robots',
        message: `127.0.0.1:${site.port}/robots.txt asks BakenBot not to read /.`,
      });
      expect(site.requests.map((line) => line.split(' ')[1])).toEqual(['/robots.txt']);
    } finally {
      await site.close();
    }
  });

  it('reads a site whose robots.txt only disallows other bots or other paths', async () => {
    const site = await startSite({
      '/': html(fixture('plain.html')),
      '/robots.txt': html('User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin/\n'),
    });
    try {
      const answer = await provider().lookUp({ website: `${site.url}/`, domain: null, kvkNumber: null }, ctx);
      expect(valuesOf(answer)).toMatchObject({
        name: 'Hoveniersbedrijf Groen',
        language: 'nl',
        technologies: [],
      });
    } finally {
      await site.close();
    }
  });

  it('follows redirects up to the limit, then stops with a clear error', async () => {
    const site = await startSite({
      '/': redirect('/a'),
      '/a': redirect('/b', 301),
      '/b': html(fixture('plain.html')),
      '/loop': redirect('/loop'),
    });
    try {
      const page = await visit({}, (siteVisit) => siteVisit.page(new URL(`${site.url}/`)));
      expect(page.url.pathname).toBe('/b');
      expect(await failure(visit({}, (siteVisit) => siteVisit.page(new URL(`${site.url}/loop`))))).toEqual({
        reason: 'redirects',
        message: `127.0.0.1:${site.port} redirects more than 5 times.`,
      });
    } finally {
      await site.close();
    }
  });

  describe('with private addresses refused (as in production)', () => {
    let site: FixtureSite;
    // A resolver that gives shop.example the fixture server's address, as if it were a public site,
    // and intranet.example a private one; every other name is refused by the real guard.
    const fakeDns: LookupFunction = (hostname, lookupOptions, callback) => {
      if (hostname === 'shop.example') {
        const reply = callback as (...args: unknown[]) => void;
        return lookupOptions.all
          ? reply(null, [{ address: '127.0.0.1', family: 4 }])
          : reply(null, '127.0.0.1', 4);
      }
      return guardedLookup(false, (name, _options, answer) =>
        answer(null, name === 'intranet.example' ? [{ address: '10.1.2.3', family: 4 }] : []),
      )(hostname, lookupOptions, callback);
    };

    beforeAll(async () => {
      site = await startSite({
        '/': html(fixture('plain.html')),
        '/to-loopback': redirect('http://127.0.0.1/admin'),
        '/to-decimal': redirect('http://2130706433/'),
        '/to-intranet': redirect('http://intranet.example/'),
        '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
      });
    });
    afterAll(() => site.close());

    const at = (path: string) => new URL(`http://shop.example:${site.port}${path}`);
    const refused = { allowPrivateNetwork: false, lookup: fakeDns };

    it('reads a site whose name resolves to an allowed address', async () => {
      const page = await visit(refused, (siteVisit) => siteVisit.page(at('/')));
      expect(page.status).toBe(200);
    });

    it('refuses a redirect to a loopback, link-local or decimal-written address', async () => {
      expect(await failure(visit(refused, (siteVisit) => siteVisit.page(at('/to-loopback'))))).toEqual({
        reason: 'refused',
        message: '127.0.0.1 is a private or local network address; Baken does not fetch from those.',
      });
      expect((await failure(visit(refused, (siteVisit) => siteVisit.page(at('/to-decimal'))))).reason).toBe(
        'refused',
      );
      expect(
        (await failure(visit(refused, (siteVisit) => siteVisit.page(at('/to-metadata'))))).message,
      ).toContain('169.254.169.254');
    });

    it('refuses a redirect to a name that resolves to a private address', async () => {
      expect(await failure(visit(refused, (siteVisit) => siteVisit.page(at('/to-intranet'))))).toEqual({
        reason: 'refused',
        message:
          'intranet.example resolves to 10.1.2.3, a private or local network address; Baken does not fetch from those.',
      });
    });

    it('refuses the fixture server itself when asked by its address', async () => {
      const error = await failure(
        visit({ allowPrivateNetwork: false }, (siteVisit) => siteVisit.page(new URL(`${site.url}/`))),
      );
      expect(error.reason).toBe('refused');
    });
  });

  it('stops reading a 10 MB page at the size limit with a clear error', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const site = await startSite({
      '/': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        let sent = 0;
        const more = () => {
          while (sent < 10 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return response.once('drain', more);
          }
          response.end();
        };
        more();
      },
    });
    try {
      const started = Date.now();
      expect(
        await failure(provider().lookUp({ website: `${site.url}/`, domain: null, kvkNumber: null }, ctx)),
      ).toEqual({
        reason: 'too_large',
        message: `${site.url}/ is larger than 2 MB; Baken stopped reading it.`,
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await site.close();
    }
  });

  it('refuses a page that announces more than the limit without reading it', async () => {
    const site = await startSite({
      '/': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) });
        response.write('<html>');
      },
    });
    try {
      expect((await failure(visit({}, (siteVisit) => siteVisit.page(new URL(`${site.url}/`))))).reason).toBe(
        'too_large',
      );
    } finally {
      await site.close();
    }
  });

  it('gives up on a server that never answers, with a clear error instead of hanging', async () => {
    const site = await startSite({ '/': () => undefined, '/robots.txt': html('') });
    try {
      const started = Date.now();
      const slow = provider({ totalTimeoutMs: 800 });
      expect(
        await failure(slow.lookUp({ website: `${site.url}/`, domain: null, kvkNumber: null }, ctx)),
      ).toEqual({
        reason: 'timeout',
        message: `127.0.0.1:${site.port} did not answer within 0.8 s; Baken gave up.`,
      });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await site.close();
    }
  });

  it('answers not found for a site without a home page, and fails on a server error', async () => {
    const site = await startSite({
      '/broken': (_request, response) => {
        response.writeHead(503);
        response.end();
      },
    });
    try {
      expect(
        await provider().lookUp({ website: `${site.url}/`, domain: null, kvkNumber: null }, ctx),
      ).toEqual({
        status: 'not_found',
        detail: `127.0.0.1:${site.port} has no home page (404).`,
      });
      expect(
        (
          await failure(
            provider().lookUp({ website: `${site.url}/broken`, domain: null, kvkNumber: null }, ctx),
          )
        ).message,
      ).toBe(`127.0.0.1:${site.port} answered with status 503.`);
    } finally {
      await site.close();
    }
  });
});
