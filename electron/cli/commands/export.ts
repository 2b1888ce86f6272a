import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { REPORT_KINDS, type ReportParamsInput } from '../../../shared/contract/reports';
import { isIsoDate } from '../../../shared/domain/dates';
import { isPeriodText } from '../../../shared/domain/periods';
import { MEASURES } from '../../../shared/domain/target-measures';
import { withBackend } from '../backend';
import { printJson } from '../output';
import { globals } from '../program';

interface ExportOptions {
  period?: string;
  rep?: string;
  format: 'xlsx' | 'csv';
  encoding: 'utf8' | 'gbk';
  out: string;
  measure?: string;
  by?: 'attainment' | 'amount';
  asOf?: string;
  search?: string;
  json?: boolean;
}

function periodArg(value: string): string {
  if (!isPeriodText(value)) throw new InvalidArgumentError('应为 last-month、this-quarter、2026-10、2026-Q3、2026 等 / expected last-month, this-quarter, 2026-10, 2026-Q3, 2026 …');
  return value;
}

function paramsFor(report: (typeof REPORT_KINDS)[number], o: ExportOptions): ReportParamsInput {
  const period = o.period ? { period: o.period } : {};
  const rep = o.rep ? { rep: o.rep } : {};
  switch (report) {
    case 'accounts':
      return { report, ...rep, ...(o.search ? { query: { sort: [], filters: {}, search: o.search } } : {}) };
    case 'rep-performance':
      return { report, ...period, ...rep };
    case 'leaderboard':
      return { report, ...period, ...(o.measure ? { measure: o.measure as (typeof MEASURES)[number] } : {}), ...(o.by ? { by: o.by } : {}) };
    case 'ar-aging':
      return { report, ...rep, ...(o.asOf ? { asOf: o.asOf } : {}) };
    case 'credit-risk':
      return { report, ...rep };
    case 'case-sla':
    case 'transfers':
      return { report, ...period, ...rep };
    case 'pool':
    case 'imports':
      return { report, ...period };
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('导出报表 / export a report workbook')
    .addArgument(program.createArgument('<report>', '报表 / report').choices(REPORT_KINDS))
    .option('--period <period>', '期间：last-month | this-quarter | 2026-10 | 2026-Q3 | 2026 …', periodArg)
    .option('--rep <name>', '业务员姓名或 ID / rep name or id')
    .addOption(new Option('--format <format>', '文件格式 / file format').choices(['xlsx', 'csv']).default('xlsx'))
    .addOption(new Option('--encoding <encoding>', 'CSV 编码：utf8（带 BOM）或 gbk / CSV encoding').choices(['utf8', 'gbk']).default('utf8'))
    .requiredOption('--out <dir>', '输出文件夹 / output folder')
    .addOption(new Option('--measure <measure>', '排行指标 / leaderboard measure').choices([...MEASURES]))
    .addOption(new Option('--by <by>', '排名依据 / rank by').choices(['attainment', 'amount']))
    .option('--as-of <date>', '账龄基准日 / aging as of (YYYY-MM-DD)', (v: string) => {
      if (!isIsoDate(v)) throw new InvalidArgumentError('应为 YYYY-MM-DD / expected YYYY-MM-DD');
      return v;
    })
    .option('--search <q>', '客户快速搜索（accounts）/ quick search for accounts')
    .option('--json', '以 JSON 输出 {file, report, period, rows, format} / JSON output')
    .action(async (report: (typeof REPORT_KINDS)[number], opts: ExportOptions, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const result = await client.call('reports.export', { params: paramsFor(report, opts), format: opts.format, encoding: opts.encoding, folder: resolve(opts.out) });
        if (opts.json) return printJson({ file: result.file, report: result.report, period: result.period, rows: result.rows, format: result.format });
        process.stdout.write(`${result.file}\n`);
      });
    });
}
