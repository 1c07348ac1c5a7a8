import type { SavedViewList } from '@baken/core/saved-views/saved-view.schema';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../app/format.ts';
import { canWrite, useMe } from '../app/session.ts';
import { memberOptions, useMembers } from '../app/workspace-data.ts';
import { BulkBar, type BulkChange } from './bulk-bar.tsx';
import { BulkProgressModal } from './bulk-progress.tsx';
import { runBulkChange, runBulkDelete } from './bulk-requests.ts';
import { useBulkRun } from './bulk-run.ts';
import { ColumnChooser } from './column-chooser.tsx';
import { EmptyState } from './empty-state.tsx';
import { type FieldChoice, FilterBuilder, type FilterFields } from './filter-builder.tsx';
import { ListExport } from './list-export.tsx';
import { initialView, type ListSource, type ListView, nextSort, sortDirection } from './list-view.ts';
import type { RecordColumn, RecordRow } from './record-columns.ts';
import { RecordTable } from './record-table.tsx';
import { SavedViews } from './saved-views.tsx';
import { listQueryKey, useRecordPages } from './use-record-pages.ts';
import { useSelection } from './use-selection.ts';

export interface RecordListProps<T extends RecordRow> {
  /** Name of the list for saved views and the export file, e.g. `accounts`. */
  list: SavedViewList;
  title: string;
  source: ListSource;
  columns: RecordColumn<T>[];
  defaultView: ListView;
  filterFields: FilterFields;
  rowLabel: (row: T) => string;
  searchLabel: string;
  create?: { label: string; open: () => void };
  empty: { title: string; body: string };
  /** Deals only: stages to move selected deals to. */
  stages?: FieldChoice[];
  tagsOf?: (row: T) => string[];
  /** More bulk actions on the selected rows; `done` clears the selection. */
  bulkActions?: (rows: T[], done: () => void) => ReactNode;
}

/** A list of records: search, filters, sortable columns, saved views, bulk edit and export (CSV, XLSX). */
export function RecordList<T extends RecordRow>(props: RecordListProps<T>) {
  const { t } = useTranslation('ui');
  const me = useMe().data;
  const writer = canWrite(me);
  const members = useMembers().data;
  const queryClient = useQueryClient();
  const [view, setView] = useState(() =>
    initialView(props.defaultView, props.filterFields.specs, window.location.search),
  );
  const [queriedView] = useDebouncedValue(view, 300);
  const pages = useRecordPages<T>(props.source, queriedView);
  const selection = useSelection(pages.rows, queriedView);
  const bulk = useBulkRun();
  const columns = props.columns.filter((column) => view.columns.includes(column.id));
  const afterBulk = () => {
    selection.clear();
    void queryClient.invalidateQueries({ queryKey: listQueryKey(props.source.path) });
  };
  const change = (what: BulkChange) =>
    void runBulkChange(bulk, props.source.path, selection.rows, what, props).then(afterBulk);
  const remove = () =>
    void runBulkDelete(bulk, props.source.path, selection.rows, props.rowLabel).then(afterBulk);
  const filtered = queriedView.filters.length > 0 || queriedView.search.trim() !== '';
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>{props.title}</Title>
        {writer && props.create && (
          <Button leftSection={<IconPlus size={16} />} onClick={props.create.open}>
            {props.create.label}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        <TextInput
          aria-label={props.searchLabel}
          placeholder={props.searchLabel}
          leftSection={<IconSearch size={16} />}
          value={view.search}
          onChange={(event) => setView({ ...view, search: event.currentTarget.value })}
          w={{ base: '100%', sm: 260 }}
        />
        <FilterBuilder
          fields={props.filterFields}
          filters={view.filters}
          onChange={(filters) => setView({ ...view, filters })}
        />
        <ColumnChooser
          columns={props.columns}
          visible={view.columns}
          onChange={(visible) => setView({ ...view, columns: visible })}
        />
        {me && (
          <SavedViews
            userId={me.user.id}
            list={props.list}
            current={view}
            onOpen={setView}
            onReset={() => setView(props.defaultView)}
          />
        )}
        <ListExport list={props.list} source={props.source} view={queriedView} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {pages.hasNextPage
            ? t('table.loadedMore', { count: formatNumber(pages.rows.length) })
            : t('table.count', { count: pages.rows.length, formatted: formatNumber(pages.rows.length) })}
        </Text>
      </Group>
      {writer && selection.rows.length > 0 && (
        <BulkBar
          count={selection.rows.length}
          owners={memberOptions(members)}
          stages={props.stages}
          withTags={Boolean(props.tagsOf)}
          onChange={change}
          onDelete={remove}
          onClear={selection.clear}
          extra={props.bulkActions?.(selection.rows, selection.clear)}
        />
      )}
      <ListBody
        {...props}
        pages={pages}
        filtered={filtered}
        columns={columns}
        view={view}
        setView={setView}
        selection={writer ? selection : undefined}
        writer={writer}
      />
      <BulkProgressModal progress={bulk.progress} onClose={bulk.dismiss} />
    </Stack>
  );
}

type ListBodyProps<T extends RecordRow> = RecordListProps<T> & {
  pages: ReturnType<typeof useRecordPages<T>>;
  filtered: boolean;
  view: ListView;
  setView: (view: ListView) => void;
  /** Viewers get no selection and no "add" in the empty state. */
  writer: boolean;
  selection: ReturnType<typeof useSelection<T>> | undefined;
};

function ListBody<T extends RecordRow>(props: ListBodyProps<T>) {
  const { t } = useTranslation('ui');
  const { pages, view, setView } = props;
  if (pages.isError)
    return (
      <EmptyState
        title={t('table.errorTitle')}
        body={t('table.errorBody')}
        action={{ label: t('table.retry'), onClick: () => void pages.refetch() }}
      />
    );
  if (pages.isSuccess && pages.rows.length === 0)
    return props.filtered ? (
      <EmptyState
        title={t('table.noMatchesTitle')}
        body={t('table.noMatchesBody')}
        action={{
          label: t('table.clearFilters'),
          onClick: () => setView({ ...view, filters: [], search: '' }),
        }}
      />
    ) : (
      <EmptyState
        title={props.empty.title}
        body={props.empty.body}
        action={
          props.create && props.writer ? { label: props.create.label, onClick: props.create.open } : undefined
        }
      />
    );
  return (
    <RecordTable
      rows={pages.rows}
      columns={props.columns}
      rowLabel={props.rowLabel}
      sortOf={(field) => sortDirection(view, field)}
      onSort={(field) => setView({ ...view, sort: nextSort(view, field) })}
      selection={props.selection}
      hasMore={pages.hasNextPage}
      loadingMore={pages.isFetchingNextPage}
      onLoadMore={() => void pages.fetchNextPage({ cancelRefetch: false })}
    />
  );
}
