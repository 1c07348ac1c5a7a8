// What a company's home page says about the company: read with cheerio from the markup, the
// schema.org Organization data many sites embed (JSON-LD), and the links to mail, phone and social
// profiles.
import type { FoundField, SocialLinks } from '@baken/core/enrichment/enrichment.schema';
import {
  countryCode,
  findKvkNumber,
  findVatNumber,
  languageOf,
  nameFromTitle,
  socialLinksOf,
} from '@baken/core/enrichment/page-facts';
import type { PageEvidence } from '@baken/core/enrichment/technology-detect';
import { type CheerioAPI, loadBuffer } from 'cheerio';
import type { FetchedPage } from './site-fetcher.ts';

export type PageFacts = Partial<Record<FoundField, unknown>>;

type JsonObject = Record<string, unknown>;

const ORGANIZATION_TYPES =
  /^(Organization|Corporation|LocalBusiness|Store|OnlineStore|OnlineBusiness|ProfessionalService|NGO|EducationalOrganization|[A-Za-z]+(Business|Store|Shop|Service|Company|Restaurant|Bakery|Agency|Contractor|Dealer))$/;

const textOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
};

/** Every JSON-LD node on the page, @graph arrays unfolded; unreadable blocks are skipped. */
function jsonLdNodes($: CheerioAPI): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      nodes.push(value as JsonObject);
      if ('@graph' in value) visit((value as JsonObject)['@graph']);
    }
  };
  $('script[type="application/ld+json"]').each((_, element) => {
    try {
      visit(JSON.parse($(element).text()));
    } catch {
      // A broken block on someone's site is not our error; the rest of the page still counts.
    }
  });
  return nodes;
}

function organizationOf(nodes: JsonObject[]): JsonObject | null {
  const isOrganization = (node: JsonObject) =>
    [node['@type']].flat().some((type) => typeof type === 'string' && ORGANIZATION_TYPES.test(type));
  return nodes.find(isOrganization) ?? null;
}

function employeesOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const node = value as JsonObject;
    const count = node.value ?? node.maxValue ?? node.minValue;
    return typeof count === 'number' ? count : typeof count === 'string' ? Number.parseInt(count, 10) : null;
  }
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}

function addressFacts(address: unknown): PageFacts {
  const node = (Array.isArray(address) ? address[0] : address) as JsonObject | undefined;
  if (!node || typeof node !== 'object') return {};
  const country = node.addressCountry;
  const countryText = textOf(typeof country === 'object' && country ? (country as JsonObject).name : country);
  return {
    street: textOf(node.streetAddress),
    postalCode: textOf(node.postalCode),
    city: textOf(node.addressLocality),
    region: textOf(node.addressRegion),
    country: countryText ? countryCode(countryText) : null,
  };
}

function organizationFacts(organization: JsonObject | null): PageFacts {
  if (!organization) return {};
  const founded = textOf(organization.foundingDate);
  const sameAs = [organization.sameAs].flat().filter((link): link is string => typeof link === 'string');
  return {
    name: textOf(organization.legalName) ?? textOf(organization.name),
    description: textOf(organization.description),
    phone: textOf(organization.telephone),
    email: textOf(organization.email)?.replace(/^mailto:/i, ''),
    foundedYear: founded && /^\d{4}/.test(founded) ? Number(founded.slice(0, 4)) : null,
    employeeCount: employeesOf(organization.numberOfEmployees),
    vatNumber: textOf(organization.vatID),
    socialLinks: sameAs.length > 0 ? socialLinksOf(sameAs) : null,
    ...addressFacts(organization.address),
  };
}

const metaContent = ($: CheerioAPI, selector: string) => textOf($(selector).first().attr('content'));

/**
 * The page's text with a space between elements (`.text()` would glue "Contact" and "KvK 1234…"
 * together), without scripts and styles, capped at 500,000 characters.
 */
