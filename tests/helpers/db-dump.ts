import type { Sqlite } from '../../db/client';

/**
 * Every row of every table, in primary-key order: two dumps are equal exactly when the data is.
 * The import bookkeeping (its journal, batches, templates and the append-only audit log, which by
 * design only ever grows) is left out unless asked for.
 */
export const BOOKKEEPING = ['audit_log', 'journals', 'journal_items', 'import_batches', 'import_templates'];

export function dumpDatabase(sqlite: Sqlite, exclude: readonly string[] = BOOKKEEPING): Record<string, unknown[]> {
  const tables = (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`).all() as { name: string }[]).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    if (exclude.includes(t)) continue;
    out[t] = sqlite.prepare(`select * from "${t}" order by 1, 2`).all();
  }
  return out;
}
