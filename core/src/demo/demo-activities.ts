import {
  type ActivityInput,
  activity,
  blank,
  type ActivityFields as Fields,
} from './demo-activity-record.ts';
import type { DealStory } from './demo-deals.ts';
import { addDays, between, MINUTE, officeMoment } from './demo-time.ts';
import type { DemoActivity, DemoContact } from './demo-types.ts';
import { type Prospect, prospectingActivity } from './demo-work.ts';
import type { Random } from './random.ts';

interface Step {
  story: DealStory;
  contact: DemoContact | undefined;
  at: Date;
}

function linksOf(step: Step) {
  const { deal } = step.story;
  return {
    contactId: step.contact?.id ?? null,
    accountId: deal.accountId,
    dealId: deal.id,
    ownerId: deal.ownerId,
  };
}

type StepFields = Partial<Fields> & Pick<Fields, 'type' | 'subject'>;

/** An activity of the step, linked to the deal; done at the step's time unless it is a note. */
function stepActivity(step: Step, fields: StepFields): Fields {
  return { ...blank, ...linksOf(step), doneAt: fields.type === 'note' ? null : step.at, ...fields };
}

/** What the rep did that moved the deal into an open stage, by the stage's place in the pipeline. */
function openStepFields(random: Random, step: Step, openIndex: number): Fields[] {
  const { product, company, deal } = step.story;
  const about = product.name.toLowerCase();
  const call = (outcome: 'connected' | 'meeting_booked', subject: string): StepFields => ({
    type: 'call',
    subject,
    direction: 'outbound',
    outcome,
    durationMinutes: random.int(4, 20),
  });
  const steps: (() => StepFields)[] = [
    () => call('connected', `Kennismaking: ${about}`),
    () => call('meeting_booked', `Afspraak gemaakt over ${about}`),
    () =>
      random.chance(0.3)
        ? {
            type: 'visit',
            subject: `Schouw bij ${company.shortName}`,
            outcome: 'completed',
            durationMinutes: 90,
          }
        : {
            type: 'meeting',
            subject: `Gesprek ${about}`,
            outcome: 'held',
            durationMinutes: random.int(45, 90),
          },
    () => ({
      type: 'note',
      subject: 'Behoefte en budget bevestigd',
      body: `Budget ongeveer € ${Math.round(deal.amount / 100_000) * 1000}; beslissing binnen zes weken.`,
    }),
    () => ({
      type: 'email',
      subject: `Offerte ${about}`,
      body: 'In de bijlage onze offerte.',
      direction: 'outbound',
    }),
  ];
  // Entering the first stage is the deal's creation: no work behind it. Stages past the default five
  // (custom pipelines) get a progress call.
  if (openIndex === 0) return [];
  const build = steps[openIndex - 1] ?? (() => call('connected', `Voortgang ${about}`));
  return [stepActivity(step, build())];
}

function closingStepFields(random: Random, step: Step, kind: 'won' | 'lost'): Fields[] {
  const { deal, product } = step.story;
  if (kind === 'lost') {
    const subject = `Verloren: ${deal.lostReason ?? 'onbekend'}`;
    return [stepActivity(step, { type: 'note', subject, body: 'Over een jaar opnieuw benaderen.' })];
  }
  const subject = `Getekende offerte ${product.name.toLowerCase()}`;
  return [
    stepActivity(step, { type: 'email', subject, direction: 'inbound' }),
    stepActivity(step, {
      type: 'task',
      subject: 'Project overdragen aan uitvoering',
      outcome: 'completed',
      dueAt: addDays(step.at, 2),
      doneAt: addDays(step.at, random.int(1, 3)),
    }),
  ];
}

/** One or two activities for every stage change after the first: the work behind the history. */
function historyActivities(random: Random, story: DealStory, input: ActivityInput): DemoActivity[] {
  const stages = new Map(input.stages.map((stage) => [stage.id, stage]));
  const open = input.stages.filter((stage) => stage.kind === 'open').sort((a, b) => a.position - b.position);
  const people = story.contacts.map((link) =>
    story.company.contacts.find((contact) => contact.id === link.contactId),
  );
  return story.changes.slice(1).flatMap((change) => {
    const stage = stages.get(change.toStageId)!;
    const at = new Date(
      Math.max(story.deal.createdAt.getTime(), change.changedAt.getTime() - random.int(5, 90) * MINUTE),
    );
    const step = { story, contact: people.length > 0 ? random.pick(people) : undefined, at };
    const fields =
      stage.kind === 'open'
        ? openStepFields(random, step, open.indexOf(stage))
        : closingStepFields(random, step, stage.kind);
    return fields
      .filter((item) => !item.doneAt || item.doneAt <= input.now)
      .map((item) => activity(input.newId, item, at));
  });
}

const nextSteps = [
  'Eerste contact leggen',
  'Afspraak voorstellen',
  'Gesprek voorbereiden',
  'Behoefte uitwerken',
  'Offerte opstellen',
  'Offerte nabellen',
];

/** An open deal's next step as a task (some overdue), and a planned meeting once one is booked. */
function nextStepActivities(random: Random, story: DealStory, input: ActivityInput): DemoActivity[] {
  const { deal } = story;
  const open = input.stages.filter((stage) => stage.kind === 'open').sort((a, b) => a.position - b.position);
  const index = open.findIndex((stage) => stage.id === deal.stageId);
  if (index < 0) return [];
  const step = { story, contact: story.company.contacts[0], at: deal.stageEnteredAt };
  // Reps fall behind: some next steps were due before today (never before the deal reached its stage).
  const overdue = random.chance(0.3) && deal.stageEnteredAt < addDays(input.now, -14);
  const due = overdue
    ? officeMoment(random, addDays(input.now, -14), addDays(input.now, -1))
    : officeMoment(random, addDays(input.now, 1), addDays(input.now, 21));
  const subject = nextSteps[Math.min(index, nextSteps.length - 1)]!;
  const task = activity(
    input.newId,
    { ...blank, ...linksOf(step), type: 'task', subject, dueAt: due },
    deal.stageEnteredAt,
  );
  // The third open stage is 'Meeting booked' in the default pipeline: that meeting is still to come.
  if (index !== 2) return [task];
  const meetingAt = officeMoment(random, addDays(input.now, 1), addDays(input.now, 14));
  return [
    task,
    activity(
      input.newId,
      {
        ...blank,
        ...linksOf(step),
        type: 'meeting',
        subject: 'Kennismakingsgesprek',
        dueAt: meetingAt,
        durationMinutes: 60,
      },
      between(random, deal.stageEnteredAt, input.now),
    ),
  ];
}

/**
 * About `total` activities: the work behind every deal's history and next steps, topped up with
 * prospecting (cold calls, canvassing visits, mailings, notes, tasks) at companies and loose leads.
 */
export function generateActivities(
  random: Random,
  stories: DealStory[],
  prospects: Prospect[],
  total: number,
  input: ActivityInput,
): DemoActivity[] {
  const activities = stories.flatMap((story) => [
    ...historyActivities(random, story, input),
    ...nextStepActivities(random, story, input),
  ]);
  while (activities.length < total && prospects.length > 0) {
    activities.push(prospectingActivity(random, random.pick(prospects), input));
  }
  return activities;
}
