import { useMemo, useState } from 'react';
import type { ListView } from './list-view.ts';
import type { RecordRow } from './record-columns.ts';

/**
 * Selected records of the loaded rows. A new sort, filter or search starts a new selection, so a
 * bulk action never reaches records the user no longer sees.
 */
export function useSelection<T extends RecordRow>(rows: T[], view: ListView) {
  const [state, setState] = useState<{ view: ListView; ids: Set<string> }>({ view, ids: new Set() });
  const selected = state.view === view ? state.ids : new Set<string>();
  const selectedRows = useMemo(() => rows.filter((row) => selected.has(row.id)), [rows, selected]);
  return {
    selected,
    rows: selectedRows,
    toggle: (id: string) => {
      const ids = new Set(selected);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      setState({ view, ids });
    },
    setAll: (all: boolean) => setState({ view, ids: all ? new Set(rows.map((row) => row.id)) : new Set() }),
    clear: () => setState({ view, ids: new Set() }),
  };
}
