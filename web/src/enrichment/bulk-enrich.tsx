// "Enrich" for the companies selected in the list: starts a background run and follows it in a
// notification until it is done. Managers and above: a run changes companies of every owner.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSparkles } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { useMe } from '../app/session.ts';
import { messageOf } from '../ui/form-errors.ts';
import { listQueryKey } from '../ui/use-record-pages.ts';

interface Run {
  state: string;
  done: number;
  changed: number;
  failed: number;
  total: number | null;
}

const POLL_MS = 1500;
const managers = new Set(['owner', 'admin', 'manager']);

export function BulkEnrichButton({ ids, onStarted }: { ids: string[]; onStarted: () => void }) {
  const { t } = useTranslation('enrichment');
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState(false);
  if (!me || !managers.has(me.role)) return null;

  const follow = async (id: string, total: number) => {
    const notice = `enrich-run-${id}`;
    notifications.show({
      id: notice,
      loading: true,
      autoClose: false,
      message: t('bulk.started', { total }),
    });
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const run = await get<Run>(`/accounts/enrichment-runs/${id}`).catch(() => null);
      if (!run) continue;
      const finished = run.state === 'completed' || run.state === 'failed' || run.state === 'cancelled';
      notifications.update({
        id: notice,
        loading: !finished,
        autoClose: finished ? 8000 : false,
        color: run.state === 'completed' ? 'green' : finished ? 'red' : undefined,
        message: finished
          ? t(run.state === 'completed' ? 'bulk.done' : 'bulk.stopped', { ...run })
          : t('bulk.progress', { ...run, total }),
      });
      if (finished) {
        void queryClient.invalidateQueries({ queryKey: listQueryKey('/accounts') });
        return;
      }
    }
  };

  const start = async () => {
    setStarting(true);
    try {
      const { id } = await post<{ id: string }>('/accounts/enrich', { ids });
      onStarted();
      void follow(id, ids.length);
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error, t('failed')) });
    } finally {
      setStarting(false);
    }
  };

  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconSparkles size={14} />}
      loading={starting}
      onClick={() => void start()}
      data-testid="bulk-enrich"
    >
      {t('enrich')}
    </Button>
  );
}
