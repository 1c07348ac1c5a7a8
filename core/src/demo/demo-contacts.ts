import type { Company } from './demo-companies.ts';
import { firstNames, lastNames } from './demo-names.ts';
import { consentSources, jobTitles, leadSources, tagNames } from './demo-offer.ts';
import type { Owners } from './demo-owners.ts';
import type { Country, DemoContact, Persona } from './demo-types.ts';
import { emailLocalPart, landline, mobile, plainAscii } from './identifiers.ts';
import type { Random } from './random.ts';

const freeMailDomains = {
  NL: ['gmail.com', 'outlook.com', 'hotmail.com', 'ziggo.nl', 'kpnmail.nl'],
  BE: ['telenet.be', 'gmail.com', 'skynet.be', 'proximus.be'],
};

// Beyond its first contact (always the one who decides), a company's people in these proportions.
const personaWeights: (readonly [Persona, number])[] = [
  ['champion', 25],
  ['influencer', 25],
  ['user', 22],
  ['gatekeeper', 15],
  ['decision_maker', 13],
];

/** firstname.lastname@domain, or initial.lastname@ and then a number when that is taken. */
function uniqueEmail(firstName: string, lastName: string, domain: string, taken: Set<string>): string {
  const candidates = [
    emailLocalPart(firstName, lastName),
    `${plainAscii(firstName).charAt(0)}.${plainAscii(lastName)}`,
  ];
  let email = candidates.map((local) => `${local}@${domain}`).find((candidate) => !taken.has(candidate));
  for (let n = 2; !email; n++) {
    const candidate = `${candidates[0]}${n}@${domain}`;
    if (!taken.has(candidate)) email = candidate;
  }
  taken.add(email);
  return email;
}

function consent(random: Random) {
  const status = random.weighted([
    ['granted', 45],
    ['unknown', 40],
    ['denied', 10],
    ['withdrawn', 5],
  ] as const);
  const source =
    status === 'granted'
      ? random.pick(consentSources)
      : status === 'withdrawn'
        ? 'Afmeldlink nieuwsbrief'
        : null;
  return { marketingConsent: status, consentSource: source };
}

function person(random: Random, country: Country, domain: string, taken: Set<string>) {
  const firstName = random.pick(firstNames[country]);
  const lastName = random.pick(lastNames[country]);
  return { firstName, lastName, email: uniqueEmail(firstName, lastName, domain, taken) };
}

function jobTitle(random: Random, persona: Persona, country: Country): string {
  const titles = jobTitles[persona];
  return random.pick(country === 'BE' ? [...titles.common, ...titles.BE] : titles.common);
}

function employee(
  random: Random,
  company: Company,
  persona: Persona,
  taken: Set<string>,
  newId: () => string,
): DemoContact {
  const { account, place } = company;
  const country = account.country;
  return {
    id: newId(),
    ...person(random, country, account.domain, taken),
    phone: random.chance(0.6) ? landline(random, country, place.areaCode) : null,
    mobile: random.chance(0.7) ? mobile(random, country) : null,
    jobTitle: jobTitle(random, persona, country),
    persona,
    accountId: account.id,
    lifecycleStage: 'lead',
    leadSource: random.weighted(leadSources),
    ownerId: account.ownerId,
    ...consent(random),
    consentAt: null,
    tags: random.chance(0.15) ? [random.pick(tagNames.contact)] : [],
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** Someone who signed up with a private address, before anyone knows their company. */
function looseLead(random: Random, owners: Owners, taken: Set<string>, newId: () => string): DemoContact {
  const country: Country = random.chance(0.3) ? 'BE' : 'NL';
  return {
    id: newId(),
    ...person(random, country, random.pick(freeMailDomains[country]), taken),
    phone: null,
    mobile: random.chance(0.4) ? mobile(random, country) : null,
    jobTitle: null,
    persona: null,
    accountId: null,
    lifecycleStage: 'subscriber',
    leadSource: random.weighted([
      ['website', 3],
      ['webinar', 2],
      ['event', 1],
    ] as const),
    ownerId: owners.marketer(random),
    marketingConsent: 'granted',
    consentAt: null,
    consentSource: random.pick(consentSources),
    tags: [random.pick(tagNames.contact)],
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** How many people each company gets: two at least, the rest to random companies, at most eight each. */
function headcounts(random: Random, companies: number, people: number): number[] {
  const minimum = Math.min(2, Math.floor(people / Math.max(1, companies)));
  const counts = Array.from({ length: companies }, () => minimum);
  for (let left = people - minimum * companies; left > 0; ) {
    const index = random.int(0, companies - 1);
    if (counts[index]! < 8 || counts.every((count) => count >= 8)) {
      counts[index]! += 1;
      left -= 1;
    }
  }
  return counts;
}

/** People at the companies (their first one decides) plus a few loose leads; fills `company.contacts`. */
export function generateContacts(
  random: Random,
  companies: Company[],
  total: number,
  owners: Owners,
  newId: () => string,
): { employees: DemoContact[]; looseLeads: DemoContact[] } {
  const taken = new Set<string>();
  const loose = companies.length === 0 ? total : Math.round(total * 0.04);
  const counts = headcounts(random, companies.length, total - loose);
  companies.forEach((company, index) => {
    for (let i = 0; i < counts[index]!; i++) {
      const persona = i === 0 ? 'decision_maker' : random.weighted(personaWeights);
      company.contacts.push(employee(random, company, persona, taken, newId));
    }
  });
  const looseLeads = Array.from({ length: loose }, () => looseLead(random, owners, taken, newId));
  return { employees: companies.flatMap((company) => company.contacts), looseLeads };
}
