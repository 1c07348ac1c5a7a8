// Where the deals list reads its rows and the view it opens with; the route prefetches its first
// page from this before the page's code has loaded.
import { dealFieldSpecs } from '@baken/core/deals/deal.fields';
import type { ListDefinition } from '../ui/list-view.ts';

export const dealsList: ListDefinition = {
  source: { path: '/deals', specs: dealFieldSpecs, search: { kind: 'q' } },
  defaultView: {
    sort: 'expectedCloseDate',
    filters: [],
    search: '',
    columns: ['name', 'accountId', 'stageId', 'amount', 'expectedCloseDate', 'ownerId', 'tags'],
  },
};
