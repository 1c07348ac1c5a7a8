import { z } from 'zod';
import { filterOperators } from '../records/list-query.ts';

/** The record lists a user can save views of. */
export const savedViewLists = ['accounts', 'contacts', 'deals', 'activities'] as const;
export const savedViewList = z.enum(savedViewLists);
export type SavedViewList = z.infer<typeof savedViewList>;

/** Per user and list; enough for every real habit, small enough that a menu stays a menu. */
export const MAX_SAVED_VIEWS_PER_LIST = 100;
// The caps follow the list API: at most 20 filters of 1000 characters, a sort of 100, a q of 200.
const MAX_FILTERS = 20;
const MAX_COLUMNS = 50;
const MAX_VIEW_JSON_LENGTH = 16_000;

const fieldName = z
  .string()
  .min(1, { error: 'Name a field.' })
  .max(100, { error: 'Use at most 100 characters.' });

/** One row of the filter builder; the value stays text as typed, the list turns it into a filter. */
export const filterRow = z.strictObject({
  field: fieldName,
  op: z.enum(filterOperators),
  value: z.string().max(1000, { error: 'Use at most 1000 characters.' }),
});

/** What a list shows (web/src/ui/list-view.ts): sort, filters, search and visible columns. */
export const listView = z
  .strictObject({
    sort: z.string().max(100, { error: 'Use at most 100 characters.' }),
    filters: z.array(filterRow).max(MAX_FILTERS, { error: `Use at most ${MAX_FILTERS} filters.` }),
    search: z.string().max(200, { error: 'Use at most 200 characters.' }),
    columns: z.array(fieldName).max(MAX_COLUMNS, { error: `Show at most ${MAX_COLUMNS} columns.` }),
  })
  .refine((view) => JSON.stringify(view).length <= MAX_VIEW_JSON_LENGTH, {
    error: `This view is too large to save (at most ${MAX_VIEW_JSON_LENGTH} characters).`,
  });
export type ListView = z.infer<typeof listView>;
export type FilterRow = z.infer<typeof filterRow>;

const viewName = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name for the view.' })
  .max(80, { error: 'Use at most 80 characters.' });

/** Saving under a name the user already has for that list (in any case) replaces that view. */
export const savedViewInput = z.strictObject({
  list: savedViewList,
  name: viewName,
  view: listView,
});

export const savedViewUpdateInput = z.strictObject({
  name: viewName.optional(),
  view: listView.optional(),
});

export const savedViewsQuery = z.strictObject({ list: savedViewList });

export const savedViewResponse = z.object({
  id: z.uuid(),
  list: savedViewList,
  name: z.string(),
  view: listView,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewResponse>;

/**
 * The view with its keys in one order: jsonb stores keys in its own order, so stored and sent views
 * compare (and read) alike.
 */
export function canonicalView(view: ListView): ListView {
  return {
    sort: view.sort,
    filters: view.filters.map((row) => ({ field: row.field, op: row.op, value: row.value })),
    search: view.search,
    columns: [...view.columns],
  };
}
