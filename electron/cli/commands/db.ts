import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../../../db/client';
import { migrate, readMigrations, schemaVersion } from '../../../db/migrate';
import { withBackend, resolveDbFile } from '../backend';
import { CliExit, EXIT, printJson } from '../output';
import { globals } from '../program';

const COUNTED_TABLES = ['users', 'territories', 'reps', 'accounts', 'contacts', 'followups', 'products', 'orders', 'order_lines', 'payments', 'instalments', 'cases', 'audit_log'];

export function registerDb(program: Command): void {
  const db = program.command('db').description('数据库 / database');
  db.command('migrate')
    .description('升级数据库结构（升级前自动备份）/ apply pending migrations (backs up first)')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), ({ backend }) => {
        const m = backend.migration;
        if (opts.json) return printJson(m);
        process.stdout.write(m.applied.length ? `已升级 v${m.from} → v${m.to}: ${m.applied.join(', ')}\n` : `数据库已是最新（v${m.to}）/ up to date\n`);
      });
    });
  db.command('info')
    .description('数据库位置、版本和数据量 / where the database is, its version and row counts')
    .option('--json', 'JSON output')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const file = resolveDbFile(globals(cmd));
      if (!existsSync(file)) throw new CliExit(EXIT.failed, `数据库不存在：${file}（运行 seed 或启动应用创建）/ database not found`);
      const conn = openDatabase(file, { readonly: true });
      try {
        const version = schemaVersion(conn.sqlite);
        const latest = readMigrations().length;
        const counts: Record<string, number> = {};
        for (const t of COUNTED_TABLES) {
          const exists = conn.sqlite.prepare(`select 1 from sqlite_master where type='table' and name=?`).get(t);
          counts[t] = exists ? (conn.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n : 0;
        }
        const info = { file, bytes: statSync(file).size, schemaVersion: version, appSchemaVersion: latest, upToDate: version === latest, counts };
        if (opts.json) return printJson(info);
        process.stdout.write(`文件 / file: ${file}\n大小 / size: ${(info.bytes / 1048576).toFixed(1)} MB\n结构版本 / schema: v${version}（应用 / app v${latest}）\n`);
        for (const [t, n] of Object.entries(counts)) process.stdout.write(`  ${t.padEnd(14)} ${n}\n`);
      } finally {
        conn.close();
      }
    });
  // Exposed for tests of old databases: migrate to an exact version.
  db.command('migrate-to <version>', { hidden: true }).action((version: string, _opts: unknown, cmd: Command) => {
    const conn = openDatabase(resolveDbFile(globals(cmd)));
    try {
      printJson(migrate(conn.sqlite, { target: Number(version) }));
    } finally {
      conn.close();
    }
  });
}
