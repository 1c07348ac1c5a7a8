import type { Company } from './demo-companies.ts';
import { leadSources, lostReasons, type Product, products, tagNames } from './demo-offer.ts';
import type { Owners } from './demo-owners.ts';
import { addDays, DAY, HISTORY_DAYS, isoDate, MINUTE, officeHours, officeMoment } from './demo-time.ts';
import type { DemoDeal, DemoDealContact, DemoStage, DemoStageChange } from './demo-types.ts';
import type { Random } from './random.ts';

/** A deal with the path it took through the pipeline and what it is about. */
export interface DealStory {
  deal: DemoDeal;
  company: Company;
  product: Product;
  /** Where the deal stands: still open, won or lost. */
  kind: DemoStage['kind'];
  changes: DemoStageChange[];
  contacts: DemoDealContact[];
}

interface Pipeline {
  open: DemoStage[];
  won: DemoStage | undefined;
  lost: DemoStage | undefined;
  all: DemoStage[];
}

function pipelineOf(stages: readonly DemoStage[]): Pipeline {
  const all = [...stages].sort((a, b) => a.position - b.position);
  const open = all.filter((stage) => stage.kind === 'open');
  if (open.length === 0) throw new Error('The pipeline needs at least one open stage.');
  return {
    open,
    won: all.find((stage) => stage.kind === 'won'),
    lost: all.find((stage) => stage.kind === 'lost'),
    all,
  };
}

/**
 * The stage each deal ends in: every stage at least once, then about a quarter won, a quarter lost and
 * half still open, the early open stages fuller than the late ones (a funnel). Shuffled, so that
 * dates do not follow stages.
 */
function targetStages(random: Random, pipeline: Pipeline, count: number): DemoStage[] {
  const open = pipeline.open.length;
  // Weights 2n, 2n-1, ... n+1 over n open stages: a gentle funnel, so that late stages are not empty.
  const funnel = (open * (3 * open + 1)) / 2;
  const weights: (readonly [DemoStage, number])[] = pipeline.open.map(
    (stage, index) => [stage, (100 * (2 * open - index)) / funnel] as const,
  );
  if (pipeline.won) weights.push([pipeline.won, 50]);
  if (pipeline.lost) weights.push([pipeline.lost, 50]);
  const targets = pipeline.all.slice(0, count);
  while (targets.length < count) targets.push(random.weighted(weights));
  return random.sample(targets, targets.length);
}

/** The stages a deal went through to reach `target`; now and then one is skipped, as in real life. */
function pathTo(random: Random, pipeline: Pipeline, target: DemoStage): DemoStage[] {
  const { open } = pipeline;
  const through =
    target.kind === 'open'
      ? open.slice(0, open.indexOf(target) + 1)
      : target.kind === 'won'
        ? [...open, target]
        : [...open.slice(0, random.int(1, open.length)), target];
  return through.filter(
    (_stage, index) => index === 0 || index === through.length - 1 || !random.chance(0.15),
  );
}

/** When the deal entered each stage of its path: from creation to close (or to some time before now). */
function stageTimes(random: Random, path: DemoStage[], createdAt: Date, end: Date): Date[] {
  const span = end.getTime() - createdAt.getTime();
  const inner = Array.from(
    { length: path.length - 1 },
    () => createdAt.getTime() + random.next() * span,
  ).sort((a, b) => a - b);
  const times = [createdAt, ...inner.map((time) => officeHours(random, new Date(time), createdAt, end))];
  times.sort((a, b) => a.getTime() - b.getTime());
  // Keep every step strictly after the one before it, so the order of the history is never ambiguous.
  for (let i = 1; i < times.length; i++) {
    if (times[i]! <= times[i - 1]!) times[i] = new Date(times[i - 1]!.getTime() + MINUTE);
  }
  return times;
}

/**
 * Closed deals start 1 to 18 months ago and ran 2 weeks to 5 months; open deals lean recent (a
 * squared draw), since old open deals get closed or cleaned up.
 */
function lifetime(random: Random, target: DemoStage, now: Date): { createdAt: Date; end: Date } {
  const history = HISTORY_DAYS - 3;
  if (target.kind !== 'open') {
    const createdAt = officeMoment(random, addDays(now, -history), addDays(now, -30));
    const days = Math.min(random.int(14, 150), (now.getTime() - createdAt.getTime()) / DAY - 1);
    return { createdAt, end: officeHours(random, addDays(createdAt, days), createdAt, now) };
  }
  const age = 2 + (history - 2) * random.next() ** 2;
  const createdAt = officeHours(random, addDays(now, -age), addDays(now, -history), now);
  return {
    createdAt,
    end: addDays(createdAt, ((now.getTime() - createdAt.getTime()) / DAY) * (0.2 + random.next() * 0.7)),
  };
}

