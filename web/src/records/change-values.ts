// How a field change reads on the timeline: "Stad: Delft → Leiden", in the reader's language and
// with money, dates and people shown as people read them rather than as stored.
import type { TFunction } from 'i18next';
import { formatDate, formatMoney } from '../app/format.ts';
import type { Member } from '../app/workspace-data.ts';

/** Stage moves have their own timeline entries; these bookkeeping fields would only repeat them. */
export const hiddenChangeFields = new Set(['stageId', 'pipelineId', 'stageEnteredAt', 'updatedAt', 'custom']);

const moneyFields = new Set(['amount', 'recurringAmount', 'annualRevenue']);
const dateFields = new Set(['expectedCloseDate', 'actualCloseDate', 'consentAt']);
const enumFields = new Set([
  'customerStatus',
  'lifecycleStage',
  'persona',
  'marketingConsent',
  'forecastCategory',
]);

export interface ChangeContext {
  t: TFunction<'records'>;
  members: Member[] | undefined;
  timeZone: string;
  currency: string;
}

export function changeValue(field: string, value: unknown, ctx: ChangeContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (moneyFields.has(field) && typeof value === 'number') return formatMoney(value, ctx.currency);
  if (dateFields.has(field) && typeof value === 'string') return formatDate(value, ctx.timeZone);
  if (field === 'ownerId') return ctx.members?.find((member) => member.id === value)?.name ?? '…';
  if (field === 'enrichedFrom' && typeof value === 'string') return enrichedFrom(value, ctx);
  if (enumFields.has(field)) return ctx.t(`enums.${field}.${String(value)}`, { defaultValue: String(value) });
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An enrichment run's sources and outcomes ("register: found, website: failed") in the reader's words. */
function enrichedFrom(value: string, ctx: ChangeContext): string {
  return value
    .split(', ')
    .map((part) => {
      const [source = '', status = ''] = part.split(': ');
      const name = ctx.t(`enrichment:sources.${source}`, { defaultValue: source });
      return `${name} (${ctx.t(`enrichment:status.${status}`, { defaultValue: status })})`;
    })
    .join(', ');
}

export const fieldLabel = (field: string, t: TFunction<'records'>) =>
  t(`fields.${field}`, { defaultValue: field });
