import type { Command } from 'commander';
import { formatFen } from '../../../shared/domain/money';
import { withBackend } from '../backend';
import { printJson } from '../output';
import { globals, intOption } from '../program';
import { printPanel, requireReason, resolveAccountArgs, resolveRepArg } from './cli-refs';

export function registerAccounts(program: Command): void {
  const accounts = program.command('accounts').description('客户 / accounts');
  accounts
    .command('list')
    .description('列出客户 / list accounts')
    .option('--search <q>', '按名称、编号、信用代码、电话或拼音首字母搜索 / quick search')
    .option('--limit <n>', '最多返回条数 / page size', intOption('--limit', 1), 50)
    .option('--offset <n>', '跳过条数 / rows to skip', intOption('--offset', 0), 0)
    .option('--sort <col>', '排序列，前缀 - 表示降序 / sort column, prefix - for descending', 'name')
    .option('--json', '以 JSON 输出 / JSON output')
    .action(async (opts: { search?: string; limit: number; offset: number; sort: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const desc = opts.sort.startsWith('-');
        const page = await client.call('accounts.list', {
          offset: opts.offset,
          limit: Math.min(opts.limit, 5000),
          sort: [{ colId: desc ? opts.sort.slice(1) : opts.sort, sort: desc ? 'desc' : 'asc' }],
          ...(opts.search ? { search: opts.search } : {}),
        });
        if (opts.json) return printJson(page);
        for (const a of page.items) {
          process.stdout.write(`${a.code}\t${a.name}\t${a.tier}\t${a.ownerName ?? '公海'}\t${formatFen(a.openReceivableFen)}\n`);
        }
        process.stdout.write(`共 ${page.total} 个客户 / ${page.total} accounts (${opts.offset + 1}–${opts.offset + page.items.length})\n`);
      });
    });
  accounts
    .command('transfer <refs...>')
    .description('把客户转移给业务员（写入转移记录、审计，可撤销）/ transfer accounts to a rep (undoable)')
    .requiredOption('--to <rep>', '业务员：姓名、工号或 id / rep: name, employee number or id')
    .requiredOption('--reason <text>', '原因 / reason')
    .option('--dry-run', '只显示决策面板，不修改 / show the decision panel only')
    .option('--json', 'JSON output')
    .action(async (refs: string[], opts: { to: string; reason: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const reason = requireReason(opts.reason);
      await withBackend(globals(cmd), async ({ client }) => {
        const rep = await resolveRepArg(client, opts.to);
        const accountIds = await resolveAccountArgs(client, refs);
        const preview = await client.call('transfers.preview', { accountIds, toRepId: rep.id, rowLimit: opts.json ? 500 : 20 });
        if (opts.dryRun) {
          if (opts.json) return printJson(preview);
          printPanel(preview.panel);
          return;
        }
        const r = await client.call('transfers.apply', { accountIds, toRepId: rep.id, reason });
        if (opts.json) return printJson({ ...r, to: { id: rep.id, name: rep.name }, warnings: { withOverdue: preview.panel.totals.withOverdue, withOpenCases: preview.panel.totals.withOpenCases } });
        const t = preview.panel.totals;
        process.stdout.write(`已转移 / transferred ${r.changed} 个客户给 ${rep.name}${r.unchanged ? `（${r.unchanged} 个原本就属于 ${rep.name}）` : ''}
`);
        if (t.withOverdue || t.withOpenCases) process.stdout.write(`⚠ 其中 ${t.withOverdue} 个有逾期应收，${t.withOpenCases} 个有未结工单
`);
        if (r.journalId) process.stdout.write(`撤销 / undo: salesdesk undo ${r.journalId}
`);
      });
    });
}
