// Where the contacts list reads its rows and the view it opens with; the route prefetches its first
// page from this before the page's code has loaded.
import { contactFieldSpecs } from '@baken/core/contacts/contact.fields';
import type { ListDefinition } from '../ui/list-view.ts';

export const contactsList: ListDefinition = {
  source: { path: '/contacts', specs: contactFieldSpecs, search: { kind: 'q' } },
  defaultView: {
    sort: 'lastName',
    filters: [],
    search: '',
    columns: ['name', 'email', 'jobTitle', 'accountId', 'lifecycleStage', 'ownerId', 'tags'],
  },
};
