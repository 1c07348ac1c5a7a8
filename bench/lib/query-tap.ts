import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../../server/src/platform/db/schema.ts';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Records the queries the app runs while a capture is open, so a scenario can run exactly that SQL
 * again without the app around it: the "raw SQL" side of the API-to-SQL ratio.
 */
export class QueryTap {
  private captured: CapturedQuery[] | null = null;

  onQuery = (query: CapturedQuery) => {
    this.captured?.push({ sql: query.sql, parameters: [...query.parameters] });
  };

  /** Runs `work` and returns its result with every query it ran. */
  async capture<T>(work: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
    const queries: CapturedQuery[] = [];
    this.captured = queries;
    try {
      return { result: await work(), queries };
    } finally {
      this.captured = null;
    }
  }

  /**
   * Runs captured queries again, in order, on one connection (a request's transaction must stay on
   * its connection), with parameters passed through `vary` (fresh ids for rows a write inserts).
   */
  async replay(
    db: Kysely<DB>,
    queries: readonly CapturedQuery[],
    vary: (value: unknown) => unknown = (value) => value,
  ): Promise<void> {
    await db.connection().execute(async (connection) => {
      for (const query of queries) {
        await connection.executeQuery(CompiledQuery.raw(query.sql, query.parameters.map(vary)));
      }
    });
  }

  async runRaw(db: Kysely<DB>, text: string): Promise<void> {
    await db.executeQuery(CompiledQuery.raw(text));
  }
}
