import { type Command, Option } from 'commander';
import { IMPORT_KINDS } from '../../../shared/domain/import/kinds';
import type { ImportRunResult } from '../../../shared/contract/imports';
import { RpcCallError } from '../../../shared/rpc/errors';
import { withBackend } from '../backend';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';

interface ImportOptions {
  kind: (typeof IMPORT_KINDS)[number];
  sheet?: string;
  headerRow?: number;
  encoding: 'auto' | 'utf8' | 'gb18030' | 'utf16le' | 'utf16be' | 'windows-1252';
  mapping: string;
  onDuplicate: 'skip' | 'update' | 'create';
  dryRun?: boolean;
  skipInvalid?: boolean;
  unmapped: 'notes' | 'ignore';
  assignOwners?: boolean;
  allocate?: boolean;
  sender?: string;
  json?: boolean;
}

function printSummary(r: ImportRunResult): void {
  const out = process.stdout;
  out.write(`${r.file} · ${r.sheet ?? ''} · 表头第 ${r.headerRow ?? '-'} 行 · ${r.encoding ?? r.kind}\n`);
  out.write(`数据行 ${r.rows}，有效 ${r.valid}，错误 ${r.errorCount} 处，警告 ${r.warningCount} 处\n`);
  for (const e of r.errors.slice(0, 30)) out.write(`  第 ${e.row} 行${e.column ? ` ${e.column} 列（${e.header ?? ''}）` : ''} [${e.code}] ${e.message}\n`);
  if (r.errorCount > 30) out.write(`  …… 共 ${r.errorCount} 处错误（--json 查看）\n`);
  if (r.dryRun) out.write(`试运行：将新建 ${r.plan.create}，更新 ${r.plan.update}，不变 ${r.plan.unchanged}，跳过 ${r.plan.skip}，错误 ${r.plan.error}（未写入）\n`);
  else if (r.batchId) out.write(`已导入：新建 ${r.created}，更新 ${r.updated}，跳过 ${r.skipped}。批次 ${r.batchId}（可用 imports undo ${r.batchId} 撤销）\n`);
  else out.write('有错误的行未处理，未写入任何数据（可加 --skip-invalid 跳过这些行）\n');
  if (r.allocation) {
    const a = r.allocation;
    out.write(`按分配规则：新客户 ${a.accounts} 个，分配 ${a.assigned} 个，留在公海 ${a.toPool} 个\n`);
    for (const rep of a.byRep.filter((x) => x.count > 0)) out.write(`  ${rep.name} +${rep.count}（客户数 ${rep.accountsBefore} → ${rep.accountsAfter}）\n`);
    for (const row of a.rows.slice(0, 30)) out.write(`  第 ${row.row} 行 ${row.name} → ${row.rep ?? '公海'}（${row.rule}）\n`);
    if (a.rows.length > 30) out.write(`  …… 共 ${a.rows.length} 行（--json 查看）\n`);
  }
  if (r.errorReport) out.write(`错误报告：${r.errorReport}\n`);
}

