import type { Connection, Sqlite } from '../../../../db/client';

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

/**
 * Runs fn with a rollback journal instead of WAL when this connection can switch (it is not inside a
 * transaction and no other connection holds the file). A bulk load through WAL writes every page twice
 * (into the WAL, then the checkpoint copies it into the file); with a rollback journal a fresh
 * database's pages go straight to the file and the journal stays tiny, while the commit is just as
 * atomic. WAL is switched back on afterwards, and a crash in between is harmless: the hot journal is
 * rolled back and the next open turns WAL on again. The background checkpointer's connection is closed
 * meanwhile (leaving WAL needs the file to itself) and reopened after.
 */
export function withRollbackJournal<T>(conn: Pick<Connection, 'sqlite' | 'checkpointer'>, fn: () => T): T {
  const sqlite: Sqlite = conn.sqlite;
  const mode = String(sqlite.pragma('journal_mode', { simple: true }));
  if (mode !== 'wal' || sqlite.inTransaction) return fn();
  conn.checkpointer?.pause();
  let switched = false;
  try {
    switched = String(sqlite.pragma('journal_mode = DELETE', { simple: true })) === 'delete';
    return fn();
  } finally {
    if (switched) sqlite.pragma('journal_mode = WAL');
    conn.checkpointer?.resume();
  }
}
