// The code of the signed-in layout and of the pages a visit most often starts on, loaded on demand
// by the router. The entry asks for the ones the address being opened needs at once, so they
// download beside the app's own code instead of after the router has started; the browser fetches
// a module once, whoever asks for it first.
import { signedOutPages } from './first-requests.ts';

export const signedInLayoutCode = () => import('./layout.tsx');
export const boardPageCode = () => import('../deals/deals-board-page.tsx');
export const accountsPageCode = () => import('../accounts/accounts-page.tsx');
export const contactsPageCode = () => import('../contacts/contacts-page.tsx');
export const dealsPageCode = () => import('../deals/deals-page.tsx');
export const activitiesPageCode = () => import('../activities/activities-page.tsx');
export const tasksPageCode = () => import('../activities/tasks-page.tsx');

const firstPages: Record<string, () => Promise<unknown>> = {
  '/deals/board': boardPageCode,
  '/accounts': accountsPageCode,
  '/contacts': contactsPageCode,
  '/deals': dealsPageCode,
  '/activities': activitiesPageCode,
  '/tasks': tasksPageCode,
};

/** Starts downloading the code the page at `pathname` needs first; a failure shows later, in the router. */
export function loadFirstPageCode(pathname: string): void {
  if (signedOutPages.test(pathname)) return;
  const ignore = () => undefined;
  signedInLayoutCode().catch(ignore);
  firstPages[pathname]?.().catch(ignore);
}