export function registerImports(program: Command): void {
  program
    .command('import <file>')
    .description('导入表格（xlsx/xls/csv）/ import a spreadsheet')
    .addOption(new Option('--kind <kind>', '导入类型 / what the rows are').choices([...IMPORT_KINDS]).makeOptionMandatory())
    .option('--sheet <name>', '工作表名称（默认第一个可见工作表）/ sheet name')
    .option('--header-row <n>', '表头所在行（默认自动识别，0 表示无表头）/ header row number', intOption('--header-row', 0))
    .addOption(new Option('--encoding <enc>', '文本文件编码 / text encoding').choices(['auto', 'utf8', 'gb18030', 'utf16le', 'utf16be', 'windows-1252']).default('auto'))
    .option('--mapping <auto|template>', '列映射：auto 或已保存模板的名称 / auto or a saved template name', 'auto')
    .addOption(new Option('--on-duplicate <policy>', '重复时：跳过 / 只更新映射的字段 / 新建 / duplicate policy').choices(['skip', 'update', 'create']).default('skip'))
    .option('--dry-run', '只校验并报告将新建/更新/跳过什么，不写入 / validate and report only')
    .option('--skip-invalid', '跳过有错误的行，导入其余的行（默认：有错误就整体不导入）/ import the valid rows, skip the rest')
    .addOption(new Option('--unmapped <what>', '未映射的列：写入备注或忽略 / unmapped columns').choices(['notes', 'ignore']).default('ignore'))
    .option('--assign-owners', '新客户按分配规则分配业务员 / assign owners to new accounts by the allocation rules')
    .option('--allocate', '同 --assign-owners / same as --assign-owners')
    .option('--sender <name>', '发送人（用于记住列映射模板）/ who sent the file (remembers the mapping)')
    .option('--json', '以 JSON 输出 / JSON output')
    .action(async (file: string, opts: ImportOptions, cmd: Command) => {
      const result = await withBackend(globals(cmd), async ({ client, backend }) => {
        const showProgress = !opts.json && process.stderr.isTTY;
        const unsubscribe = backend.events.subscribe((name, payload) => {
          if (!showProgress || name !== 'task.progress') return;
          const p = payload as { label: string; done: number; total: number | null };
          process.stderr.write(`\r${p.label} ${p.done}${p.total ? `/${p.total}` : ''}   `);
        });
        try {
          return await client.call('imports.run', {
            path: file,
            kind: opts.kind,
            ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
            ...(opts.headerRow !== undefined ? { headerRow: opts.headerRow } : {}),
            encoding: opts.encoding,
            mapping: opts.mapping,
            onDuplicate: opts.onDuplicate,
            dryRun: Boolean(opts.dryRun),
            skipInvalid: Boolean(opts.skipInvalid),
            unmapped: opts.unmapped,
            assignOwners: Boolean(opts.assignOwners || opts.allocate),
            ...(opts.sender ? { sender: opts.sender } : {}),
          });
        } catch (error) {
          // The file cannot be read (or the mapping lacks required fields): exit 1 with the message.
          if (error instanceof RpcCallError && opts.json) {
            printJson({ file, kind: opts.kind, error: { code: error.code, message: error.message, details: error.details ?? null } });
            throw new CliExit(EXIT.failed, '');
          }
          throw error;
        } finally {
          unsubscribe();
          if (showProgress) process.stderr.write('\n');
        }
      });
      if (opts.json) printJson(result);
      else printSummary(result);
      if (result.errorCount > 0 && !opts.skipInvalid) throw new CliExit(EXIT.rowErrors, '');
    });

  const imports = program.command('imports').description('导入批次 / import batches');
  imports
    .command('list')
    .description('列出导入批次 / list import batches')
    .option('--limit <n>', '最多条数 / how many', intOption('--limit', 1), 50)
    .option('--json', '以 JSON 输出 / JSON output')
    .action(async (opts: { limit: number; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const list = await client.call('imports.list', { limit: Math.min(opts.limit, 500) });
        if (opts.json) return printJson(list);
        for (const b of list) {
          const when = new Date(b.createdAt).toISOString().slice(0, 16).replace('T', ' ');
          process.stdout.write(`${b.id}\t${when}\t${b.kind}\t${b.fileName}\t新建 ${b.created} 更新 ${b.updated} 跳过 ${b.skipped}${b.undoneAt ? '\t已撤销' : ''}\n`);
        }
        if (list.length === 0) process.stdout.write('还没有导入批次 / no imports yet\n');
      });
    });
  imports
    .command('undo <batch>')
    .description('撤销一个导入批次 / undo an import batch')
    .option('--json', '以 JSON 输出 / JSON output')
    .action(async (batch: string, opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('imports.undo', { batchId: batch });
        if (opts.json) return printJson(r);
        process.stdout.write(`已撤销批次 ${r.batchId}：删除 ${r.deleted} 条，恢复 ${r.restored} 条 / undone: ${r.deleted} deleted, ${r.restored} restored\n`);
      });
    });
}
