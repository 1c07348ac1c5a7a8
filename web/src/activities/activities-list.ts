// Where the activities list reads its rows and the view it opens with; the route prefetches its first
// page from this before the page's code has loaded.
import { activityFieldSpecs } from '@baken/core/activities/activity.fields';
import type { ListDefinition } from '../ui/list-view.ts';

export const activitiesList: ListDefinition = {
  source: {
    path: '/activities',
    specs: activityFieldSpecs,
    // Activities ignore q, so the search box looks inside the subject instead.
    search: { kind: 'contains', field: 'subject' },
  },
  defaultView: {
    sort: '-occurredAt',
    filters: [],
    search: '',
    columns: ['type', 'subject', 'occurredAt', 'accountId', 'ownerId'],
  },
};
