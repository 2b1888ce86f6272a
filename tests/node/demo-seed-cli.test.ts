import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';

const root = resolve(import.meta.dirname, '../..');
const tmp = tempDir('salesdesk-seed-cli-');
afterAll(() => tmp.cleanup());

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/salesdesk.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each spawn starts tsx and compiles the CLI: allow for a busy machine.
describe('salesdesk seed --demo', { timeout: 120_000 }, () => {
  const db = join(tmp.dir, 'demo.sqlite');

  it('seeds an empty database and prints the summary as JSON', () => {
    const r = cli('--db', db, 'seed', '--demo', '--accounts', '300', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { accounts: number; orderLines: number; reps: number; seed: number; users: string[] };
    expect(summary).toMatchObject({ accounts: 300, orderLines: 3000, seed: 20261123 });
    expect(summary.users).toEqual(['admin', 'manager', 'coordinator']);
    const list = cli('--db', db, 'accounts', 'list', '--json', '--limit', '5');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 300 });
  });

  it('refuses a database that already holds accounts, with exit code 1', () => {
    const r = cli('--db', db, 'seed', '--demo', '--accounts', '300', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/已有 300 个客户/);
  });

  it('takes --reps, --order-lines and --seed', () => {
    const other = join(tmp.dir, 'sized.sqlite');
    const r = cli('--db', other, 'seed', '--demo', '--accounts', '120', '--reps', '12', '--order-lines', '777', '--seed', '5', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ accounts: 120, reps: 12, orderLines: 777, seed: 5 });
  });

  it('explains bad sizes', () => {
    const r = cli('--db', join(tmp.dir, 'bad.sqlite'), 'seed', '--demo', '--accounts', '0');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--accounts/);
  });
});
