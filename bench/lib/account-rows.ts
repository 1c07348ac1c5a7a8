import { companyFamilyName, lastNames } from '@baken/core/demo/demo-names';
import { belgianPlaces, dutchPlaces } from '@baken/core/demo/demo-places';
import { sectors } from '@baken/core/demo/demo-sectors';
import { landline, plainAscii } from '@baken/core/demo/identifiers';
import { type BenchPlan, type CellValue, daysBefore, TABLE, type TableRows } from './bench-plan.ts';
import { benchId, rowRandom } from './row-random.ts';

const columns = [
  'workspace_id',
  'id',
  'name',
  'domain',
  'website',
  'phone',
  'city',
  'region',
  'country',
  'industry_code',
  'employee_count',
  'annual_revenue',
  'customer_status',
  'owner_id',
  'created_at',
  'updated_at',
] as const;

const statuses = [
  ['prospect', 70],
  ['customer', 20],
  ['former_customer', 6],
  ['partner', 3],
  ['competitor', 1],
] as const;

/** Dutch and Belgian companies: family name + trade, in a real town, with a sector's size and revenue. */
export function accountRow(plan: BenchPlan, index: number): CellValue[] {
  const random = rowRandom(plan.seed, TABLE.accounts, index);
  const country = random.chance(0.7) ? 'NL' : 'BE';
  const place = random.pick(country === 'NL' ? dutchPlaces : belgianPlaces);
  const sector = random.pick(sectors);
  const name = `${companyFamilyName(random.pick(lastNames[country]))} ${random.pick(sector.trades)}`;
  // The index keeps domains unique across 100,000 companies that share a few hundred names.
  const domain = `${plainAscii(name.replace(/ /g, '-'))}-${index.toString(36)}.${country.toLowerCase()}`;
  const employees = random.int(sector.employees[0], sector.employees[1]);
  const createdDaysAgo = random.next() * 1500;
  return [
    plan.workspaceId,
    benchId(TABLE.accounts, index),
    name,
    domain,
    `https://www.${domain}`,
    landline(random, country, place.areaCode),
    place.city,
    place.region,
    country,
    sector.code,
    employees,
    employees * random.int(sector.revenuePerEmployee[0], sector.revenuePerEmployee[1]),
    random.weighted(statuses),
    random.pick(plan.ownerIds),
    daysBefore(createdDaysAgo),
    daysBefore(createdDaysAgo * random.next()),
  ];
}

/** The domain `accountRow` gives account `index`, without building the rest of the row. */
export const accountDomain = (plan: BenchPlan, index: number) => accountRow(plan, index)[3] as string;

export function accountRows(plan: BenchPlan): TableRows {
  return {
    table: 'accounts',
    columns,
    count: plan.size.accounts,
    rows: function* () {
      for (let index = 0; index < plan.size.accounts; index++) yield accountRow(plan, index);
    },
  };
}