function money(random: Random, product: Product) {
  const recurring = product.recurring ? Math.round(random.int(...product.recurring) / 10) * 10 : 0;
  const oneOff = Math.round(random.int(...product.amount) / 250) * 250;
  // A contract's value is its first year, plus any set-up fee.
  return { amount: (oneOff + 12 * recurring) * 100, recurringAmount: recurring * 100 };
}

function forecastCategory(random: Random, stage: DemoStage): DemoDeal['forecastCategory'] {
  if (stage.kind !== 'open') return 'closed';
  if (random.chance(0.05)) return 'omitted';
  return stage.probability >= 75 ? 'commit' : stage.probability >= 35 ? 'best_case' : 'pipeline';
}

function expectedClose(random: Random, target: DemoStage, createdAt: Date, now: Date): string {
  if (target.kind !== 'open') return isoDate(addDays(createdAt, random.int(30, 120)));
  // Some open deals are past their expected close date: the overdue list a manager asks about.
  const overdue = random.chance(0.15) && addDays(now, -30) > createdAt;
  return isoDate(addDays(now, overdue ? -random.int(1, 30) : random.int(7, 120)));
}

function dealContacts(random: Random, company: Company, dealId: string, createdAt: Date): DemoDealContact[] {
  const [decider, ...others] = company.contacts;
  if (!decider) return [];
  const chosen = [decider, ...random.sample(others, random.int(0, Math.min(2, others.length)))];
  return chosen.map((contact) => ({
    dealId,
    contactId: contact.id,
    role: contact.persona ?? 'user',
    createdAt,
  }));
}

function story(random: Random, input: DealInput, target: DemoStage, company: Company): DealStory {
  const { now, newId, owners } = input;
  const path = pathTo(random, input.pipeline, target);
  const { createdAt, end } = lifetime(random, target, now);
  const times = stageTimes(random, path, createdAt, end);
  const id = newId();
  const ownerId = random.chance(0.85) ? company.account.ownerId : owners.seller(random);
  const changes = path.map((stage, index) => ({
    id: newId(),
    dealId: id,
    fromStageId: index === 0 ? null : path[index - 1]!.id,
    toStageId: stage.id,
    changedAt: times[index]!,
    changedBy: ownerId,
  }));
  const lastChange = times[times.length - 1]!;
  const product = random.pick(products);
  const deal: DemoDeal = {
    id,
    name: `${company.shortName} – ${product.name}`,
    accountId: company.account.id,
    pipelineId: target.pipelineId,
    stageId: target.id,
    ...money(random, product),
    currency: input.currency,
    expectedCloseDate: expectedClose(random, target, createdAt, now),
    actualCloseDate: target.kind === 'open' ? null : isoDate(lastChange),
    probability: target.probability,
    forecastCategory: forecastCategory(random, target),
    ownerId,
    lostReason: target.kind === 'lost' ? random.pick(lostReasons) : null,
    source: random.weighted(leadSources),
    stageEnteredAt: lastChange,
    tags: random.chance(0.2) ? [random.pick(tagNames.deal)] : [],
    createdAt,
    updatedAt: lastChange,
  };
  return {
    deal,
    company,
    product,
    kind: target.kind,
    changes,
    contacts: dealContacts(random, company, id, createdAt),
  };
}

interface DealInput {
  pipeline: Pipeline;
  now: Date;
  currency: string;
  owners: Owners;
  newId: () => string;
}

/**
 * Deals at about two thirds of the companies (some with several: repeat business), each with its
 * stage history and the people involved.
 */
export function generateDeals(
  random: Random,
  companies: Company[],
  count: number,
  input: Omit<DealInput, 'pipeline'> & { stages: readonly DemoStage[] },
): DealStory[] {
  if (companies.length === 0 || count === 0) return [];
  const pipeline = pipelineOf(input.stages);
  const buyers = random.sample(companies, Math.max(1, Math.round(companies.length * 0.65)));
  return targetStages(random, pipeline, count).map((target) =>
    story(random, { ...input, pipeline }, target, random.pick(buyers)),
  );
}
