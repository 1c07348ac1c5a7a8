// The app's UI: providers and the first render. main.tsx loads it beside boot.ts, after sending the
// requests every page needs, so they run while the browser parses this (much larger) code.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import dayjs from 'dayjs';
import 'dayjs/locale/nl';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import type { AppRouter } from './router.tsx';

function Providers({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState(i18n.resolvedLanguage ?? 'nl');
  useEffect(() => {
    const onChange = (next: string) => {
      setLanguage(next);
      dayjs.locale(next);
      document.documentElement.lang = next;
    };
    onChange(i18n.resolvedLanguage ?? 'nl');
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
  return (
    <MantineProvider>
      <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
        <ModalsProvider>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

export function startApp(queryClient: QueryClient, router: AppRouter): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}
