import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Sqlite } from '../../../db/client';
import { readMigrations, schemaVersion } from '../../../db/migrate';

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * An online, consistent copy of the live database (SQLite's backup API), written to a temporary name
 * and renamed at the end so a failure never leaves a half-written backup that looks whole.
 */
export async function backupTo(sqlite: Sqlite, file: string): Promise<{ file: string; bytes: number }> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    await sqlite.backup(tmp);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new AppError('FILE_ERROR', msg(`无法写入备份文件 ${file}：${String(error)}`, `Cannot write the backup ${file}: ${String(error)}`));
  }
  return { file, bytes: statSync(file).size };
}

export function timestampedBackupFile(dataDir: string, label: string, at: number): string {
  return join(backupsDir(dataDir), `salesdesk-${label}-${stamp(at)}.sqlite`);
}

/** Keeps the newest automatic backups within keepDays (by file time); manual backups elsewhere are untouched. */
export function pruneBackups(dataDir: string, keepDays: number, now: number): number {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!/^salesdesk-daily-.*\.sqlite$/.test(name)) continue;
    const full = join(dir, name);
    if (now - statSync(full).mtimeMs > keepDays * 86_400_000) {
      rmSync(full, { force: true });
      removed++;
    }
  }
  return removed;
}

/** What `restore` checks before it replaces anything: the file is a SalesDesk database we can open. */
export function inspectBackup(file: string): { schemaVersion: number; accounts: number } {
  if (!existsSync(file)) throw new AppError('FILE_ERROR', msg(`找不到备份文件：${file}`, `Backup file not found: ${file}`));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check: ${String(integrity)}`);
    const version = schemaVersion(db);
    const hasAccounts = db.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = 'accounts'`).get() as { n: number };
    if (version === 0 || hasAccounts.n === 0) throw new Error('not a SalesDesk database');
    if (version > readMigrations().length) throw new Error(`written by a newer SalesDesk (schema ${version})`);
    const accounts = (db.prepare('select count(*) as n from accounts').get() as { n: number }).n;
    return { schemaVersion: version, accounts };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_ERROR', msg(`${basename(file)} 不是可恢复的 SalesDesk 备份：${(error as Error).message}`, `${basename(file)} is not a SalesDesk backup that can be restored: ${(error as Error).message}`));
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database file with a backup. The database must be closed. The current file is kept
 * beside it as *.before-restore so that a restore can itself be undone by hand.
 */
export function restoreFile(backupFile: string, dbFile: string, at: number): { previous: string | null } {
  inspectBackup(backupFile);
  let previous: string | null = null;
  if (existsSync(dbFile)) {
    previous = `${dbFile}.before-restore-${stamp(at)}`;
    copyFileSync(dbFile, previous);
  }
  const tmp = `${dbFile}.restoring`;
  copyFileSync(backupFile, tmp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  renameSync(tmp, dbFile);
  return { previous };
}
