import type { Command } from 'commander';
import { formatFen } from '../../../shared/domain/money';
import { withBackend } from '../backend';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';
import { printPanel, requireReason, resolveRepArg } from './cli-refs';

export function registerReps(program: Command): void {
  const reps = program.command('reps').description('业务员 / reps');
  reps
    .command('list')
    .description('业务员及当前负载 / reps with their current load')
    .option('--all', '包括已离职 / include reps who left')
    .option('--json', 'JSON output')
    .action(async (opts: { all?: boolean; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const list = await client.call('reps.list', { includeLeft: opts.all ?? false });
        if (opts.json) return printJson(list);
        for (const r of list) {
          process.stdout.write(`${(r.employeeNo ?? '').padEnd(8)} ${r.name.padEnd(8)} ${r.status.padEnd(7)} ${String(r.accountCount).padStart(6)}/${r.capacity ?? '∞'}  应收 ${formatFen(r.openReceivableFen)}  工单 ${r.openCases}\n`);
        }
      });
    });
  reps
    .command('add')
    .description('新增业务员 / add a rep')
    .requiredOption('--name <name>', '姓名 / name')
    .option('--employee-no <no>', '工号 / employee number')
    .option('--capacity <n>', '最多负责客户数 / max accounts held', intOption('--capacity', 0))
    .option('--phone <phone>')
    .option('--json', 'JSON output')
    .action(async (opts: { name: string; employeeNo?: string; capacity?: number; phone?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('reps.create', { name: opts.name, employeeNo: opts.employeeNo ?? null, capacity: opts.capacity ?? null, phone: opts.phone ?? null });
        if (opts.json) return printJson(r);
        process.stdout.write(`已新增 / added ${r.name} (${r.id})\n`);
      });
    });
  reps
    .command('set-status <rep> <status>')
    .description('在职 active / 暂停 paused / 离职 left（仍有客户时请用 handover）')
    .option('--json', 'JSON output')
    .action(async (ref: string, status: string, opts: { json?: boolean }, cmd: Command) => {
      if (!['active', 'paused', 'left'].includes(status)) throw new CliExit(EXIT.failed, `状态应为 active、paused 或 left / status must be active, paused or left: ${status}`);
      await withBackend(globals(cmd), async ({ client }) => {
        const rep = await client.call('reps.resolve', { ref });
        const r = await client.call('reps.update', { id: rep.id, version: rep.version, patch: { status: status as 'active' | 'paused' | 'left' } });
        if (opts.json) return printJson(r);
        process.stdout.write(`${r.name}: ${r.status}\n`);
      });
    });
  reps
    .command('handover <rep>')
    .description('离职交接：按规则、给某人或进公海 / hand a leaving rep’s accounts over')
    .requiredOption('--mode <mode>', 'rules | rep | pool')
    .option('--to <rep>', '接收人（mode=rep）/ who takes over (mode rep)')
    .requiredOption('--reason <text>', '原因 / reason')
    .option('--keep-status', '不把业务员标记为离职 / do not mark the rep as left')
    .option('--dry-run', '只预览 / preview only')
    .option('--json', 'JSON output')
    .action(async (ref: string, opts: { mode: string; to?: string; reason: string; keepStatus?: boolean; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      if (!['rules', 'rep', 'pool'].includes(opts.mode)) throw new CliExit(EXIT.failed, `--mode 应为 rules、rep 或 pool / must be rules, rep or pool: ${opts.mode}`);
      const mode = opts.mode as 'rules' | 'rep' | 'pool';
      const reason = requireReason(opts.reason);
      await withBackend(globals(cmd), async ({ client }) => {
        const rep = await resolveRepArg(client, ref);
        const toRepId = opts.to ? (await resolveRepArg(client, opts.to)).id : undefined;
        const base = { repId: rep.id, mode, ...(toRepId ? { toRepId } : {}) };
        const preview = await client.call('reps.handoverPreview', { ...base, rowLimit: 20 });
        if (opts.dryRun) {
          if (opts.json) return printJson(preview);
          printPanel(preview.panel);
          return;
        }
        const r = await client.call('reps.handover', { ...base, reason, setStatus: opts.keepStatus ? null : 'left', expectFingerprint: preview.fingerprint });
        if (opts.json) return printJson(r);
        process.stdout.write(`${rep.name} 已交接 / handed over ${r.changed} 个客户（${r.toPool} 个进入公海）${r.journalId ? `；撤销 / undo: salesdesk undo ${r.journalId}` : ''}\n`);
      });
    });
}
