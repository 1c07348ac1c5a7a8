import { Button, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../app/format.ts';
import { currentLanguage } from '../app/i18n.ts';
import { csvLine, csvSeparator, downloadText } from './csv.ts';
import { messageOf } from './form-errors.ts';
import type { ListView } from './list-view.ts';
import type { RecordColumn, RecordRow } from './record-columns.ts';
import { fetchPage, type ListSource } from './use-record-pages.ts';

// The API's largest page: fewest round trips for a full export.
const EXPORT_PAGE = 200;

interface CsvExportProps<T extends RecordRow> {
  source: ListSource;
  view: ListView;
  columns: RecordColumn<T>[];
  fileName: string;
}

/** Exports every row of the current view (not only the loaded ones) by walking all its pages. */
export function CsvExport<T extends RecordRow>({ source, view, columns, fileName }: CsvExportProps<T>) {
  const { t } = useTranslation('ui');
  const [done, setDone] = useState<number | null>(null);
  const cancelled = useRef(false);
  const run = async () => {
    cancelled.current = false;
    setDone(0);
    const separator = csvSeparator(currentLanguage());
    const lines = [
      csvLine(
        columns.map((column) => column.label),
        separator,
      ),
    ];
    try {
      let cursor: string | null = null;
      do {
        const page: { data: T[]; nextCursor: string | null } = await fetchPage<T>(
          source,
          view,
          cursor,
          EXPORT_PAGE,
        );
        for (const row of page.data)
          lines.push(
            csvLine(
              columns.map((column) => column.csv(row)),
              separator,
            ),
          );
        setDone(lines.length - 1);
        cursor = page.nextCursor;
      } while (cursor && !cancelled.current);
      if (!cancelled.current) downloadText(`${fileName}.csv`, `${lines.join('\r\n')}\r\n`);
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error, t('export.failed')) });
    } finally {
      setDone(null);
    }
  };
  return (
    <>
      <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void run()}>
        {t('export.button')}
      </Button>
      <Modal
        opened={done !== null}
        onClose={() => {
          cancelled.current = true;
        }}
        title={t('export.title')}
      >
        <Stack>
          {/* The total is unknown up front (keyset pages have no count), so the bar keeps moving. */}
          <Progress value={100} animated striped aria-label={t('export.title')} />
          <Text size="sm">
            {t('export.progress', { count: done ?? 0, formatted: formatNumber(done ?? 0) })}
          </Text>
          <Button
            variant="default"
            onClick={() => {
              cancelled.current = true;
            }}
          >
            {t('export.cancel')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
