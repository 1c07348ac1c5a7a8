import type { ExportList } from '@baken/core/exports/export.schema';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../app/i18n.ts';
import { withQuery } from '../app/query-string.ts';
import { type ListSource, type ListView, listQuery } from './list-view.ts';

interface ListExportProps {
  list: ExportList;
  source: ListSource;
  view: ListView;
}

/** Where the server streams the whole view (every row, not only the loaded ones) as a file. */
export function exportUrl(list: ExportList, source: ListSource, view: ListView, format: 'csv' | 'xlsx') {
  return `/api/v1${withQuery('/exports', {
    list,
    format,
    lang: currentLanguage(),
    ...listQuery(view, source.specs, source.search),
  })}`;
}

/**
 * Exports the current view as CSV or XLSX. The file comes from `GET /exports` through a plain link,
 * so the browser streams it to disk (the session cookie signs the request) however long the list.
 */
export function ListExport({ list, source, view }: ListExportProps) {
  const { t } = useTranslation('ui');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
        >
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={exportUrl(list, source, view, 'csv')} download>
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(list, source, view, 'xlsx')} download>
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
