// Deciding what a round of enrichment writes: which found values go into the account, which stay
// out because a person set the field, and which sources are recorded. Pure: the server reads the
// account and its field sources, asks the providers, and writes what this returns.
import { z } from 'zod';
import { accountUpdateInput } from '../accounts/account.schema.ts';
import {
  type EnrichableField,
  enrichableFields,
  type FieldOutcome,
  type FieldSource,
  type Finding,
  type FoundField,
  foundFields,
  type ProfileField,
  socialNetworks,
} from './enrichment.schema.ts';

const profileSchemas: Record<ProfileField, z.ZodType> = {
  socialLinks: z
    .partialRecord(z.enum(socialNetworks), z.url({ protocol: /^https?$/ }).max(500))
    .refine((links) => Object.keys(links).length > 0),
  language: z.string().regex(/^[a-z]{2,3}$/),
};

const isColumn = (field: FoundField): field is EnrichableField =>
  (enrichableFields as readonly string[]).includes(field);

function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A found value in the form the account stores it, checked by the same schema a person's input goes
 * through (so a phone or VAT number is normalised alike); null when it would not pass.
 */
export function cleanFinding(finding: Finding): Finding | null {
  if (!isColumn(finding.field)) {
    const parsed = profileSchemas[finding.field].safeParse(finding.value);
    return parsed.success ? { ...finding, value: parsed.data } : null;
  }
  const schema = accountUpdateInput.shape[finding.field] as z.ZodType;
  const parsed = schema.safeParse(finding.value);
  if (!parsed.success || parsed.data === null || parsed.data === undefined) return null;
  const value = Array.isArray(parsed.data) ? uniqueIgnoringCase(parsed.data as string[]) : parsed.data;
  return { ...finding, value };
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Equal as field values: empty equals empty, lists compare as sets ignoring case, objects by their keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const set = new Set(a.map((value) => String(value).toLowerCase()));
    return a.length === b.length && b.every((value) => set.has(String(value).toLowerCase()));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(Reflect.get(a, key), Reflect.get(b, key)));
  }
  return a === b;
}

export interface FieldResult {
  field: FoundField;
  value: unknown;
  source: string;
  fetchedAt: Date;
  outcome: FieldOutcome;
  /** The value the field held before. */
  current: unknown;
}

export interface EnrichmentPlan {
  /** Account columns to write. */
  patch: Partial<Record<EnrichableField, unknown>>;
  /** Fields whose value now comes from a provider: their source rows to write. */
  provided: Finding[];
  results: FieldResult[];
}

export interface PlanInput {
  current: Readonly<Record<string, unknown>>;
  sources: readonly FieldSource[];
  /** Best source first: of two findings of one field, the first wins. */
  findings: readonly Finding[];
  overwrite?: boolean | readonly string[];
}

/**
 * A field a provider set earlier may be refreshed; one a person set is kept unless `overwrite` names it
 * (or is true). A value that differs from what the provider wrote was changed by someone since, so it
 * counts as a person's. Technologies are merged: a person's entries stay, the provider's own
 * detections are replaced by the new ones (all of them with `overwrite`).
 */
export function planEnrichment({ current, sources, findings, overwrite = false }: PlanInput): EnrichmentPlan {
  const sourceOf = new Map(sources.map((source) => [source.field, source]));
  const best = new Map<FoundField, Finding>();
  for (const finding of findings) if (!best.has(finding.field)) best.set(finding.field, finding);
  const overwrites = (field: string) =>
    overwrite === true || (Array.isArray(overwrite) && overwrite.includes(field));

  const plan: EnrichmentPlan = { patch: {}, provided: [], results: [] };
  for (const field of foundFields) {
    const finding = best.get(field);
    if (!finding) continue;
    const source = sourceOf.get(field);
    const fromProvider = source?.setBy === 'provider';
    const before = isColumn(field) ? (current[field] ?? null) : (source?.value ?? null);
    let after = finding.value;
    if (field === 'technologies' && !overwrites(field)) {
      after = mergeTechnologies(
        (before as string[] | null) ?? [],
        fromProvider ? ((source?.value as string[]) ?? []) : [],
        finding.value as string[],
      );
    }
    let outcome: FieldOutcome;
    if (sameValue(before, after)) outcome = 'unchanged';
    else if (
      !isColumn(field) ||
      field === 'technologies' ||
      isEmpty(before) ||
      (fromProvider && sameValue(source?.value, before)) ||
      overwrites(field)
    )
      outcome = 'applied';
    else outcome = 'kept_user_value';

    if (outcome === 'applied' && isColumn(field)) plan.patch[field] = after;
    const providerHolds = fromProvider && sameValue(source?.value, before);
    if (
      outcome === 'applied' ||
      field === 'technologies' ||
      !isColumn(field) ||
      (outcome === 'unchanged' && providerHolds)
    )
      plan.provided.push(finding);
    plan.results.push({
      field,
      value: finding.value,
      source: finding.source,
      fetchedAt: finding.fetchedAt,
      outcome,
      current: before,
    });
  }
  return plan;
}

/** A person's technologies stay; what the provider detected before is replaced by what it detects now. */
function mergeTechnologies(current: string[], detectedBefore: string[], detectedNow: string[]): string[] {
  const lower = (values: string[]) => new Set(values.map((value) => value.toLowerCase()));
  const before = lower(detectedBefore);
  const now = lower(detectedNow);
  const kept = current.filter((name) => !before.has(name.toLowerCase()) || now.has(name.toLowerCase()));
  const keptLower = lower(kept);
  return [...kept, ...detectedNow.filter((name) => !keptLower.has(name.toLowerCase()))];
}
