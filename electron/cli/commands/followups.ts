import type { Command } from 'commander';
import { FOLLOWUP_KIND_VALUES } from '../../../shared/contract/followups';
import { withBackend } from '../backend';
import { CliExit, EXIT, printJson } from '../output';
import { globals } from '../program';
import { resolveAccountArgs, resolveRepArg } from './cli-refs';

export function registerFollowups(program: Command): void {
  const f = program.command('followups').description('跟进 / follow-ups');
  f.command('add')
    .description('记录一次跟进（更新最近跟进日期与公海时钟）/ log a follow-up')
    .requiredOption('--account <ref>', '客户编号或 id / account code or id')
    .requiredOption('--kind <kind>', FOLLOWUP_KIND_VALUES.join(' | '))
    .requiredOption('--notes <text>', '内容 / notes')
    .option('--date <yyyy-mm-dd>', '跟进日期（默认今天）/ date (default today)')
    .option('--next-step <text>', '下一步 / next step')
    .option('--next-on <yyyy-mm-dd>', '下次跟进日期 / next step date')
    .option('--rep <rep>', '跟进人（默认负责人）/ who (default the owner)')
    .option('--json', 'JSON output')
    .action(async (opts: { account: string; kind: string; notes: string; date?: string; nextStep?: string; nextOn?: string; rep?: string; json?: boolean }, cmd: Command) => {
      if (!(FOLLOWUP_KIND_VALUES as readonly string[]).includes(opts.kind)) throw new CliExit(EXIT.failed, `--kind 应为 / must be one of ${FOLLOWUP_KIND_VALUES.join(', ')}: ${opts.kind}`);
      await withBackend(globals(cmd), async ({ client }) => {
        const [accountId] = await resolveAccountArgs(client, [opts.account]);
        const repId = opts.rep ? (await resolveRepArg(client, opts.rep)).id : undefined;
        const r = await client.call('followups.add', {
          accountId: accountId!,
          kind: opts.kind as (typeof FOLLOWUP_KIND_VALUES)[number],
          notes: opts.notes,
          ...(opts.date ? { occurredOn: opts.date } : {}),
          ...(opts.nextStep ? { nextStep: opts.nextStep } : {}),
          ...(opts.nextOn ? { nextOn: opts.nextOn } : {}),
          ...(repId ? { repId } : {}),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(`已记录 / logged: ${r.accountCode} ${r.accountName} ${r.occurredOn} ${r.kind}\n`);
      });
    });
  f.command('due')
    .description('到期的下一步 / next steps due')
    .option('--rep <rep>', '业务员 / rep')
    .option('--until <yyyy-mm-dd>', '截止日期（默认今天）/ up to (default today)')
    .option('--json', 'JSON output')
    .action(async (opts: { rep?: string; until?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const repId = opts.rep ? (await resolveRepArg(client, opts.rep)).id : undefined;
        const r = await client.call('followups.due', { ...(repId ? { repId } : {}), ...(opts.until ? { until: opts.until } : {}) });
        if (opts.json) return printJson(r);
        for (const x of r.items) process.stdout.write(`${x.nextOn}\t${x.overdueDays ? `逾期 ${x.overdueDays} 天` : '待办'}\t${x.accountCode}\t${x.accountName}\t${x.repName ?? ''}\t${x.nextStep ?? ''}\n`);
        process.stdout.write(`共 ${r.total} 条 / ${r.total} due\n`);
      });
    });
}
