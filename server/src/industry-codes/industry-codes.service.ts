import { searchIndustryCodes } from '@baken/core/validation/industry-codes';

/** SBI codes for a picker: by the start of the code or by words of the Dutch or English title. */
export function findIndustryCodes(query: { q?: string; limit: number }) {
  return { data: searchIndustryCodes(query.q ?? '', query.limit) };
}
