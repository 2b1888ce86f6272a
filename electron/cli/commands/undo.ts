import type { Command } from 'commander';
import { withBackend } from '../backend';
import { printJson } from '../output';
import { globals, intOption } from '../program';

export function registerUndo(program: Command): void {
  program
    .command('undo <journal-id>')
    .description('撤销一次批量操作（转移、自动分配、回收…）/ undo a bulk operation as a whole')
    .option('--json', 'JSON output')
    .action(async (journalId: string, opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('journals.undo', { id: journalId.trim() });
        if (opts.json) return printJson(r);
        process.stdout.write(`已撤销 / undone: ${r.journalId}，恢复 ${r.restored} 个客户\n`);
      });
    });
  program
    .command('journals')
    .description('可撤销的操作记录 / undoable operations, newest first')
    .option('--limit <n>', 'rows', intOption('--limit', 1), 20)
    .option('--json', 'JSON output')
    .action(async (opts: { limit: number; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const page = await client.call('journals.list', { limit: Math.min(opts.limit, 500) });
        if (opts.json) return printJson(page);
        for (const j of page.items) {
          const state = j.undoneAt ? '已撤销' : j.conflicts ? `有 ${j.conflicts} 处后续修改，不能撤销` : '可撤销';
          process.stdout.write(`${j.id}\t${new Date(j.createdAt).toISOString().slice(0, 16)}\t${j.kind}\t${j.summary}\t${state}\n`);
        }
      });
    });
}
