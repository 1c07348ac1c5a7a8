import { describe, expect, it } from 'vitest';
import { detectTechnologies, type PageEvidence, technologyCategory } from './technology-detect.ts';
import { technologyCategories, technologyRules } from './technology-rules.ts';

const page = (evidence: Partial<PageEvidence>): PageEvidence => ({
  html: '',
  scriptSrc: [],
  meta: {},
  headers: {},
  cookies: [],
  ...evidence,
});
const names = (evidence: Partial<PageEvidence>) =>
  detectTechnologies(page(evidence)).map((found) => found.name);

describe('technology rules', () => {
  it('holds at least 50 technologies, each named once, in a known category', () => {
    expect(technologyRules.length).toBeGreaterThanOrEqual(50);
    const seen = new Set(technologyRules.map((rule) => rule.name));
    expect(seen.size).toBe(technologyRules.length);
    for (const rule of technologyRules) expect(technologyCategories, rule.name).toContain(rule.category);
  });

  it('has patterns that compile and implied products that exist', () => {
    const all = new Set(technologyRules.map((rule) => rule.name));
    for (const rule of technologyRules) {
      const patterns = [
        ...(rule.scriptSrc ?? []),
        ...(rule.html ?? []),
        ...(rule.cookies ?? []),
        ...Object.values(rule.meta ?? {}),
        ...Object.values(rule.headers ?? {}),
      ];
      expect(patterns.length, rule.name).toBeGreaterThan(0);
      for (const source of patterns)
        expect(() => new RegExp(source, 'i'), `${rule.name}: ${source}`).not.toThrow();
      for (const implied of rule.implies ?? [])
        expect(all, `${rule.name} implies ${implied}`).toContain(implied);
    }
  });

  it('covers what Dutch and Belgian small-business sites run', () => {
    const all = technologyRules.map((rule) => rule.name);
    for (const name of [
      'WordPress',
      'WooCommerce',
      'Lightspeed',
      'CCV Shop',
      'Mijnwebwinkel',
      'Mollie',
      'Adyen',
    ]) {
      expect(all).toContain(name);
    }
    for (const name of ['Spotler', 'Copernica', 'Trengo', 'Cookiebot', 'CookieFirst', 'Google Tag Manager']) {
      expect(all).toContain(name);
    }
  });
});

describe('detectTechnologies', () => {
  it('matches script addresses', () => {
    expect(names({ scriptSrc: ['https://www.googletagmanager.com/gtm.js?id=GTM-ABC123'] })).toEqual([
      'Google Tag Manager',
    ]);
    expect(names({ scriptSrc: ['https://js.stripe.com/v3/'] })).toEqual(['Stripe']);
  });

  it('matches the generator meta tag', () => {
    expect(names({ meta: { generator: ['Joomla! - Open Source Content Management'] } })).toEqual(['Joomla']);
  });

  it('matches response headers, with an empty pattern meaning the header is there', () => {
    expect(names({ headers: { server: ['cloudflare'], 'cf-ray': ['8a1b-AMS'] } })).toEqual(['Cloudflare']);
    expect(names({ headers: { 'x-vercel-id': ['fra1::abc'] } })).toEqual(['Vercel']);
    expect(names({ headers: { server: ['nginx/1.25'] } })).toEqual(['Nginx']);
  });

  it('matches cookie names', () => {
    expect(names({ cookies: ['_shopify_y', 'cart'] })).toEqual(['Shopify']);
  });

  it('matches the HTML, ignoring case', () => {
    expect(names({ html: '<script>FBQ("init", "123");</script>' })).toEqual(['Meta Pixel']);
    expect(names({ html: "gtag('config', 'G-ABC1234')" })).toEqual(['Google Analytics 4']);
    expect(names({ html: "ga('create', 'UA-1234567-1')" })).toEqual(['Google Analytics']);
  });

  it('adds what a product implies, marked as implied', () => {
    const found = detectTechnologies(page({ html: '<link href="/wp-content/plugins/woocommerce/x.css">' }));
    expect(found).toEqual([
      { name: 'WordPress', category: 'cms', matchedOn: 'html' },
      { name: 'WooCommerce', category: 'e-commerce', matchedOn: 'html' },
    ]);
    expect(detectTechnologies(page({ html: '<script id="__NEXT_DATA__">' }))).toEqual([
      { name: 'Next.js', category: 'js-framework', matchedOn: 'html' },
      { name: 'React', category: 'js-framework', matchedOn: 'implied' },
    ]);
  });

  it('finds nothing on a plain page', () => {
    expect(names({ html: '<html><body><h1>Bakkerij</h1><p>Vers brood.</p></body></html>' })).toEqual([]);
  });

  it('lists each product once, sorted by category and name', () => {
    const found = names({
      html: '/wp-content/ /wp-includes/ consent.cookiebot.com',
      scriptSrc: ['https://code.jquery.com/jquery-3.7.1.min.js', 'https://consent.cookiebot.com/uc.js'],
      meta: { generator: ['WordPress 6.5'] },
    });
    expect(found).toEqual(['WordPress', 'Cookiebot', 'jQuery']);
  });

  it('runs custom rules given as data', () => {
    const rules = [{ name: 'Eigen CMS', category: 'cms' as const, html: ['eigen-cms-\\d'] }];
    expect(detectTechnologies(page({ html: 'eigen-cms-2' }), rules)).toEqual([
      { name: 'Eigen CMS', category: 'cms', matchedOn: 'html' },
    ]);
  });
});

describe('technologyCategory', () => {
  it('knows the category of a detected name, in any case, and null for unknown names', () => {
    expect(technologyCategory('hubspot')).toBe('marketing-automation');
    expect(technologyCategory('Exact Online')).toBeNull();
  });
});
