// Handing MQLs from marketing to sales: how they are routed to an owner, what sales answers, and
// the service levels both sides agreed on.
import { z } from 'zod';
import { optionalText } from '../records/record.schema.ts';
import { dutchOfficeHours } from '../sla/working-hours.ts';
import { handoverStatuses, rejectReasons, routingModes } from './handover.fields.ts';

export type { RejectReason, RoutingMode } from './handover.fields.ts';
export { handoverStatuses, rejectReasons, routingModes } from './handover.fields.ts';

const codes = (max: number) => z.array(z.string().trim().min(1).max(20)).max(max);

/** A territory: every list given must match the lead's company (an empty list matches anything). */
export const territoryInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  userId: z.uuid(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as NL.')).max(50),
  postcodePrefixes: codes(200),
  industryPrefixes: codes(200),
});

const workingHoursInput = z
  .strictObject({
    timeZone: z.string().min(1).max(64),
    country: z.string().regex(/^[A-Z]{2}$/),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    startMinute: z.number().int().min(0).max(1439),
    endMinute: z.number().int().min(1).max(1440),
  })
  .refine((hours) => hours.endMinute > hours.startMinute, {
    error: 'The working day must end after it starts.',
    path: ['endMinute'],
  })
  .refine((hours) => Intl.supportedValuesOf('timeZone').includes(hours.timeZone), {
    error: 'Unknown time zone.',
    path: ['timeZone'],
  });

export const leadRoutingInput = z
  .strictObject({
    mode: z.enum(routingModes),
    /** Who takes turns: the round robin, and the fallback of the other modes. */
    userIds: z.array(z.uuid()).max(500),
    territories: z.array(territoryInput).max(500),
    /** Sales' service level: the first touch within this many business hours of the MQL. */
    firstTouchHours: z.number().int().min(1).max(720),
    /** Marketing's service level: this many MQLs a calendar month (none: no target). */
    mqlMonthlyTarget: z.number().int().min(0).max(10_000_000).nullable(),
    workingHours: workingHoursInput,
    /**
     * Sales development to account executive: a meeting an SDR books on a deal hands the deal to an
     * account executive, the company's owner when that is one of them, else the next in turn.
     */
    sdrHandover: z
      .strictObject({
        sdrUserIds: z.array(z.uuid()).max(500),
        aeUserIds: z.array(z.uuid()).min(1, 'Name at least one account executive.').max(500),
        rule: z.enum(['account_owner', 'round_robin']),
      })
      .nullable()
      .default(null),
  })
  .refine((routing) => routing.mode !== 'territory' || routing.territories.length > 0, {
    error: 'Routing by territory needs at least one territory.',
    path: ['territories'],
  });
export type LeadRouting = z.output<typeof leadRoutingInput>;

export const defaultLeadRouting: LeadRouting = {
  mode: 'round_robin',
  userIds: [],
  territories: [],
  firstTouchHours: 24,
  mqlMonthlyTarget: null,
  workingHours: dutchOfficeHours,
  sdrHandover: null,
};

export const leadRoutingResponse = z.object({
  routing: leadRoutingInput,
  updatedAt: z.string().nullable(),
});

export const handoverDecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), note: optionalText(2000) }),
  z.strictObject({
    decision: z.literal('reject'),
    reason: z.enum(rejectReasons, { error: 'Choose a reason from the list.' }),
    note: optionalText(2000),
  }),
]);

export const handoverResponse = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  contactName: z.string(),
  accountName: z.string().nullable(),
  source: z.string().nullable(),
  routedTo: z.uuid().nullable(),
  routedBy: z.enum([...routingModes, 'contact_owner', 'unrouted']),
  status: z.enum(handoverStatuses),
  reason: z.enum(rejectReasons).nullable(),
  note: z.string().nullable(),
  mqlAt: z.string(),
  /** The first-touch deadline, in business hours after the MQL. */
  dueAt: z.string(),
  firstTouchAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  score: z.number().nullable(),
});
export type Handover = z.infer<typeof handoverResponse>;

export const handoverListQuery = z.strictObject({
  status: z.enum(handoverStatuses).optional(),
  /** "me" (the default for sales), a user id, or "all". */
  owner: z.union([z.literal('me'), z.literal('all'), z.uuid()]).default('me'),
  breached: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const handoverListResponse = z.object({
  data: z.array(handoverResponse),
  nextCursor: z.string().nullable(),
});

const isoDate = z.iso.date({ error: 'Use a date such as 2026-01-31.' });

/** A report period: from and to are dates (to inclusive); by default the last six months. */
export const reportPeriodQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    error: 'The period must end on or after its start.',
    path: ['to'],
  });

export const leadQualityResponse = z.object({
  from: z.string(),
  to: z.string(),
  data: z.array(
    z.object({
      source: z.string().nullable(),
      mqls: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      pending: z.number().int(),
      won: z.number().int(),
      /** Accepted share of the answered MQLs; null before sales answered any. */
      acceptanceRate: z.number().nullable(),
      /** Won share of the accepted ones; null before any was accepted. */
      acceptedToWonRate: z.number().nullable(),
      rejections: z.array(z.object({ reason: z.enum(rejectReasons), count: z.number().int() })),
    }),
  ),
});
export type LeadQuality = z.infer<typeof leadQualityResponse>;

export const serviceLevelResponse = z.object({
  from: z.string(),
  to: z.string(),
  firstTouchHours: z.number().int(),
  mqlMonthlyTarget: z.number().int().nullable(),
  openBreaches: z.number().int(),
  byRep: z.array(
    z.object({
      userId: z.uuid().nullable(),
      due: z.number().int(),
      breached: z.number().int(),
      breachRate: z.number(),
    }),
  ),
  byMonth: z.array(
    z.object({
      month: z.string(),
      mqls: z.number().int(),
      /** Marketing met its MQL target that month; null without a target. */
      mqlTargetMet: z.boolean().nullable(),
      due: z.number().int(),
      breached: z.number().int(),
      breachRate: z.number().nullable(),
    }),
  ),
});
export type ServiceLevels = z.infer<typeof serviceLevelResponse>;
