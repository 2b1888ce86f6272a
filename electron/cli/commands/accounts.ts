import type { Command } from 'commander';
import { formatFen } from '../../../shared/domain/money';
import { withBackend } from '../backend';
import { printJson } from '../output';
import { globals, intOption } from '../program';

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
}
