import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { restoreFile, inspectBackup } from '../../backend/services/backup';
import { withBackend, resolveDbFile } from '../backend';
import { printJson } from '../output';
import { globals } from '../program';

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description('把数据库备份到文件（在线、一致）/ back the database up to a file')
    .option('--json', 'JSON output')
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const result = await client.call('backup.create', { file: resolve(file) });
        if (opts.json) return printJson(result);
        process.stdout.write(`已备份 / backed up: ${result.file} (${(result.bytes / 1048576).toFixed(1)} MB)\n`);
      });
    });
  program
    .command('restore <file>')
    .description('用备份替换数据库（原文件另存为 *.before-restore-*）/ replace the database with a backup')
    .option('--json', 'JSON output')
    .action((file: string, opts: { json?: boolean }, cmd: Command) => {
      const dbFile = resolveDbFile(globals(cmd));
      const info = inspectBackup(resolve(file));
      const { previous } = restoreFile(resolve(file), dbFile, Date.now());
      // Open once so that an older backup is migrated (and backed up first) right away.
      const migration = withBackend(globals(cmd), ({ backend }) => backend.migration);
      return migration.then((m) => {
        const result = { restored: resolve(file), dbFile, previous, accounts: info.accounts, migration: m, existed: existsSync(dbFile) };
        if (opts.json) return printJson(result);
        process.stdout.write(`已恢复 / restored ${info.accounts} accounts from ${resolve(file)}\n${previous ? `原数据库保存在 / previous database kept at ${previous}\n` : ''}`);
      });
    });
}
