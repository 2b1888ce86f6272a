import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints a WAL database on a worker thread, so that copying the WAL back into the database (and
 * its fsync) is no longer part of whatever write happens to cross the auto-checkpoint threshold: with
 * SQLite's default (1,000 pages), the commit that crosses it runs the checkpoint itself, and a batch
 * writing 17,000 pages made its user wait ~0.5 s more for it. The app's connection raises
 * wal_autocheckpoint to a safety limit (WAL_SAFETY_PAGES in client.ts) and this worker, with its own
 * connection to the same file, runs a PASSIVE checkpoint (it never blocks the writer or readers) soon
 * after each commit by another connection (at most one a second), and again while a reader's snapshot
 * kept part of the WAL from being copied; so the WAL is reset as before and does not grow without bound. Durability is unchanged: commits still append
 * and, under synchronous FULL, fsync the WAL; a crash before a checkpoint leaves frames the next open replays.
 *
 * The worker is plain JavaScript evaluated from a string, not a module file: the same code then runs
 * under tsx, vitest and the bundled Electron main process, and it loads better-sqlite3 by the path
 * resolved here, with the same native binding (the Electron build) as the app's connection.
 */

export interface CheckpointReport {
  /** Wall ms of the checkpoint call on the worker. */
  ms: number;
  /** Epoch ms at which it started (performance.timeOrigin + now on the worker). */
  startedAt: number;
  /** Frames in the WAL, and how many of them are now in the database (sqlite3_wal_checkpoint_v2). */
  log: number;
  checkpointed: number;
  /** 1 when it could not run at all (another checkpoint, or a writer during a non-PASSIVE one). */
  busy: number;
  /** The last one, when the connection is closed. */
  final: boolean;
}

export interface WalCheckpointer {
  /** The checkpoints run after commits, at close, or retried after a partial one; the latest last (at most REPORTS_KEPT). */
  readonly reports: readonly CheckpointReport[];
  /** Runs a checkpoint now (after any under way) and resolves with it: everything committed so far is copied unless a reader holds it back. */
  settle(): Promise<CheckpointReport>;
  /** Final checkpoint, then closes the worker's connection; waits for it (synchronous, like closing the database). */
  close(): void;
  /**
   * Like close(), but the worker stays, for resume(): while it holds the file, the app's connection
   * cannot leave WAL mode (demo seeding loads through a rollback journal; bulk-load.ts).
   */
  pause(): void;
  /** Reopens the worker's connection after pause() (the database must be in WAL mode again). */
  resume(): void;
}

export interface CheckpointerOptions {
  nativeBinding?: string;
  synchronous?: 'NORMAL' | 'FULL';
  /** How often the worker looks for new commits (PRAGMA data_version: no I/O). */
  pollMs?: number;
  /** Least time from the end of one checkpoint to the start of the next (each one fsyncs twice). */
  minGapMs?: number;
  /** Called if the worker fails; the caller turns auto-checkpointing back on. */
  onFailure?: (error: unknown) => void;
}

const REPORTS_KEPT = 32;
const POLL_MS = 250;
/**
 * SQLite's auto-checkpoint waits for 1,000 pages; after every commit instead, a burst of small commits
 * (edits, a confirmation after another) would fsync the WAL and the database for each one.
 */
