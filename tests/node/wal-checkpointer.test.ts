import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, WAL_SAFETY_PAGES, type Connection } from '../../db/client';
import { startWalCheckpointer } from '../../db/wal-checkpointer';
import { tempDir } from '../helpers/backend';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function open(opts: { walSafetyPages?: number } = {}): Connection {
  const t = tempDir();
  const conn = openDatabase(join(t.dir, 'wal.sqlite'), { synchronous: 'NORMAL', ...opts });
  cleanups.push(t.cleanup);
  cleanups.push(() => conn.close());
  conn.sqlite.exec('create table t (id integer primary key, body blob)');
  return conn;
}

/** About `pages` 4 KB pages of rows in one transaction. */
function bigWrite(conn: Connection, pages: number): void {
  const ins = conn.sqlite.prepare('insert into t (body) values (randomblob(3000))');
  conn.sqlite.transaction(() => {
    for (let i = 0; i < pages; i++) ins.run();
  })();
}

async function until<T>(what: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('WAL checkpoints on a worker thread', () => {
  it('turns auto-checkpointing off on the writable file connection only', () => {
    const conn = open();
    expect(conn.checkpointer).not.toBeNull();
    expect(conn.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_SAFETY_PAGES);
    const memory = openDatabase(':memory:');
    expect(memory.checkpointer).toBeNull();
    expect(memory.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    memory.close();
    conn.close();
    const readonly = openDatabase(conn.file, { readonly: true });
    expect(readonly.checkpointer).toBeNull();
    readonly.close();
  });

  it('leaves a big write to the worker, which checkpoints it soon after the commit', async () => {
    const conn = open();
    bigWrite(conn, 3000);
    // The commit did not checkpoint (auto-checkpointing would have, at 1,000 pages): the pages are in
    // the WAL only, and the database file has not grown yet.
    expect(statSync(`${conn.file}-wal`).size).toBeGreaterThan(3000 * 4096);
    expect(statSync(conn.file).size).toBeLessThan(100 * 4096);
    // Without being asked: the worker notices the commit and copies every frame of it.
    const report = await until(() => conn.checkpointer!.reports.find((r) => r.log >= 3000 && r.checkpointed === r.log));
    expect(report.final).toBe(false);
    expect(report.ms).toBeGreaterThanOrEqual(0);
    expect(statSync(conn.file).size).toBeGreaterThan(3000 * 4096);
    // The next write starts the WAL again from its beginning (a checkpointed WAL is reset, not appended to).
    conn.sqlite.prepare('insert into t (body) values (zeroblob(1))').run();
    const after = await conn.checkpointer!.settle();
    expect(after.log).toBeLessThan(10);
    expect(after.checkpointed).toBe(after.log);
  });

  it('copies what a reader held back once the reader is done', async () => {
    const conn = open();
    bigWrite(conn, 200);
    await conn.checkpointer!.settle();
    // Another connection reads in an open transaction, pinning its snapshot; then more is written.
    const reader = new Database(conn.file, { readonly: true });
    cleanups.push(() => reader.close());
    reader.exec('begin');
    reader.prepare('select count(*) from t').get();
    bigWrite(conn, 500);
    const held = await conn.checkpointer!.settle();
    expect(held.checkpointed).toBeLessThan(held.log);
    reader.exec('commit');
    // No new commit: the worker retries because its last checkpoint was partial.
    await until(() => conn.checkpointer!.reports.find((r) => r.startedAt > held.startedAt && r.checkpointed === r.log && r.log >= 500));
  });

  it('closing checkpoints everything: no WAL is left and the data is in the database file', () => {
    const conn = open();
    bigWrite(conn, 1500);
    // Closed at once, before the worker's next look at the database.
    conn.close();
    expect(existsSync(`${conn.file}-wal`) ? statSync(`${conn.file}-wal`).size : 0).toBe(0);
    const again = new Database(conn.file, { readonly: true });
    expect((again.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(1500);
    again.close();
  });

  it('bounds the WAL under back-to-back commits the worker cannot keep up with: a commit past the safety limit checkpoints itself', () => {
    const conn = open({ walSafetyPages: 300 });
    // One synchronous burst: no pause in which the WAL could be found fully checkpointed and restarted.
    for (let i = 0; i < 40; i++) bigWrite(conn, 50);
    expect(statSync(`${conn.file}-wal`).size).toBeLessThan((300 + 2 * 60) * 4096);
  });

  it('keeps the WAL bounded over many commits', async () => {
    const conn = open();
    for (let i = 0; i < 20; i++) {
      bigWrite(conn, 300);
      await conn.checkpointer!.settle();
    }
    // Each commit found the WAL checkpointed and restarted it: it never held much more than one commit.
    expect(statSync(`${conn.file}-wal`).size).toBeLessThan(2 * 320 * 4096);
  });

  it('reports a worker that cannot open the database (the connection then checkpoints in its commits again) and closes at once', async () => {
    const conn = open();
    let failed: unknown = null;
    const ck = startWalCheckpointer(conn.file, { nativeBinding: join(conn.file, '..', 'missing.node'), onFailure: (e) => (failed = e) });
    await until(() => failed ?? undefined);
    await expect(ck.settle()).rejects.toBeDefined();
    const t0 = Date.now();
    ck.close();
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('pauses (its connection closed, so this one may leave WAL mode) and resumes', async () => {
    const conn = open();
    bigWrite(conn, 100);
    conn.checkpointer!.pause();
    // Its final checkpoint copied everything (the report arrives as a message, so after this turn).
    expect(conn.sqlite.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
    bigWrite(conn, 10);
    expect(conn.sqlite.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
    const final = await until(() => conn.checkpointer!.reports.find((r) => r.final));
    expect(final.log).toBeGreaterThanOrEqual(100);
    expect(final.checkpointed).toBe(final.log);
    conn.checkpointer!.resume();
    bigWrite(conn, 1500);
    await until(() => conn.checkpointer!.reports.find((r) => !r.final && r.log >= 1500 && r.checkpointed === r.log));
    // Paused again and closed while paused: the connection closes last and leaves no WAL.
    conn.checkpointer!.pause();
    conn.close();
    expect(existsSync(`${conn.file}-wal`)).toBe(false);
  });
});
