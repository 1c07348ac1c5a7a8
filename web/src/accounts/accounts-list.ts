// Where the accounts list reads its rows and the view it opens with; the route prefetches its first
// page from this before the page's code has loaded.
import { accountFieldSpecs } from '@baken/core/accounts/account.fields';
import type { ListDefinition } from '../ui/list-view.ts';

export const accountsList: ListDefinition = {
  source: { path: '/accounts', specs: accountFieldSpecs, search: { kind: 'q' } },
  defaultView: {
    sort: 'name',
    filters: [],
    search: '',
    columns: ['name', 'domain', 'city', 'customerStatus', 'ownerId', 'tags'],
  },
};