const MIN_GAP_MS = 1000;
/** Longest close() waits for the final checkpoint before closing the database anyway. */
const CLOSE_WAIT_MS = 60_000;
/** States of the shared flag: the worker sets CLOSED, FAILED and PAUSED; resume() sets RUNNING. */
const RUNNING = 0;
const PAUSED = 3;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { module: modulePath, file, nativeBinding, synchronous, pollMs, minGapMs, flag } = workerData;
const state = new Int32Array(flag);
const signal = (value) => { Atomics.store(state, 0, value); Atomics.notify(state, 0); };
let db = null;
let version = null;
let timer = null;
// -1: check at start, for frames left by the connection's first writes (or an earlier crash).
let seen = -1;
let pending = true;
let lastEnd = -Infinity;
const checkpoint = (final) => {
  const startedAt = performance.timeOrigin + performance.now();
  const t0 = performance.now();
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  lastEnd = performance.now();
  const report = { ms: lastEnd - t0, startedAt, log: r.log, checkpointed: r.checkpointed, busy: r.busy, final };
  // A reader's snapshot (or a busy checkpoint lock) can hold part of the WAL back: try again next poll.
  pending = r.busy !== 0 || r.checkpointed < r.log;
  if (r.checkpointed > 0 || final) parentPort.postMessage({ type: 'report', report });
  return report;
};
const poll = () => {
  if (performance.now() - lastEnd < minGapMs) return;
  try {
    const v = version.get();
    if (v !== seen || pending) {
      seen = v;
      checkpoint(false);
    }
  } catch (error) {
    pending = true;
  }
};
const open = () => {
  const Database = require(modulePath);
  db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 1000');
  db.pragma('synchronous = ' + synchronous);
  db.pragma('wal_autocheckpoint = 0');
  version = db.prepare('pragma data_version').pluck();
  seen = -1;
  timer = setInterval(poll, pollMs);
};
// Final checkpoint, then the connection closed: on close(), or on pause() (which then signals 3).
const release = (value) => {
  clearInterval(timer);
  try {
    checkpoint(true);
  } finally {
    db.close();
    db = null;
    signal(value);
  }
};
try {
  open();
} catch (error) {
  if (timer) clearInterval(timer);
  if (db && db.open) db.close();
  signal(2);
  throw error;
}
parentPort.on('message', (m) => {
  if (m.type === 'settle') {
    if (!db) return parentPort.postMessage({ type: 'settled', id: m.id, error: 'paused' });
    seen = version.get();
    parentPort.postMessage({ type: 'settled', id: m.id, report: checkpoint(false) });
  } else if (m.type === 'pause') {
    if (db) release(3);
  } else if (m.type === 'resume') {
    try {
      if (!db) open();
    } catch (error) {
      signal(2);
      throw error;
    }
  } else if (m.type === 'close') {
    if (db) release(1);
    else signal(1);
    parentPort.close();
  }
});
`;

/** Starts the checkpoint worker for a database file already open in WAL mode by the caller. */
export function startWalCheckpointer(file: string, opts: CheckpointerOptions = {}): WalCheckpointer {
  const flag = new SharedArrayBuffer(4);
  const state = new Int32Array(flag);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      nativeBinding: opts.nativeBinding,
      synchronous: opts.synchronous ?? 'FULL',
      pollMs: opts.pollMs ?? POLL_MS,
      minGapMs: opts.minGapMs ?? MIN_GAP_MS,
      flag,
    },
  });
  // Never keeps a process alive: a process that ends without close() leaves WAL frames SQLite replays.
  worker.unref();
  const reports: CheckpointReport[] = [];
  const waiting = new Map<number, { resolve: (r: CheckpointReport) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let failed: unknown = null;
  const fail = (error: unknown) => {
    if (failed !== null) return;
    failed = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    opts.onFailure?.(error);
  };
  worker.on('message', (m: { type: 'report'; report: CheckpointReport } | { type: 'settled'; id: number; report?: CheckpointReport; error?: string }) => {
    if (m.type === 'report') {
      reports.push(m.report);
      if (reports.length > REPORTS_KEPT) reports.shift();
    } else {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.report) w?.resolve(m.report);
      else w?.reject(new Error(`WAL checkpointer ${m.error ?? 'failed'}`));
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!closed) fail(new Error(`WAL checkpoint worker exited (code ${code})`));
  });
  let closed = false;
  return {
    reports,
    settle() {
      if (closed || failed !== null) return Promise.reject(failed ?? new Error('WAL checkpointer closed'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: 'settle', id });
      });
    },
    pause() {
      if (closed || failed !== null || Atomics.load(state, 0) !== RUNNING) return;
      worker.postMessage({ type: 'pause' });
      Atomics.wait(state, 0, RUNNING, CLOSE_WAIT_MS);
    },
    resume() {
      if (closed || failed !== null || Atomics.load(state, 0) !== PAUSED) return;
      // Set here, not by the worker: a pause() or close() right after must wait for the worker again.
      Atomics.store(state, 0, RUNNING);
      worker.postMessage({ type: 'resume' });
    },
    close() {
      if (closed) return;
      closed = true;
      if (failed === null && Atomics.load(state, 0) === RUNNING) {
        worker.postMessage({ type: 'close' });
        // The worker does not need this thread's event loop to receive the message and answer.
        Atomics.wait(state, 0, RUNNING, CLOSE_WAIT_MS);
      }
      for (const w of waiting.values()) w.reject(new Error('WAL checkpointer closed'));
      waiting.clear();
      void worker.terminate();
    },
  };
}