function visibleText($: CheerioAPI): string {
  const parts: string[] = [];
  $('body')
    .find('*')
    .addBack()
    .contents()
    .each((_, node) => {
      const parent = node.parent as { name?: string } | null;
      if (node.type === 'text' && parent?.name !== 'script' && parent?.name !== 'style')
        parts.push(node.data);
    });
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, 500_000);
}

/** A percent-encoded link target; a malformed one is taken as written. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function linkTargets($: CheerioAPI, scheme: 'mailto:' | 'tel:'): string[] {
  return $(`a[href^="${scheme}" i]`)
    .map((_, element) => decoded(($(element).attr('href') ?? '').slice(scheme.length).split('?')[0] ?? ''))
    .get()
    .map((target) => target.trim())
    .filter(Boolean);
}

/** The address a visitor is asked to write to: one on the site's own domain first. */
function contactEmail(emails: string[], host: string): string | null {
  const domain = host.replace(/^www\./, '');
  return emails.find((email) => email.toLowerCase().endsWith(`@${domain}`)) ?? emails[0] ?? null;
}

/** Drops empty values and merges: the first source that has a field wins. */
function firstOf(...sources: PageFacts[]): PageFacts {
  const facts: PageFacts = {};
  for (const source of sources) {
    for (const [field, value] of Object.entries(source) as [FoundField, unknown][]) {
      const empty = value === null || value === undefined || value === '';
      const emptyObject = typeof value === 'object' && value !== null && Object.keys(value).length === 0;
      if (!empty && !emptyObject && facts[field] === undefined) facts[field] = value;
    }
  }
  return facts;
}

export interface ReadPage {
  facts: PageFacts;
  evidence: PageEvidence;
}

/** The facts and the technology evidence of a fetched page. */
export function readPage(page: FetchedPage): ReadPage {
  const charset = /charset=([^;]+)/i.exec(page.headers['content-type']?.[0] ?? '')?.[1]?.trim();
  const $ = loadBuffer(page.body, charset ? { encoding: { transportLayerEncodingLabel: charset } } : {});
  const absolute = (href: string | undefined) => {
    if (!href || !URL.canParse(href, page.url)) return null;
    return new URL(href, page.url).href;
  };
  const links = $('a[href]')
    .map((_, element) => absolute($(element).attr('href')))
    .get()
    .filter((href): href is string => href !== null);
  const bodyText = visibleText($);
  const title = textOf($('title').first().text());

  const pageFacts: PageFacts = {
    name: metaContent($, 'meta[property="og:site_name"]') ?? (title ? nameFromTitle(title) : null),
    description:
      metaContent($, 'meta[name="description" i]') ?? metaContent($, 'meta[property="og:description"]'),
    email: contactEmail(linkTargets($, 'mailto:'), page.url.hostname),
    phone: linkTargets($, 'tel:')[0] ?? null,
    socialLinks: socialLinksOf(links) as SocialLinks,
    language: languageOf($('html').attr('lang') ?? '') ?? null,
    kvkNumber: findKvkNumber(bodyText),
    vatNumber: findVatNumber(bodyText),
    website: page.url.origin,
  };
  const organization = organizationFacts(organizationOf(jsonLdNodes($)));
  const facts = firstOf(organization, pageFacts);
  facts.socialLinks = {
    ...(pageFacts.socialLinks as SocialLinks),
    ...(organization.socialLinks as SocialLinks | null),
  };

  const meta: Record<string, string[]> = {};
  $('meta[name][content]').each((_, element) => {
    const name = ($(element).attr('name') ?? '').toLowerCase();
    meta[name] = [...(meta[name] ?? []), $(element).attr('content') ?? ''];
  });
  const cookies = (page.headers['set-cookie'] ?? []).map((cookie) => cookie.split('=')[0]?.trim() ?? '');
  const evidence: PageEvidence = {
    html: $.html(),
    scriptSrc: $('script[src]')
      .map((_, element) => absolute($(element).attr('src')))
      .get()
      .filter((src): src is string => src !== null),
    meta,
    headers: page.headers,
    cookies,
  };
  return { facts, evidence };
}
