import {
  type ActivityInput,
  activity,
  blank,
  type ActivityFields as Fields,
} from './demo-activity-record.ts';
import type { Company } from './demo-companies.ts';
import { addDays, between, DAY, HOUR, officeMoment } from './demo-time.ts';
import type { DemoActivity, DemoContact } from './demo-types.ts';
import type { Random } from './random.ts';

/** Someone to work on: a contact and, unless a loose lead, their company. */
export interface Prospect {
  contact: DemoContact;
  company: Company | undefined;
}

type Outcome = NonNullable<DemoActivity['outcome']>;

const callOutcomes: (readonly [Outcome, number])[] = [
  ['no_answer', 35],
  ['voicemail', 15],
  ['connected', 20],
  ['not_interested', 12],
  ['call_back', 10],
  ['meeting_booked', 5],
  ['wrong_number', 3],
];

const callMinutes: Partial<Record<Outcome, readonly [number, number]>> = {
  voicemail: [1, 1],
  wrong_number: [0, 1],
  not_interested: [1, 4],
  call_back: [1, 3],
  connected: [3, 20],
  meeting_booked: [5, 15],
};

const subjects = {
  outboundCall: [
    'Koude acquisitie: verduurzaming bedrijfspand',
    'Nabellen webinar',
    'Nabellen nieuwsbrief',
    'Opvolging beursgesprek',
  ],
  inboundCall: ['Terugbelverzoek via website', 'Vraag over laadpalen'],
  outboundEmail: [
    'Kennismaking Demo Bouw & Techniek',
    'Uitnodiging webinar: energiebesparing in bedrijfspanden',
    'Energielabel C verplicht voor kantoren: wat betekent dat voor u?',
  ],
  inboundEmail: [
    'Vraag over onderhoudscontract',
    'Graag een offerte voor zonnepanelen',
    'Storing klimaatinstallatie',
  ],
  meeting: ['Kennismaking op kantoor', 'Evaluatiegesprek', 'Online demo energiemonitoring'],
  task: [
    'Offerteaanvraag doorsturen',
    'Subsidiemogelijkheden uitzoeken (EIA)',
    'Referentie opvragen',
    'Contactgegevens bijwerken',
  ],
  note: [
    'Werkt nu met een installateur uit de regio',
    'Nieuwe vestiging in aanbouw',
    'Interesse in zonnepanelen, pas na de verhuizing',
    'Eigenaar gaat over twee jaar met pensioen',
  ],
};

function links(random: Random, prospect: Prospect, input: ActivityInput) {
  const { contact } = prospect;
  return {
    contactId: contact.id,
    accountId: contact.accountId,
    dealId: null,
    ownerId: contact.ownerId ?? input.owners.seller(random),
  };
}

function call(random: Random, at: Date): Omit<Fields, 'contactId' | 'accountId' | 'dealId' | 'ownerId'> {
  const inbound = random.chance(0.15);
  const outcome = inbound ? 'connected' : random.weighted(callOutcomes);
  const minutes = callMinutes[outcome];
  return {
    ...blank,
    type: 'call',
    subject: random.pick(inbound ? subjects.inboundCall : subjects.outboundCall),
    direction: inbound ? 'inbound' : 'outbound',
    outcome,
    doneAt: at,
    durationMinutes: minutes ? random.int(...minutes) : 0,
  };
}

function email(random: Random, at: Date): Omit<Fields, 'contactId' | 'accountId' | 'dealId' | 'ownerId'> {
  const inbound = random.chance(0.25);
  return {
    ...blank,
    type: 'email',
    subject: random.pick(inbound ? subjects.inboundEmail : subjects.outboundEmail),
    direction: inbound ? 'inbound' : 'outbound',
    doneAt: at,
  };
}

/** Past meetings were held, missed or moved; some are still to come. */
function meeting(random: Random, prospect: Prospect, from: Date, input: ActivityInput): DemoActivity {
  const subject = random.pick(subjects.meeting);
  const base = {
    ...blank,
    ...links(random, prospect, input),
    type: 'meeting' as const,
    subject,
    durationMinutes: 60,
  };
  if (random.chance(0.15)) {
    const dueAt = officeMoment(random, addDays(input.now, 1), addDays(input.now, 21));
    return activity(input.newId, { ...base, dueAt }, between(random, from, input.now));
  }
  const at = officeMoment(random, from, input.now);
  const outcome = random.weighted<Outcome>([
    ['held', 70],
    ['no_show', 15],
    ['rescheduled', 15],
  ]);
  return activity(input.newId, { ...base, outcome, dueAt: at, doneAt: at }, between(random, from, at));
}

/** Done on time, still open, or overdue: the mix a rep's task list has. */
function task(random: Random, prospect: Prospect, from: Date, input: ActivityInput): DemoActivity {
  const base = {
    ...blank,
    ...links(random, prospect, input),
    type: 'task' as const,
    subject: random.pick(subjects.task),
  };
  const state = random.weighted([
    ['done', 50],
    ['open', 30],
    ['overdue', 20],
  ] as const);
  if (state === 'open') {
    return activity(
      input.newId,
      { ...base, dueAt: officeMoment(random, addDays(input.now, 1), addDays(input.now, 30)) },
      between(random, from, input.now),
    );
  }
  const recent = new Date(Math.max(from.getTime(), input.now.getTime() - 30 * DAY));
  const dueAt = officeMoment(
    random,
    state === 'overdue' ? recent : from,
    new Date(input.now.getTime() - HOUR),
  );
  const createdAt = between(random, from, dueAt);
  if (state === 'overdue') return activity(input.newId, { ...base, dueAt }, createdAt);
  const doneAt = between(
    random,
    createdAt,
    new Date(Math.min(input.now.getTime(), dueAt.getTime() + 2 * DAY)),
  );
  return activity(input.newId, { ...base, outcome: 'completed', dueAt, doneAt }, createdAt);
}

function visit(
  random: Random,
  prospect: Prospect,
  at: Date,
): Omit<Fields, 'contactId' | 'accountId' | 'dealId' | 'ownerId'> {
  const outcome = random.weighted<Outcome>([
    ['connected', 50],
    ['not_interested', 30],
    ['meeting_booked', 20],
  ]);
  const city = prospect.company?.account.city;
  return {
    ...blank,
    type: 'visit',
    subject: city ? `Langs geweest op bedrijventerrein ${city}` : 'Langs geweest',
    outcome,
    doneAt: at,
    durationMinutes: random.int(10, 30),
  };
}

/** One piece of prospecting or account work with `prospect`, some time after they entered the CRM. */
export function prospectingActivity(random: Random, prospect: Prospect, input: ActivityInput): DemoActivity {
  const from = prospect.contact.createdAt;
  const kind = random.weighted([
    ['call', 40],
    ['email', 20],
    ['task', 15],
    ['note', 10],
    ['meeting', 8],
    ['visit', prospect.company ? 7 : 0],
  ] as const);
  if (kind === 'meeting') return meeting(random, prospect, from, input);
  if (kind === 'task') return task(random, prospect, from, input);
  const at = officeMoment(random, from, input.now);
  const linked = links(random, prospect, input);
  if (kind === 'note')
    return activity(
      input.newId,
      { ...blank, ...linked, type: 'note', subject: random.pick(subjects.note) },
      at,
    );
  const fields =
    kind === 'call' ? call(random, at) : kind === 'email' ? email(random, at) : visit(random, prospect, at);
  return activity(input.newId, { ...fields, ...linked }, at);
}
