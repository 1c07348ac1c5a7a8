// The entry point is as small as it can be: it sends the requests the page is sure to make, asks for
// the page's code, then loads the app's state and router (boot.ts) and its UI (start.tsx, React DOM and Mantine) side by
// side, so the API answers while the browser is still downloading and parsing that code.
import { sendFirstRequests } from './app/first-requests.ts';
import { loadFirstPageCode } from './app/page-code.ts';

sendFirstRequests(window.location);
loadFirstPageCode(window.location.pathname);
const ui = import('./app/start.tsx');
void import('./app/boot.ts').then(async ({ bootApp }) => {
  const { queryClient, router } = bootApp();
  const { startApp } = await ui;
  startApp(queryClient, router);
});
