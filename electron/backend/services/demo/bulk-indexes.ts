import type { Sqlite } from '../../../../db/client';

/**
 * Bulk-load trick: drop secondary indexes whose keys arrive in random order, insert, then build them
 * again from sorted data (several times cheaper than updating those B-trees at random places for every
 * row, and it keeps the page cache for the tables being written). Indexes whose keys arrive in order
 * (an order's lines after the order, an account's follow-ups by date, a few hundred dates) stay: adding
 * to their rightmost pages costs next to nothing. Runs inside the seeding transaction, so a failure
 * leaves the original indexes in place; recreating a unique index re-checks uniqueness.
 */
export function dropIndexes(sqlite: Sqlite, which: { tables: readonly string[]; names: readonly string[] }): { recreate(): void } {
  const t = which.tables.map(() => '?').join(', ') || "''";
  const n = which.names.map(() => '?').join(', ') || "''";
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and (tbl_name in (${t}) or name in (${n})) order by tbl_name, name`)
    .all(...which.tables, ...which.names) as { name: string; sql: string }[];
  for (const ix of indexes) sqlite.exec(`drop index "${ix.name.replaceAll('"', '""')}"`);
  return {
    recreate() {
      for (const ix of indexes) sqlite.exec(ix.sql);
    },
  };
}
