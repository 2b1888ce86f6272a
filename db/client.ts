import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };
export type Sqlite = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Path to an ABI-specific better_sqlite3.node (the Electron build); Node uses the default. */
  nativeBinding?: string;
  /** FULL for the desktop app (power cuts); NORMAL is enough for benchmarks and temporary files. */
  synchronous?: 'NORMAL' | 'FULL';
}

export interface Connection {
  sqlite: Sqlite;
  db: Db;
  file: string;
  close(): void;
}

/** Opens (or creates) a SalesDesk database with the pragmas every connection needs. */
export function openDatabase(file: string, opts: OpenOptions = {}): Connection {
  const sqlite = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  if (file !== ':memory:' && !opts.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema, casing: 'snake_case' });
  return {
    sqlite,
    db,
    file,
    close: () => {
      if (sqlite.open) {
        if (!opts.readonly) sqlite.pragma('optimize');
        sqlite.close();
      }
    },
  };
}
