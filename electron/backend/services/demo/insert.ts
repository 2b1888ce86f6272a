import type { Sqlite } from '../../../../db/client';

export type SqlValue = string | number | null;

/** A prepared positional INSERT for one table; counts the rows it wrote. */
export interface Inserter {
  run(...values: SqlValue[]): void;
  readonly count: number;
}

/**
 * Raw prepared statements with positional parameters: the demo writes millions of rows, and drizzle's
 * builder costs several times more per row (see toolchain.md). The column list is checked against the
 * value count on every row so a mismatch fails loudly instead of shifting columns.
 */
export function prepareInsert(sqlite: Sqlite, table: string, columns: readonly string[]): Inserter {
  const stmt = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const width = columns.length;
  let count = 0;
  return {
    run(...values: SqlValue[]) {
      if (values.length !== width) throw new Error(`${table}: ${values.length} values for ${width} columns`);
      stmt.run(values);
      count++;
    },
    get count() {
      return count;
    },
  };
}

/** The audit columns most tables end with, in schema order. */
export const AUDIT_COLUMNS = ['created_at', 'updated_at', 'created_by', 'updated_by', 'version'] as const;
