import { AppError } from '../platform/errors.ts';

/** What the catalogue says about one table of our schema (see describeTables). */
export interface TableFacts {
  name: string;
  columns: { name: string; generated: boolean; sequence: boolean }[];
  primaryKey: string[];
  /** Tables this one has a foreign key to. */
  references: string[];
}

/**
 * Which rows of a table belong to one workspace: the workspace row itself, the users who are its
 * members (users are global), or the rows carrying its workspace_id. `global` tables have none of
 * these, so only a whole-database backup can take them.
 */
export type TableScope = 'workspace' | 'members' | 'tenant' | 'global';

export interface TablePlan {
  name: string;
  /** Columns written and restored: generated ones are left out, the target computes them again. */
  columns: string[];
  primaryKey: string[];
  scope: TableScope;
}

/** Tables a backup leaves out, and why. */
export const excludedTables: Record<string, string> = {
  schema_migrations: 'the header carries the schema version',
  sessions: 'sessions are credentials: restored users sign in again',
  company_register: 'a copy of the operator’s register file, loaded again from it on first use',
  company_register_files:
    'which version of the register file is loaded; empty after a restore, so it loads again',
  search_words: 'the words of the restored records: their triggers fill it again',
};

/** The tables to back up, parents before children, so that a restore satisfies every foreign key. */
export function planTables(facts: TableFacts[]): TablePlan[] {
  const included = facts.filter((table) => !(table.name in excludedTables));
  for (const table of included) checkRestorable(table);
  return orderByForeignKeys(included).map((table) => ({
    name: table.name,
    columns: table.columns.filter((column) => !column.generated).map((column) => column.name),
    primaryKey: table.primaryKey,
    scope: scopeOf(table),
  }));
}

/** Fails loudly on what this backup cannot restore faithfully, instead of writing a file that would not load. */
function checkRestorable(table: TableFacts): void {
  const cannot = (why: string) =>
    new AppError(
      'internal',
      `Backup cannot handle table ${table.name}: ${why}. Teach server/src/backup how to.`,
    );
  if (table.primaryKey.length === 0) throw cannot('it has no primary key to read it in pages by');
  const generated = new Set(table.columns.filter((column) => column.generated).map((column) => column.name));
  if (table.primaryKey.some((column) => generated.has(column)))
    throw cannot('its primary key is a generated column');
  const sequence = table.columns.find((column) => column.sequence);
  if (sequence)
    throw cannot(`column ${sequence.name} takes values from a sequence, which a restore would not advance`);
  const excluded = table.references.find((name) => name in excludedTables);
  if (excluded)
    throw cannot(`it refers to ${excluded}, which backups leave out (${excludedTables[excluded]})`);
}

function scopeOf(table: TableFacts): TableScope {
  if (table.name === 'workspaces') return 'workspace';
  if (table.name === 'users') return 'members';
  if (table.columns.some((column) => column.name === 'workspace_id')) return 'tenant';
  return 'global';
}

/** Topological order (Kahn), alphabetical among equals so that files of the same schema look alike. */
function orderByForeignKeys(tables: TableFacts[]): TableFacts[] {
  const names = new Set(tables.map((table) => table.name));
  const waitingOn = new Map(
    tables.map((table) => [table.name, new Set(table.references.filter((name) => names.has(name)))]),
  );
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableFacts[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      const stuck = [...waitingOn.keys()].sort().join(', ');
      throw new AppError(
        'internal',
        `Backup cannot order tables ${stuck} by their foreign keys (a cycle or a self-reference). Teach server/src/backup how to.`,
      );
    }
    const next = ready.sort()[0]!;
    ordered.push(byName.get(next)!);
    waitingOn.delete(next);
    for (const parents of waitingOn.values()) parents.delete(next);
  }
  return ordered;
}

/** The tables a workspace backup may take; a global table has no way to tell which rows are the workspace's. */
export function assertWorkspaceScopable(plan: TablePlan[]): void {
  const global = plan.find((table) => table.scope === 'global');
  if (global) {
    throw new AppError(
      'internal',
      `Backup cannot tell which rows of table ${global.name} belong to a workspace (it has no workspace_id). Teach server/src/backup how to.`,
    );
  }
}
