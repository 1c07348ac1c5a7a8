import { companyFamilyName, lastNames } from './demo-names.ts';
import { tagNames } from './demo-offer.ts';
import type { Owners } from './demo-owners.ts';
import {
  belgianPlaces,
  belgianStreets,
  dutchPlaces,
  dutchStreets,
  type Place,
  regionNames,
} from './demo-places.ts';
import { commonTechnologies, houseNames, type Sector, sectors } from './demo-sectors.ts';
import type { Country, DemoAccount, DemoContact } from './demo-types.ts';
import {
  belgianVatNumber,
  dutchPostcode,
  dutchVatNumber,
  kvkNumber,
  landline,
  plainAscii,
} from './identifiers.ts';
import type { Random } from './random.ts';

/** An account with what the rest of the generator needs to know about it. */
export interface Company {
  account: DemoAccount;
  place: Place;
  /** The name without its legal form, as people say it and deal names use it. */
  shortName: string;
  contacts: DemoContact[];
}

// Most B2B customers of a Dutch installer are Dutch; a Flemish branch brings in about a third.
const BELGIAN_SHARE = 0.3;

function tradeName(random: Random, country: Country, sector: Sector, place: Place): string {
  const family = () => companyFamilyName(random.pick(lastNames[country]));
  const trade = random.pick(sector.trades);
  const patterns: (readonly [() => string, number])[] = [
    [() => `${family()} ${trade}`, 40],
    [() => `${trade} ${place.city}`, 15],
    [() => `${random.pick(regionNames[country])} ${trade}`, 15],
    [() => `${family()} & Zonen`, 8],
    [() => `Gebroeders ${family()}`, 4],
  ];
  if (sector.house) {
    patterns.push([() => `${sector.house} ${random.pick(houseNames).join(' ')}`, 30]);
  }
  return random.weighted(patterns)();
}

function legalForm(random: Random, country: Country): string {
  return country === 'NL'
    ? random.weighted([
        ['BV', 75],
        ['', 20],
        ['VOF', 5],
      ])
    : random.weighted([
        ['BV', 45],
        ['NV', 30],
        ['BVBA', 20],
        ['', 5],
      ]);
}

function domainFor(random: Random, shortName: string, country: Country, taken: Set<string>): string {
  const words = shortName.split(/\s+/).map(plainAscii).filter(Boolean);
  const joined = random.chance(0.6) ? words.join('') : words.join('-');
  const base = joined.length <= 40 ? joined : words.slice(0, 2).join('');
  const tld = country === 'NL' ? 'nl' : 'be';
  let domain = `${base}.${tld}`;
  for (let n = 2; taken.has(domain); n++) domain = `${base}${n}.${tld}`;
  taken.add(domain);
  return domain;
}

function address(random: Random, place: Place) {
  const streets = place.country === 'NL' ? dutchStreets : belgianStreets;
  const number = `${random.int(1, 240)}${random.chance(0.1) ? random.pick(['a', 'b', '-3', ' bus 2']) : ''}`;
  const postalCode =
    place.country === 'NL'
      ? dutchPostcode(random, place.postcodes as readonly [number, number])
      : String(random.pick(place.postcodes));
  return { street: `${random.pick(streets)} ${number}`, postalCode, city: place.city, region: place.region };
}

/** Most firms are small: a squared draw leans towards the low end of the sector's range. */
function employeeCount(random: Random, sector: Sector): number {
  const [low, high] = sector.employees;
  return Math.round(low + (high - low) * random.next() ** 2);
}

function technologies(random: Random, sector: Sector): string[] {
  const own = random.sample(sector.technologies, random.int(2, sector.technologies.length));
  const extra = random.sample(commonTechnologies, random.int(0, 2));
  return [...new Set([...own, ...extra])];
}

function account(
  random: Random,
  owners: Owners,
  newId: () => string,
  names: Set<string>,
  domains: Set<string>,
  year: number,
) {
  const country: Country = random.chance(BELGIAN_SHARE) ? 'BE' : 'NL';
  const place = random.pick(country === 'NL' ? dutchPlaces : belgianPlaces);
  const sector = random.pick(sectors);
  let shortName = tradeName(random, country, sector, place);
  while (names.has(shortName)) shortName = tradeName(random, country, sector, place);
  names.add(shortName);
  const form = legalForm(random, country);
  const domain = domainFor(random, shortName, country, domains);
  const employees = employeeCount(random, sector);
  const revenueEuros = employees * random.int(...sector.revenuePerEmployee);
  const record: DemoAccount = {
    id: newId(),
    name: form ? `${shortName} ${form}` : shortName,
    domain,
    website: `https://www.${domain}`,
    phone: landline(random, country, place.areaCode),
    email: `${random.pick(['info', 'info', 'contact', 'office'])}@${domain}`,
    ...address(random, place),
    country,
    kvkNumber: country === 'NL' ? kvkNumber(random) : null,
    vatNumber: country === 'NL' ? dutchVatNumber(random) : belgianVatNumber(random),
    industryCode: sector.code,
    employeeCount: employees,
    annualRevenue: Math.round(revenueEuros / 1000) * 1000 * 100,
    foundedYear: year - Math.round(3 + 90 * random.next() ** 1.5),
    technologies: technologies(random, sector),
    customerStatus: 'prospect',
    ownerId: owners.seller(random),
    description: sector.description,
    tags: random.chance(0.3) ? [random.pick(tagNames.account)] : [],
    // Set once the deals are known: a company is in the CRM before its first deal.
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  return { account: record, place, shortName, contacts: [] };
}

export function generateCompanies(
  random: Random,
  count: number,
  owners: Owners,
  newId: () => string,
  now: Date,
): Company[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  return Array.from({ length: count }, () =>
    account(random, owners, newId, names, domains, now.getUTCFullYear()),
  );
}
