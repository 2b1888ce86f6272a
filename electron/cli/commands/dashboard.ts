import type { Command } from 'commander';
import { formatFen } from '../../../shared/domain/money';
import { WORK_QUEUES } from '../../../shared/domain/work-queues';
import { withBackend } from '../backend';
import { printJson } from '../output';
import { globals } from '../program';

/** salesdesk dashboard: today's work counts (the 工作台 cards) and the month's figures, for scripts and quick checks. */
export function registerDashboard(program: Command): void {
  program
    .command('dashboard')
    .description('工作台：今日待办数量与本月概况 / today’s work counts and this month’s figures')
    .option('--json', '输出完整的 dashboard.summary JSON / print the whole dashboard.summary as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const s = await client.call('dashboard.summary', {});
        if (opts.json) return printJson(s);
        process.stdout.write(`工作台 ${s.today} / dashboard\n`);
        for (const q of WORK_QUEUES) process.stdout.write(`${String(s.counts[q.key]).padStart(8)}  ${q.label.zh} / ${q.label.en}\n`);
        process.stdout.write(`逾期金额 / overdue: ${formatFen(s.overdueFen)}\n`);
        const m = s.months.at(-1);
        if (m) process.stdout.write(`${m.month} 销售 / sales ${formatFen(m.salesFen)}（目标 / target ${m.salesTargetFen === null ? '—' : formatFen(m.salesTargetFen)}），回款 / collected ${formatFen(m.collectionsFen)}\n`);
      });
    });
}
