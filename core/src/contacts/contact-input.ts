import { checkFields, type FieldProblem, phoneIn } from '../validation/record-checks.ts';

/**
 * The checks of a contact write that need the workspace: phone and mobile numbers are read as numbers
 * of `defaultCountry` (the workspace's) unless they start with + or 00. `values` is the schema's
 * output; its fields are replaced by their normal forms in place.
 */
export function normalizeContactInput(
  values: Record<string, unknown>,
  defaultCountry: string,
): FieldProblem[] {
  const phone = phoneIn(defaultCountry);
  return checkFields(values, { phone, mobile: phone });
}
