import type { Connection, Db, Sqlite } from '../../db/client';
import type { AppSettings } from '../../shared/contract/settings';
import type { SessionUser } from '../../shared/contract/system';
import type { DispatchContext } from '../../shared/rpc/dispatch';
import type { Clock } from './clock';
import type { EventBus } from './events';
import type { FilesPort } from './files';
import type { Logger } from './logger';

/** Whoever a write is attributed to in the audit log. */
export interface Actor {
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

/** Everything a service needs, created once per backend. */
export interface Core {
  conn: Connection;
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  events: EventBus;
  files: FilesPort;
  logger: Logger;
  dbFile: string;
  dataDir: string;
  settings(): AppSettings;
  /** Today's date in the configured time zone. */
  today(): string;
  /**
   * Runs fn in one SQLite transaction. A nested call runs inside the outer transaction (no savepoint:
   * savepoints make bulk writes quadratic), so an error must propagate to roll everything back; do not
   * catch an error from a nested tx and carry on writing.
   */
  tx<T>(fn: () => T): T;
}

/** Per call: who is calling and in which language they read messages. */
export interface CallContext extends DispatchContext {
  user: SessionUser | null;
  actor: Actor;
}
