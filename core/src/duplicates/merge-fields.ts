// Which values a merged record keeps. Fields that belong together (an address, a consent statement)
// are chosen as one group, so a merge never mixes the street of one record with the city of the other.
// Tags (and an account's technologies) are always the union of both; custom values are chosen per key.

import { lifecycleStages } from '../contacts/contact.schema.ts';

export type MergeSide = 'survivor' | 'merged';
export type MergeRecordType = 'contact' | 'account';

export interface FieldGroup {
  /** The name of the choice: the first field of the group. */
  key: string;
  fields: readonly string[];
}

const single = (...keys: string[]): FieldGroup[] => keys.map((key) => ({ key, fields: [key] }));

export const mergeGroups: Record<MergeRecordType, readonly FieldGroup[]> = {
  contact: [
    ...single('firstName', 'lastName', 'email', 'phone', 'mobile', 'jobTitle', 'persona', 'accountId'),
    ...single('lifecycleStage', 'leadSource', 'ownerId'),
    { key: 'marketingConsent', fields: ['marketingConsent', 'consentAt', 'consentSource'] },
  ],
  account: [
    ...single('name', 'domain', 'website', 'phone', 'email'),
    { key: 'street', fields: ['street', 'postalCode', 'city', 'region', 'country'] },
    ...single('kvkNumber', 'vatNumber', 'industryCode', 'employeeCount', 'annualRevenue', 'foundedYear'),
    ...single('customerStatus', 'ownerId', 'description'),
  ],
};

/** Lists that a merge joins instead of choosing. */
export const unionFields: Record<MergeRecordType, readonly string[]> = {
  contact: ['tags'],
  account: ['tags', 'technologies'],
};

/** What the user picked: a side per group key, and per custom field key. */
export interface MergeChoices {
  fields?: Record<string, MergeSide>;
  custom?: Record<string, MergeSide>;
}

type Values = Record<string, unknown>;

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const filled = (record: Values, group: FieldGroup) =>
  group.fields.filter((field) => !isEmpty(record[field])).length;

const textLength = (record: Values, group: FieldGroup) =>
  group.fields.reduce((sum, field) => sum + String(record[field] ?? '').length, 0);

const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null) ||
  (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

export function groupDiffers(survivor: Values, merged: Values, group: FieldGroup): boolean {
  return group.fields.some((field) => !sameValue(normalTime(survivor[field]), normalTime(merged[field])));
}

const normalTime = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

const timeOf = (value: unknown) =>
  value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;

/** The later decision of the person counts; without dates, a refusal beats a yes. */
function fullerConsent(survivor: Values, merged: Values): MergeSide {
  const [s, m] = [timeOf(survivor.consentAt), timeOf(merged.consentAt)];
  if (!Number.isNaN(s) || !Number.isNaN(m)) return Number.isNaN(m) || s >= m ? 'survivor' : 'merged';
  const rank = (status: unknown) =>
    status === 'denied' || status === 'withdrawn' ? 2 : status === 'granted' ? 1 : 0;
  return rank(merged.marketingConsent) > rank(survivor.marketingConsent) ? 'merged' : 'survivor';
}

/** A contact further in the funnel keeps that stage; disqualified counts as the start. */
const stageRank = (stage: unknown) =>
  stage === 'disqualified' ? -1 : lifecycleStages.indexOf(stage as (typeof lifecycleStages)[number]);

/**
 * The side whose value a merge keeps unless the user picks the other: a filled value over an empty
 * one, then more filled fields of the group, then the longer text; on a tie the survivor's.
 */
export function fullerSide(
  recordType: MergeRecordType,
  survivor: Values,
  merged: Values,
  group: FieldGroup,
): MergeSide {
  if (!groupDiffers(survivor, merged, group)) return 'survivor';
  if (group.key === 'marketingConsent') return fullerConsent(survivor, merged);
  if (recordType === 'contact' && group.key === 'lifecycleStage')
    return stageRank(merged.lifecycleStage) > stageRank(survivor.lifecycleStage) ? 'merged' : 'survivor';
  if (recordType === 'account' && group.key === 'customerStatus')
    return survivor.customerStatus === 'prospect' && merged.customerStatus !== 'prospect'
      ? 'merged'
      : 'survivor';
  const [s, m] = [filled(survivor, group), filled(merged, group)];
  if (s !== m) return m > s ? 'merged' : 'survivor';
  if (s === 0) return 'survivor';
  const numeric = group.fields.every(
    (field) => typeof survivor[field] === 'number' || survivor[field] === null,
  );
  if (numeric) return 'survivor';
  return textLength(merged, group) > textLength(survivor, group) ? 'merged' : 'survivor';
}

/** The preselected side of every group in which the two records differ. */
export function defaultChoices(recordType: MergeRecordType, survivor: Values, merged: Values): MergeChoices {
  const fields: Record<string, MergeSide> = {};
  for (const group of mergeGroups[recordType]) {
    if (groupDiffers(survivor, merged, group))
      fields[group.key] = fullerSide(recordType, survivor, merged, group);
  }
  const custom: Record<string, MergeSide> = {};
  const [sc, mc] = [customOf(survivor), customOf(merged)];
  for (const key of Object.keys(mc)) {
    if (!sameValue(sc[key], mc[key]))
      custom[key] = isEmpty(sc[key]) && !isEmpty(mc[key]) ? 'merged' : 'survivor';
  }
  return { fields, custom };
}

const customOf = (record: Values) => (record.custom ?? {}) as Values;

function union(a: unknown, b: unknown): string[] {
  const seen = new Map<string, string>();
  for (const item of [...((a as string[]) ?? []), ...((b as string[]) ?? [])]) {
    const key = item.toLowerCase();
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}

/** Group keys and custom keys a client may name in its choices. */
export function unknownChoices(recordType: MergeRecordType, choices: MergeChoices): string[] {
  const keys = new Set(mergeGroups[recordType].map((group) => group.key));
  return Object.keys(choices.fields ?? {}).filter((key) => !keys.has(key));
}

/**
 * The values the survivor ends up with: each group from the chosen side (the user's choice, else
 * the fuller side), the union of the lists, and the custom values per key.
 */
export function mergedValues(
  recordType: MergeRecordType,
  survivor: Values,
  merged: Values,
  choices: MergeChoices = {},
): Values {
  const defaults = defaultChoices(recordType, survivor, merged);
  const values: Values = {};
  for (const group of mergeGroups[recordType]) {
    const side = choices.fields?.[group.key] ?? defaults.fields?.[group.key] ?? 'survivor';
    const source = side === 'merged' ? merged : survivor;
    for (const field of group.fields) values[field] = source[field] ?? null;
  }
  for (const field of unionFields[recordType]) values[field] = union(survivor[field], merged[field]);
  const [sc, mc] = [customOf(survivor), customOf(merged)];
  const custom: Values = { ...sc };
  for (const key of Object.keys(mc)) {
    const side = choices.custom?.[key] ?? defaults.custom?.[key] ?? 'survivor';
    if (side === 'merged') custom[key] = mc[key];
  }
  for (const key of Object.keys(custom)) if (custom[key] === undefined) delete custom[key];
  values.custom = custom;
  return values;
}

/** How many fields are filled: the fuller record survives a bulk merge (the older on a tie). */
export function filledCount(recordType: MergeRecordType, record: Values): number {
  const fields = mergeGroups[recordType].flatMap((group) => group.fields);
  return (
    fields.filter((field) => !isEmpty(record[field])).length +
    Object.values(customOf(record)).filter((value) => !isEmpty(value)).length
  );
}
