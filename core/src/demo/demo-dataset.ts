import { generateActivities } from './demo-activities.ts';
import { generateCompanies } from './demo-companies.ts';
import { generateContacts } from './demo-contacts.ts';
import { generateDeals } from './demo-deals.ts';
import { ownersOf } from './demo-owners.ts';
import { settleStatuses, settleTimes } from './demo-settle.ts';
import type { DemoDataset, DemoInput, DemoSize } from './demo-types.ts';
import type { Prospect } from './demo-work.ts';
import { Random } from './random.ts';

export const defaultDemoSize: DemoSize = { accounts: 80, contacts: 300, deals: 150, activities: 800 };

/** The seed `baken demo` uses unless told otherwise: the same demo on every install. */
export const defaultDemoSeed = 20_261_126;

/**
 * A realistic book of business for a Dutch/Belgian B2B team: companies, their people, deals with
 * their stage history over the past 18 months, and the calls, mails, meetings and tasks behind them.
 * Pure: the same input (seed, now, members, stages, id source) gives the same dataset.
 */
export function generateDemoDataset(input: DemoInput): DemoDataset {
  const random = new Random(input.seed);
  const size = { ...defaultDemoSize, ...input.size };
  const { now, newId } = input;
  const owners = ownersOf(input.members);
  const companies = generateCompanies(random, size.accounts, owners, newId, now);
  const { employees, looseLeads } = generateContacts(random, companies, size.contacts, owners, newId);
  const stories = generateDeals(random, companies, size.deals, {
    now,
    newId,
    owners,
    currency: input.currency,
    stages: input.stages,
  });
  settleTimes(random, companies, looseLeads, stories, now);
  settleStatuses(random, companies, looseLeads, stories, now);
  const prospects: Prospect[] = [
    ...companies.flatMap((company) => company.contacts.map((contact) => ({ contact, company }))),
    ...looseLeads.map((contact) => ({ contact, company: undefined })),
  ];
  const activities = generateActivities(random, stories, prospects, size.activities, {
    now,
    newId,
    owners,
    stages: input.stages,
  });
  return {
    accounts: companies.map((company) => company.account),
    contacts: [...employees, ...looseLeads],
    deals: stories.map((story) => story.deal),
    stageChanges: stories.flatMap((story) => story.changes),
    dealContacts: stories.flatMap((story) => story.contacts),
    activities,
  };
}
