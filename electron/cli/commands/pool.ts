import type { Command } from 'commander';
import { withBackend } from '../backend';
import { printJson } from '../output';
import { globals, intOption } from '../program';
import { printPanel, requireReason, resolveAccountArgs, resolveRepArg } from './cli-refs';

export function registerPool(program: Command): void {
  const pool = program.command('pool').description('公海 / the customer pool');
  pool
    .command('reclaim')
    .description('按公海规则回收客户（幂等）/ reclaim due accounts by the pool rules (idempotent)')
    .option('--dry-run', '只预览，不修改 / preview only')
    .option('--json', 'JSON output')
    .option('--confirm <refs...>', '确认回收这些有未结应收/工单的客户 / also reclaim these accounts with open receivables or cases')
    .option('--confirm-all', '确认回收所有有未结应收/工单的到期客户 / reclaim all of them')
    .option('--rows <n>', '列出的客户数 / accounts listed', intOption('--rows', 0), 20)
    .action(async (opts: { dryRun?: boolean; json?: boolean; confirm?: string[]; confirmAll?: boolean; rows: number }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        if (opts.dryRun) {
          const p = await client.call('pool.reclaimPreview', { rowLimit: opts.json ? 500 : opts.rows });
          if (opts.json) return printJson(p);
          process.stdout.write(`预览（未修改）/ preview (${p.today}): 将回收 ${p.reclaimCount} 个，需确认 ${p.heldCount} 个（有未结应收或工单）\n`);
          printPanel(p.panel, opts.rows);
          return;
        }
        const confirmIds = opts.confirm ? await resolveAccountArgs(client, opts.confirm) : [];
        const r = await client.call('pool.reclaimApply', { confirmIds, confirmAll: opts.confirmAll ?? false });
        if (opts.json) return printJson(r);
        process.stdout.write(`已回收 / reclaimed ${r.reclaimed} 个客户；${r.held} 个有未结应收或工单，未回收（用 --confirm 确认）\n`);
        if (r.journalId) process.stdout.write(`撤销 / undo: salesdesk undo ${r.journalId}\n`);
      });
    });
  pool
    .command('claim <refs...>')
    .description('业务员从公海领取客户 / a rep claims accounts from the pool')
    .requiredOption('--rep <rep>', '业务员（姓名、工号或 id）/ rep (name, employee number or id)')
    .option('--json', 'JSON output')
    .action(async (refs: string[], opts: { rep: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const rep = await resolveRepArg(client, opts.rep);
        const r = await client.call('pool.claim', { accountIds: await resolveAccountArgs(client, refs), repId: rep.id });
        if (opts.json) return printJson(r);
        process.stdout.write(`${rep.name} 已领取 / claimed ${r.changed} 个客户\n`);
      });
    });
  pool
    .command('release <refs...>')
    .description('把客户释放到公海 / release accounts to the pool')
    .requiredOption('--reason <text>', '原因 / reason')
    .option('--json', 'JSON output')
    .action(async (refs: string[], opts: { reason: string; json?: boolean }, cmd: Command) => {
      const reason = requireReason(opts.reason);
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('pool.release', { accountIds: await resolveAccountArgs(client, refs), reason });
        if (opts.json) return printJson(r);
        process.stdout.write(`已释放 / released ${r.changed} 个客户${r.journalId ? `；撤销 / undo: salesdesk undo ${r.journalId}` : ''}\n`);
      });
    });
  pool
    .command('reminders')
    .description('即将被回收的客户 / accounts about to fall into the pool')
    .option('--rep <rep>', '只看这个业务员 / only this rep')
    .option('--json', 'JSON output')
    .action(async (opts: { rep?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const repId = opts.rep ? (await resolveRepArg(client, opts.rep)).id : undefined;
        const r = await client.call('pool.reminders', repId ? { repId } : {});
        if (opts.json) return printJson(r);
        for (const x of r.items) process.stdout.write(`${x.reclaimOn}\t还剩 ${x.daysLeft} 天\t${x.code}\t${x.name}\t${x.ownerName ?? ''}\t${x.trigger}\n`);
        process.stdout.write(`共 ${r.total} 个 / ${r.total} accounts\n`);
      });
    });
}
