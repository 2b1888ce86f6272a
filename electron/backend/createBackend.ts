import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type Connection } from '../../db/client';
import { migrate, type MigrateResult } from '../../db/migrate';
import { contract } from '../../shared/contract';
import type { AppSettings } from '../../shared/contract/settings';
import { isoDateOf } from '../../shared/domain/dates';
import { createDispatch, type Dispatch } from '../../shared/rpc/dispatch';
import { type Clock, systemClock } from './clock';
import type { Core } from './core';
import { EventBus } from './events';
import { type FilesPort, noFilesPort } from './files';
import { createHandlers } from './handlers';
import { type Logger, consoleLogger } from './logger';
import type { Runtime } from './runtime';
import { timestampedBackupFile } from './services/backup';
import { readSettings } from './services/settings';
import { runDailyTasks, type StartupReport } from './services/startup';
import { Session } from './session';

export interface BackendOptions {
  dbFile: string;
  /** Folder for backups and exports; defaults to the database's folder. */
  dataDir?: string;
  clock?: Clock;
  files?: FilesPort;
  logger?: Logger;
  nativeBinding?: string;
  /** Sign in as this username (CLI --user); otherwise the session rules apply. */
  user?: string;
  /** The CLI: trusted local automation, not subject to the sign-in setting. */
  trusted?: boolean;
  /** Check every handler result against the contract (tests). */
  validateOutput?: boolean;
  synchronous?: 'NORMAL' | 'FULL';
}

export interface Backend {
  dispatch: Dispatch;
  events: EventBus;
  core: Core;
  runtime: Runtime;
  migration: MigrateResult;
  /** The daily work (automatic backup, calendar-driven aggregates); the app calls it at start and daily. */
  runDailyTasks(): Promise<StartupReport>;
  close(): void;
}

/**
 * The whole application minus its window: opens and migrates the database (backing it up first when
 * a migration is pending), then exposes one dispatch that every transport calls. Never imports electron.
 */
export function createBackend(opts: BackendOptions): Backend {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? consoleLogger;
  const dataDir = opts.dataDir ?? dirname(opts.dbFile);
  if (opts.dbFile !== ':memory:') mkdirSync(dirname(opts.dbFile), { recursive: true });
  const conn: Connection = openDatabase(opts.dbFile, { nativeBinding: opts.nativeBinding, synchronous: opts.synchronous });
  let migration: MigrateResult;
  try {
    migration = migrate(conn.sqlite, {
      beforeMigrate: (from, to) => {
        if (opts.dbFile === ':memory:' || !existsSync(opts.dbFile)) return;
        const file = timestampedBackupFile(dataDir, `pre-migrate-v${from}-to-v${to}`, clock.now());
        mkdirSync(dirname(file), { recursive: true });
        // better-sqlite3's backup() is async; VACUUM INTO makes the same consistent copy synchronously.
        conn.sqlite.exec(`vacuum into '${file.replaceAll("'", "''")}'`);
        logger.info(`backed up the database before migrating v${from} → v${to}: ${file}`);
      },
    });
  } catch (error) {
    conn.close();
    throw error;
  }

  let cachedSettings: AppSettings | null = null;
  const core: Core = {
    conn,
    db: conn.db,
    sqlite: conn.sqlite,
    clock,
    events: new EventBus(),
    files: opts.files ?? noFilesPort,
    logger,
    dbFile: opts.dbFile,
    dataDir,
    settings: () => (cachedSettings ??= readSettings(conn.db)),
    today: () => isoDateOf(clock.now(), core.settings().timeZone),
    // A nested call joins the transaction already open instead of opening a SAVEPOINT: inside a
    // savepoint SQLite keeps every page a statement touches in the in-memory statement journal and
    // walks that whole journal at the end of each statement, so a bulk write (an allocation apply,
    // a 10,000-account transfer) became quadratic. An error still rolls back the whole outer
    // transaction (every caller lets it propagate; none catches one and carries on).
    tx: (fn) => (conn.sqlite.inTransaction ? fn() : conn.sqlite.transaction(fn)()),
  };
  const session = new Session(core, opts.trusted ?? false);
  session.restore(opts.user);
  const runtime: Runtime = { core, session, invalidateSettings: () => (cachedSettings = null) };
  const dispatch = createDispatch({
    contract,
    handlers: createHandlers(runtime),
    context: () => session.context(),
    validateOutput: opts.validateOutput ?? false,
    onInternalError: (method, error) => logger.error(`internal error in ${method}`, error),
  });
  return {
    dispatch,
    events: core.events,
    core,
    runtime,
    migration,
    runDailyTasks: () => runDailyTasks(core, session.actor(), runtime.invalidateSettings),
    close: () => conn.close(),
  };
}

