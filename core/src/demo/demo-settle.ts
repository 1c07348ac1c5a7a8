import type { Company } from './demo-companies.ts';
import type { DealStory } from './demo-deals.ts';
import { addDays, between, DAY, HISTORY_DAYS, officeMoment } from './demo-time.ts';
import type { DemoContact } from './demo-types.ts';
import type { Random } from './random.ts';

type Lifecycle = DemoContact['lifecycleStage'];

function storiesByCompany(stories: DealStory[]): Map<Company, DealStory[]> {
  const byCompany = new Map<Company, DealStory[]>();
  for (const story of stories) byCompany.set(story.company, [...(byCompany.get(story.company) ?? []), story]);
  return byCompany;
}

function consentTime(random: Random, contact: DemoContact, now: Date): Date | null {
  if (contact.marketingConsent === 'unknown') return null;
  return between(
    random,
    contact.createdAt,
    new Date(Math.min(now.getTime(), contact.createdAt.getTime() + 30 * DAY)),
  );
}

/**
 * When companies and people entered the CRM: a company some days before its first deal (or at any
 * time when it has none), its people between then and that first deal, so that every deal's
 * contacts existed when the deal was made.
 */
export function settleTimes(
  random: Random,
  companies: Company[],
  looseLeads: DemoContact[],
  stories: DealStory[],
  now: Date,
): void {
  const byCompany = storiesByCompany(stories);
  for (const company of companies) {
    const firstDeal = Math.min(
      ...(byCompany.get(company) ?? []).map((story) => story.deal.createdAt.getTime()),
    );
    let createdAt = officeMoment(random, addDays(now, -HISTORY_DAYS - 60), addDays(now, -20));
    if (Number.isFinite(firstDeal) && createdAt.getTime() > firstDeal - 3 * DAY) {
      createdAt = addDays(new Date(firstDeal), -random.int(3, 45));
    }
    company.account.createdAt = createdAt;
    company.account.updatedAt = createdAt;
    const firstTouch = Number.isFinite(firstDeal) ? new Date(firstDeal) : now;
    company.contacts.forEach((contact, index) => {
      contact.createdAt = index === 0 ? createdAt : officeMoment(random, createdAt, firstTouch);
    });
  }
  for (const lead of looseLeads)
    lead.createdAt = officeMoment(random, addDays(now, -HISTORY_DAYS), addDays(now, -1));
  for (const contact of [...companies.flatMap((company) => company.contacts), ...looseLeads]) {
    contact.consentAt = consentTime(random, contact, now);
    contact.updatedAt = contact.consentAt ?? contact.createdAt;
  }
}

function lifecycleOf(
  random: Random,
  company: Company,
  stories: DealStory[],
  contact: DemoContact,
): Lifecycle {
  const status = company.account.customerStatus;
  if (status === 'customer' || status === 'former_customer') {
    const promoter = contact.persona === 'decision_maker' || contact.persona === 'champion';
    return promoter && random.chance(0.15) ? 'evangelist' : 'customer';
  }
  const open = stories.filter((story) => story.kind === 'open');
  if (open.some((story) => story.contacts.some((link) => link.contactId === contact.id)))
    return 'opportunity';
  if (open.length > 0) return random.chance(0.5) ? 'sql' : 'mql';
  if (stories.length > 0) {
    return random.weighted<Lifecycle>([
      ['sql', 35],
      ['mql', 35],
      ['disqualified', 30],
    ]);
  }
  if (status === 'competitor') return 'disqualified';
  return random.weighted<Lifecycle>([
    ['subscriber', 20],
    ['lead', 40],
    ['mql', 25],
    ['sql', 5],
    ['disqualified', 10],
  ]);
}

/** Won deals make customers (who may have left since); a few companies without deals are partners or competitors. */
function customerStatus(random: Random, stories: DealStory[], now: Date) {
  const won = stories.filter((story) => story.kind === 'won');
  if (won.length === 0) return null;
  const lastWin = new Date(Math.max(...won.map((story) => story.deal.stageEnteredAt.getTime())));
  const lapsed = lastWin < addDays(now, -365) && !stories.some((story) => story.kind === 'open');
  return {
    status: lapsed && random.chance(0.4) ? ('former_customer' as const) : ('customer' as const),
    since: lastWin,
  };
}

/** Customer status of companies and lifecycle stage of people, from how their deals went. */
export function settleStatuses(
  random: Random,
  companies: Company[],
  looseLeads: DemoContact[],
  stories: DealStory[],
  now: Date,
): void {
  const byCompany = storiesByCompany(stories);
  const withoutDeals = companies.filter((company) => !byCompany.has(company));
  random.sample(withoutDeals, 3).forEach((company, index) => {
    company.account.customerStatus = index < 2 ? 'partner' : 'competitor';
  });
  for (const company of companies) {
    const own = byCompany.get(company) ?? [];
    const customer = customerStatus(random, own, now);
    if (customer) {
      company.account.customerStatus = customer.status;
      company.account.updatedAt = customer.since;
    }
    for (const contact of company.contacts)
      contact.lifecycleStage = lifecycleOf(random, company, own, contact);
  }
  for (const lead of looseLeads) {
    lead.lifecycleStage = random.weighted<Lifecycle>([
      ['subscriber', 60],
      ['lead', 30],
      ['mql', 10],
    ]);
  }
}
