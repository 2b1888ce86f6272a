import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { NewerDatabaseError, migrate, readMigrations, schemaVersion } from '../../db/migrate';
import { createBackend } from '../../electron/backend/createBackend';
import { silentLogger } from '../../electron/backend/logger';
import { backupTo, inspectBackup, restoreFile } from '../../electron/backend/services/backup';
import { getJournal, undoJournal } from '../../electron/backend/services/journals';
import type { AppError } from '../../shared/rpc/errors';
import { setUpBackend, tempDir } from '../helpers/backend';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tmp() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('database open and migrations', () => {
  it('creates a fresh database at the latest version with the pragmas set', () => {
    const file = join(tmp(), 'fresh.sqlite');
    const conn = openDatabase(file);
    const r = migrate(conn.sqlite);
    expect(r.from).toBe(0);
    expect(r.to).toBe(readMigrations().length);
    expect(schemaVersion(conn.sqlite)).toBe(readMigrations().length);
    expect(conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(conn.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
    conn.close();
  });

  it('migrates a database of the previous version with data in it, backing it up first', () => {
    const dir = tmp();
    const file = join(dir, 'old.sqlite');
    const latest = readMigrations().length;
    const conn = openDatabase(file);
    migrate(conn.sqlite, { target: latest - 1 });
    conn.sqlite
      .prepare(`insert into accounts (id, code, name, created_at, updated_at) values ('01OLD', 'KH-000001', '旧客户有限公司', 1, 1)`)
      .run();
    conn.close();

    const backend = createBackend({ dbFile: file, logger: silentLogger });
    expect(backend.migration).toMatchObject({ from: latest - 1, to: latest });
    const name = backend.core.sqlite.prepare(`select name from accounts where id = '01OLD'`).get() as { name: string };
    expect(name.name).toBe('旧客户有限公司');
    backend.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups.some((f) => f.includes(`pre-migrate-v${latest - 1}-to-v${latest}`))).toBe(true);
  });

  it('moves an owner change journal item onto its transfer row, so an operation made before upgrading still undoes', () => {
    const file = join(tmp(), 'journal.sqlite');
    const conn = openDatabase(file);
    migrate(conn.sqlite, { target: readMigrations().findIndex((m) => m.tag === '0012_transfer_undo_state') });
    const before = { ownerRepId: null, ownedSince: null, previousOwnerRepId: 'R0', pooledAt: 500, updatedAt: 100, updatedBy: 'U0', version: 3 };
    const after = { ownerRepId: 'R1', ownedSince: 900, previousOwnerRepId: 'R0', pooledAt: null, updatedAt: 900, updatedBy: 'U1', version: 4 };
    conn.sqlite.exec(`
      insert into reps (id, name, created_at, updated_at) values ('R0', '旧业务员', 1, 1), ('R1', '李娜', 1, 1);
      insert into accounts (id, code, name, owner_rep_id, owned_since, previous_owner_rep_id, pooled_at, created_at, updated_at, updated_by, version)
        values ('A1', 'KH-000001', '旧客户有限公司', 'R1', 900, 'R0', null, 1, 900, 'U1', 4);
      insert into journals (id, kind, summary, item_count, created_at) values ('J1', 'handover', '旧业务员 交接 1 个客户', 2, 900);
      insert into account_transfers (id, account_id, from_rep_id, to_rep_id, kind, reason, journal_id, at, by) values ('T1', 'A1', null, 'R1', 'handover', '交接', 'J1', 900, '管理员');
      insert into journal_items (id, journal_id, entity_type, entity_id, action, before, after, after_version) values
        ('I1', 'J1', 'account', 'A1', 'update', '${JSON.stringify(before)}', '${JSON.stringify(after)}', 4),
        ('I2', 'J1', 'allocation_rule', 'RULE', 'update', '{"rrCursor":0}', '{"rrCursor":1}', null);`);
    conn.close();

    const backend = createBackend({ dbFile: file, logger: silentLogger });
    const sqlite = backend.core.sqlite;
    expect(sqlite.prepare('select id from journal_items').all()).toEqual([{ id: 'I2' }]);
    expect(sqlite.prepare('select after_version, by_user_id, before_owned_since, before_previous_owner_rep_id, before_pooled_at, before_updated_at, before_updated_by from account_transfers').get()).toEqual({
      after_version: 4,
      by_user_id: 'U1',
      before_owned_since: null,
      before_previous_owner_rep_id: 'R0',
      before_pooled_at: 500,
      before_updated_at: 100,
      before_updated_by: 'U0',
    });
    const detail = getJournal(backend.core, 'J1', 10);
    expect(detail.items.filter((i) => i.entityType === 'account').map((i) => [JSON.parse(i.before!), JSON.parse(i.after!)])).toEqual([[before, after]]);
    expect(undoJournal(backend.core, { id: null, name: 'test' }, 'J1')).toEqual({ journalId: 'J1', restored: 1 });
    const row = sqlite.prepare('select owner_rep_id, owned_since, previous_owner_rep_id, pooled_at, updated_at, updated_by, version from accounts').get();
    expect(row).toEqual({ owner_rep_id: null, owned_since: null, previous_owner_rep_id: 'R0', pooled_at: 500, updated_at: 100, updated_by: 'U0', version: 3 });
    backend.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = join(tmp(), 'newer.sqlite');
    const conn = openDatabase(file);
    migrate(conn.sqlite);
    conn.sqlite.pragma(`user_version = ${readMigrations().length + 5}`);
    conn.close();
    expect(() => createBackend({ dbFile: file, logger: silentLogger })).toThrow(NewerDatabaseError);
    const again = openDatabase(file, { readonly: true });
    expect(schemaVersion(again.sqlite)).toBe(readMigrations().length + 5);
    again.close();
  });

  it('keeps the audit log append-only', async () => {
    const t = await setUpBackend();
    cleanups.push(t.close);
    await t.client.call('accounts.create', { name: '审计测试有限公司' });
    const count = () => (t.core.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    const before = count();
    expect(before).toBeGreaterThan(0);
    expect(() => t.core.sqlite.prepare(`update audit_log set user_name = 'x'`).run()).toThrow(/append-only/);
    expect(() => t.core.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(count()).toBe(before);
  });

  it('backs up and restores, keeping the previous database aside', async () => {
    const t = await setUpBackend();
    cleanups.push(t.close);
    await t.client.call('accounts.create', { name: '备份前客户' });
    const backupFile = join(t.dir, 'b', 'one.sqlite');
    await backupTo(t.core.sqlite, backupFile);
    expect(inspectBackup(backupFile).accounts).toBe(1);
    await t.client.call('accounts.create', { name: '备份后客户' });
    const dbFile = t.core.dbFile;
    t.backend.close();
    const { previous } = restoreFile(backupFile, dbFile, Date.now());
    expect(previous && existsSync(previous)).toBe(true);
    const reopened = createBackend({ dbFile, logger: silentLogger });
    const names = reopened.core.sqlite.prepare('select name from accounts').all() as { name: string }[];
    expect(names.map((n) => n.name)).toEqual(['备份前客户']);
    reopened.close();
  });

  it('refuses to restore something that is not a SalesDesk backup', () => {
    const dir = tmp();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    const zhOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).text.zh;
      }
      return 'no error';
    };
    expect(zhOf(() => inspectBackup(junk))).toMatch(/junk\.sqlite 不是可恢复的 SalesDesk 备份/);
    expect(zhOf(() => inspectBackup(join(dir, 'missing.sqlite')))).toMatch(/找不到备份文件/);
  });
});
