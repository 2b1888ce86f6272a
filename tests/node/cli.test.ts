import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { runCli } from '../helpers/cli';

const tmp = tempDir('salesdesk-cli-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'cli.sqlite');

// Each spawned command starts Node + tsx and loads the whole backend (seconds on a busy 2-core CI box),
// and these tests spawn several, so they get the time of a spawned-CLI test rather than the default.
describe('salesdesk CLI (spawned)', { timeout: 240_000 }, () => {
  it('prints help for every command', () => {
    for (const args of [['--help'], ['accounts', 'list', '--help'], ['db', 'info', '--help'], ['backup', '--help'], ['restore', '--help'], ['seed', '--help']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: salesdesk/);
    }
  });

  it('migrates, reports and lists an empty database', () => {
    const m = runCli(['--db', db, 'db', 'migrate', '--json']);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout).applied.length).toBeGreaterThan(0);
    const info = JSON.parse(runCli(['--db', db, 'db', 'info', '--json']).stdout) as { upToDate: boolean; counts: Record<string, number> };
    expect(info.upToDate).toBe(true);
    expect(info.counts.accounts).toBe(0);
    const list = runCli(['--db', db, 'accounts', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({ total: 0, items: [] });
  });

  it('fails clearly on bad input', () => {
    const badLimit = runCli(['--db', db, 'accounts', 'list', '--limit', 'abc']);
    expect(badLimit.code).toBe(1);
    expect(badLimit.stderr).toMatch(/--limit/);
    const unknown = runCli(['--db', db, 'frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command/);
    const missing = runCli(['--db', join(tmp.dir, 'nope.sqlite'), 'db', 'info']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/数据库不存在/);
    const restore = runCli(['--db', db, 'restore', join(tmp.dir, 'no-such-backup.sqlite')]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/找不到备份文件/);
    const user = runCli(['--db', db, '--user', 'ghost', 'accounts', 'list']);
    expect(user.code).toBe(1);
    expect(user.stderr).toMatch(/ghost/);
  });

  it('backs up and restores through the command line', () => {
    const backup = join(tmp.dir, 'backups', 'b1.sqlite');
    const b = runCli(['--db', db, 'backup', backup, '--json']);
    expect(b.code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    const r = runCli(['--db', db, 'restore', backup, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ accounts: 0 });
  });
});
