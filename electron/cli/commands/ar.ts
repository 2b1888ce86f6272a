import type { Command } from 'commander';
import { formatFen } from '../../../shared/domain/money';
import { withBackend } from '../backend';
import { accountByRef, repByRef, territoryByRef } from '../lookup';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';

const GROUPS = ['account', 'rep', 'territory'] as const;

export function registerAr(program: Command): void {
  const ar = program.command('ar').description('应收 / receivables');

  ar.command('aging')
    .description('账龄分析（可回溯到任何日期）/ AR aging as of any date')
    .option('--as-of <date>', '截至日期（默认今天）/ as-of date (default today)')
    .option('--by <group>', '按 account | rep | territory 汇总 / group by', 'account')
    .option('--rep <rep>', '只看该业务员 / only this rep')
    .option('--territory <t>', '只看该区域（含下级）/ only this territory and below')
    .option('--account <code>', '只看该客户 / only this account')
    .option('--limit <n>', '最多行数 / max rows', intOption('--limit', 1), 1000)
    .option('--json', 'JSON output')
    .action(async (opts: { asOf?: string; by: string; rep?: string; territory?: string; account?: string; limit: number; json?: boolean }, cmd: Command) => {
      if (!(GROUPS as readonly string[]).includes(opts.by)) throw new CliExit(EXIT.failed, `--by 应为 ${GROUPS.join(' | ')} / --by must be one of ${GROUPS.join(', ')}`);
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('ar.aging', {
          groupBy: opts.by as (typeof GROUPS)[number],
          limit: Math.min(opts.limit, 200_000),
          ...(opts.asOf ? { asOf: opts.asOf } : {}),
          ...(opts.rep ? { repId: (await repByRef(client, opts.rep)).id } : {}),
          ...(opts.territory ? { territoryId: (await territoryByRef(client, opts.territory)).id } : {}),
          ...(opts.account ? { accountId: (await accountByRef(client, opts.account)).id } : {}),
        });
        if (opts.json) return printJson(r);
        const head = ['', ...r.buckets.map((b) => b.label), '合计 total', '余额 credit'];
        const lines = [head, ...r.rows.map((x) => [`${x.code ? `${x.code} ` : ''}${x.name}`, ...x.bucketsFen.map((v) => formatFen(v)), formatFen(x.totalFen), formatFen(x.creditFen)])];
        lines.push(['合计 / total', ...r.totals.bucketsFen.map((v) => formatFen(v)), formatFen(r.totals.totalFen), formatFen(r.totals.creditFen)]);
        process.stdout.write(`账龄 截至 ${r.asOf} / aging as of ${r.asOf}\n`);
        for (const l of lines) process.stdout.write(`${l.join('\t')}\n`);
        if (r.rowCount > r.rows.length) process.stdout.write(`（只显示前 ${r.rows.length} / ${r.rowCount} 行 / first ${r.rows.length} of ${r.rowCount} rows）\n`);
      });
    });

  ar.command('dso')
    .description('回款天数与 DSO / days-to-collect and DSO')
    .option('--as-of <date>', '截至日期 / as-of date')
    .option('--months <n>', '3 | 6 | 12', '3')
    .option('--by <group>', 'account | rep', 'rep')
    .option('--json', 'JSON output')
    .action(async (opts: { asOf?: string; months: string; by: string; json?: boolean }, cmd: Command) => {
      const months = Number(opts.months);
      if (months !== 3 && months !== 6 && months !== 12) throw new CliExit(EXIT.failed, '--months 应为 3、6 或 12 / --months must be 3, 6 or 12');
      if (opts.by !== 'account' && opts.by !== 'rep') throw new CliExit(EXIT.failed, '--by 应为 account 或 rep / --by must be account or rep');
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('ar.dso', { months, groupBy: opts.by as 'account' | 'rep', ...(opts.asOf ? { asOf: opts.asOf } : {}) });
        if (opts.json) return printJson(r);
        process.stdout.write(`${r.from} → ${r.asOf}\n`);
        for (const x of r.rows) process.stdout.write(`${x.name}\t回款 ${formatFen(x.collectedFen)}\t平均回款天数 ${x.avgDaysToCollect ?? '—'}\t销售 ${formatFen(x.salesFen)}\t未收 ${formatFen(x.openFen)}\tDSO ${x.dso ?? '—'}\n`);
      });
    });
}
