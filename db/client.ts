import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };
export type Sqlite = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Path to an ABI-specific better_sqlite3.node (the Electron build); Node uses the default. */
  nativeBinding?: string;
  /** FULL for the desktop app (power cuts); NORMAL is enough for benchmarks and temporary files. */
  synchronous?: 'NORMAL' | 'FULL';
  /** Checkpoint the WAL on a worker thread (wal-checkpointer) instead of inside commits; default true. */
  backgroundCheckpoint?: boolean;
  /** With the worker: a commit still checkpoints itself past this many WAL pages (WAL_SAFETY_PAGES). */
  walSafetyPages?: number;
}

export interface Connection {
  sqlite: Sqlite;
  db: Db;
  file: string;
  /** The background WAL checkpointer of a writable file database (null for :memory:, readonly, or when off). */
  checkpointer: WalCheckpointer | null;
  close(): void;
}

/**
 * The worker checkpoints after commits, but a WAL is only restarted from its beginning when a write
 * begins after a complete checkpoint: under back-to-back write transactions it could keep growing. So a
 * commit that finds the WAL this long (~200 MB; a first credit run over 100,000 accounts writes ~17,000
 * pages) checkpoints itself, as every commit past 1,000 pages did before the worker.
 */
export const WAL_SAFETY_PAGES = 50_000;

/** Opens (or creates) a SalesDesk database with the pragmas every connection needs. */
export function openDatabase(file: string, opts: OpenOptions = {}): Connection {
  const sqlite = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  const wal = file !== ':memory:' && !opts.readonly && sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  let checkpointer: WalCheckpointer | null = null;
  if (wal && file !== '' && (opts.backgroundCheckpoint ?? true)) {
    checkpointer = startWalCheckpointer(file, {
      nativeBinding: opts.nativeBinding,
      synchronous: opts.synchronous ?? 'FULL',
      // Without the worker, commits checkpoint again as SQLite does by default.
      onFailure: () => {
        if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
      },
    });
    sqlite.pragma(`wal_autocheckpoint = ${opts.walSafetyPages ?? WAL_SAFETY_PAGES}`);
  }
  const db = drizzle(sqlite, { schema, casing: 'snake_case' });
  return {
    sqlite,
    db,
    file,
    checkpointer,
    close: () => {
      if (sqlite.open) {
        if (!opts.readonly) sqlite.pragma('optimize');
        // The worker's final checkpoint first: closed last, this connection then finds the WAL copied
        // and deletes it, as SQLite's last connection does.
        checkpointer?.close();
        sqlite.close();
      }
    },
  };
}
