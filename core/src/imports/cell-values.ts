import { customerStatuses } from '../accounts/account.schema.ts';
import { lifecycleStages } from '../contacts/contact.schema.ts';
import type { CustomFieldDefinition } from '../custom-fields/custom-field-values.ts';

// Text of a spreadsheet cell into the value a schema expects. Anything that cannot be read is passed
// on as it is, so that the record schema refuses it with its own message.

/**
 * A number as Dutch and English spreadsheets write it: "1.234.567", "1.234,50", "1,234.50", "12,5",
 * "€ 1.000". With one kind of separator, groups of exactly three digits are thousands.
 */
export function parseNumber(text: string): number | null {
  let value = text.replace(/[\s\u00a0€$£]|EUR/gi, '');
  if (!/^[-+]?[\d.,]+$/.test(value)) return null;
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    value = value.split(thousands).join('').replace(decimal, '.');
  } else if (comma >= 0 || dot >= 0) {
    const separator = comma >= 0 ? ',' : '.';
    const unsigned = value.replace(/^[-+]/, '');
    const grouped = new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+$`).test(unsigned);
    value = grouped ? value.split(separator).join('') : value.replace(separator, '.');
  }
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x', 'wel']);
const no = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', 'niet']);

/** A calendar date as YYYY-MM-DD from "2026-11-26", "26-11-2026", "26/11/2026" or "26.11.2026" (day first). */
export function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts as [string, string, string];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const lifecycleNames: Record<string, (typeof lifecycleStages)[number]> = {
  abonnee: 'subscriber',
  marketingqualifiedlead: 'mql',
  salesqualifiedlead: 'sql',
  kans: 'opportunity',
  verkoopkans: 'opportunity',
  klant: 'customer',
  ambassadeur: 'evangelist',
  gediskwalificeerd: 'disqualified',
  other: 'lead',
};

const customerStatusNames: Record<string, (typeof customerStatuses)[number]> = {
  klant: 'customer',
  prospect: 'prospect',
  exklant: 'former_customer',
  voormaligeklant: 'former_customer',
  formercustomer: 'former_customer',
  partner: 'partner',
  concurrent: 'competitor',
  anders: 'other',
  overig: 'other',
};

const squash = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** A value of a fixed list by its key or a Dutch or English name; unknown text is passed on unchanged. */
function listValue<T extends string>(text: string, values: readonly T[], names: Record<string, T>): string {
  const key = squash(text);
  return values.find((value) => squash(value) === key) ?? names[key] ?? text;
}

export function lifecycleStageOf(text: string): string {
  return listValue(text, lifecycleStages, lifecycleNames);
}

export function customerStatusOf(text: string): string {
  return listValue(text, customerStatuses, customerStatusNames);
}

/** "Jan van der Berg" -> first name "Jan", last name "van der Berg". */
export function splitFullName(text: string): { firstName: string; lastName?: string } {
  const [first, ...rest] = text.trim().split(/\s+/);
  return rest.length > 0 ? { firstName: first!, lastName: rest.join(' ') } : { firstName: first! };
}

/** A custom field's cell as the value its type expects (mergeCustomValues checks it). */
export function customCellValue(definition: CustomFieldDefinition, text: string): unknown {
  switch (definition.type) {
    case 'number':
      return parseNumber(text) ?? text;
    case 'boolean': {
      const word = text.toLowerCase();
      return yes.has(word) ? true : no.has(word) ? false : text;
    }
    case 'date':
      return parseDate(text) ?? text;
    case 'multi_select':
      return text
        .split(/[;,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map(
          (item) => definition.options.find((option) => option.toLowerCase() === item.toLowerCase()) ?? item,
        );
    case 'select':
      return definition.options.find((option) => option.toLowerCase() === text.toLowerCase()) ?? text;
    default:
      return text;
  }
}
