import { Box, Button, Center, Checkbox, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordColumn, RecordRow } from './record-columns.ts';

const ROW_HEIGHT = 40;
const CHECKBOX_WIDTH = 44;
// Ask for the next page while this many loaded rows are still below the visible ones.
const PREFETCH_ROWS = 30;

export interface RecordTableProps<T extends RecordRow> {
  rows: T[];
  columns: RecordColumn<T>[];
  /** What a row is called, for its checkbox's label: "Select Bakkerij Jansen". */
  rowLabel: (row: T) => string;
  sortOf: (field: string) => 'asc' | 'desc' | null;
  onSort: (field: string) => void;
  /** Absent for viewers: no checkboxes, since there is nothing they could do with a selection. */
  selection?: { selected: Set<string>; toggle: (id: string) => void; setAll: (all: boolean) => void };
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** A virtualised table: only the rows in view are in the DOM, so 100,000 loaded rows stay smooth. */
export function RecordTable<T extends RecordRow>(props: RecordTableProps<T>) {
  const { rows, columns, hasMore, loadingMore, onLoadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);
  const template = [...(props.selection ? [CHECKBOX_WIDTH] : []), ...columns.map((c) => c.width)]
    .map((width) => `${width}px`)
    .join(' ');
  const totalWidth = (props.selection ? CHECKBOX_WIDTH : 0) + columns.reduce((sum, c) => sum + c.width, 0);
  return (
    <Box>
      <Box
        ref={scrollRef}
        style={{ height: 'calc(100dvh - 300px)', minHeight: 320, overflow: 'auto' }}
        bd="1px solid var(--mantine-color-default-border)"
      >
        <table aria-rowcount={rows.length + 1} style={{ display: 'grid', minWidth: totalWidth }}>
          <HeaderRow {...props} template={template} />
          <tbody style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <BodyRow
                key={item.key}
                row={rows[item.index]!}
                index={item.index}
                start={item.start}
                template={template}
                {...props}
              />
            ))}
          </tbody>
        </table>
      </Box>
      {hasMore && (
        <Center mt="xs">
          <Button variant="subtle" onClick={onLoadMore} loading={loadingMore}>
            <LoadMoreLabel />
          </Button>
        </Center>
      )}
    </Box>
  );
}

function LoadMoreLabel() {
  const { t } = useTranslation('ui');
  return t('table.loadMore');
}

const rowStyle = (template: string) => ({
  display: 'grid',
  gridTemplateColumns: template,
  alignItems: 'center',
  borderBottom: '1px solid var(--mantine-color-default-border)',
});

const cellStyle = {
  padding: '0 8px',
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
  textAlign: 'left' as const,
};

function HeaderRow<T extends RecordRow>(props: RecordTableProps<T> & { template: string }) {
  const { t } = useTranslation('ui');
  const { selection, rows } = props;
  const allSelected = rows.length > 0 && selection?.selected.size === rows.length;
  return (
    <thead
      style={{
        display: 'grid',
        position: 'sticky',
        top: 0,
        zIndex: 1,
        background: 'var(--mantine-color-body)',
      }}
    >
      <tr aria-rowindex={1} style={{ ...rowStyle(props.template), height: ROW_HEIGHT, fontWeight: 600 }}>
        {selection && (
          <th style={cellStyle}>
            <Checkbox
              aria-label={t('table.selectAll')}
              checked={allSelected}
              indeterminate={!allSelected && selection.selected.size > 0}
              onChange={(event) => selection.setAll(event.currentTarget.checked)}
            />
          </th>
        )}
        {props.columns.map((column) => (
          <HeaderCell key={column.id} column={column} {...props} />
        ))}
      </tr>
    </thead>
  );
}

function HeaderCell<T extends RecordRow>({
  column,
  sortOf,
  onSort,
}: { column: RecordColumn<T> } & RecordTableProps<T>) {
  const { t } = useTranslation('ui');
  const field = column.sortField;
  if (!field) return <th style={cellStyle}>{column.label}</th>;
  const direction = sortOf(field);
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <th
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
      style={cellStyle}
    >
      <UnstyledButton
        onClick={() => onSort(field)}
        aria-label={t('table.sortBy', { column: column.label })}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600 }}
      >
        {column.label}
        <Icon size={14} opacity={direction ? 1 : 0.4} />
      </UnstyledButton>
    </th>
  );
}

function BodyRow<T extends RecordRow>(
  props: RecordTableProps<T> & { row: T; index: number; start: number; template: string },
) {
  const { t } = useTranslation('ui');
  const { row, selection } = props;
  return (
    <tr
      aria-rowindex={props.index + 2}
      data-testid="record-row"
      style={{
        ...rowStyle(props.template),
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: ROW_HEIGHT,
        transform: `translateY(${props.start}px)`,
      }}
    >
      {selection && (
        <td style={cellStyle}>
          <Checkbox
            aria-label={t('table.selectRow', { name: props.rowLabel(row) })}
            checked={selection.selected.has(row.id)}
            onChange={() => selection.toggle(row.id)}
          />
        </td>
      )}
      {props.columns.map((column) => (
        <td key={column.id} style={cellStyle}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
}
