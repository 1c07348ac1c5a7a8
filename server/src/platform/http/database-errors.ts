import { AppError } from '../errors.ts';

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The field a constraint error concerns: the last key column that is not workspace_id. */
function fieldOfDetail(detail: string | undefined): string | null {
  const match = /Key \(([^)]*(?:\([^)]*\))?[^)]*)\)=/.exec(detail ?? '');
  if (!match) return null;
  const columns = match[1]!
    .split(',')
    .map((part) => part.trim().replace(/^lower\((.*?)(::text)?\)$/, '$1'))
    .filter((column) => column !== 'workspace_id' && column !== 'pipeline_id');
  const column = columns.at(-1);
  return column ? camel(column) : null;
}

/**
 * Turns a PostgreSQL constraint error into a 4xx: the schema validates input first, so these are the
 * cases only the database can judge (uniqueness, references to records that do not exist here).
 */
export function appErrorOfDatabaseError(error: unknown): AppError | null {
  const pg = error as PgError;
  if (typeof pg?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(pg.code)) return null;
  const field = fieldOfDetail(pg.detail) ?? (pg.column ? camel(pg.column) : null);
  switch (pg.code) {
    case '23505': {
      const message = 'This value is already used by another record.';
      return new AppError(
        'conflict',
        field ? `${field}: ${message}` : message,
        field ? [{ field, message }] : [],
      );
    }
    case '23503': {
      const user = /still referenced from table "([a-z_]+)"/.exec(pg.detail ?? '');
      if (user)
        return new AppError(
          'conflict',
          `Still in use by ${user[1]!.replaceAll('_', ' ')}: move or delete those first.`,
        );
      const message = 'There is no such record in this workspace.';
      return new AppError(
        'invalid',
        field ? `${field}: ${message}` : message,
        field ? [{ field, message }] : [],
      );
    }
    case '23502':
    case '23514':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    // NUL in text or jsonb; refused before validation too (storable-text.ts), this is the backstop
    case '22021':
    case '22P05': {
      const message = 'This value is not allowed here.';
      return new AppError(
        'invalid',
        field ? `${field}: ${message}` : message,
        field ? [{ field, message }] : [],
      );
    }
    default:
      return null;
  }
}
