import { type Command, InvalidArgumentError, Option } from 'commander';
import { isPeriodText, parsePeriodKey } from '../../../shared/domain/periods';
import { formatFen, parseYuan } from '../../../shared/domain/money';
import { MEASURES, MEASURE_INFO, type Measure } from '../../../shared/domain/target-measures';
import { withBackend } from '../backend';
import { CliExit, EXIT, printJson } from '../output';
import { globals } from '../program';

type Client = Parameters<Parameters<typeof withBackend>[1]>[0]['client'];

async function repIdOf(client: Client, ref: string): Promise<string> {
  const reps = await client.call('reps.list', { includeLeft: true });
  const hit = reps.filter((r) => r.id === ref || r.name === ref);
  if (hit.length === 1) return hit[0]!.id;
  throw new CliExit(EXIT.failed, hit.length ? `有多个业务员叫“${ref}”，请用 ID / several reps are named "${ref}"` : `没有名为“${ref}”的业务员 / no rep named "${ref}"`);
}

async function territoryIdOf(client: Client, ref: string): Promise<string> {
  const all = await client.call('territories.list', {});
  const hit = all.filter((t) => t.id === ref || t.name === ref || t.code === ref);
  if (hit.length === 1) return hit[0]!.id;
  throw new CliExit(EXIT.failed, `没有唯一的区域“${ref}” / no single territory "${ref}"`);
}

const show = (m: Measure, v: number | null) => (v === null ? '未设' : MEASURE_INFO[m].money ? formatFen(v) : String(v));
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function registerTargets(program: Command): void {
  const targets = program.command('targets').description('目标 / targets');
  targets
    .command('set')
    .description('设定目标（金额以元为单位）/ set a target (money in yuan)')
    .option('--rep <name>', '业务员 / rep')
    .option('--territory <name>', '区域 / territory')
    .requiredOption('--period <period>', '2026-10 | 2026-Q3 | 2026', (v: string) => {
      if (!parsePeriodKey(v)) throw new InvalidArgumentError('应为 2026-10、2026-Q3 或 2026 / expected 2026-10, 2026-Q3 or 2026');
      return v;
    })
    .addOption(new Option('--measure <measure>', '指标 / measure').choices([...MEASURES]).makeOptionMandatory())
    .option('--value <value>', '目标值（金额：元；其他：个数）/ value (yuan for money)')
    .addOption(new Option('--split <split>', '季度/年度目标拆到月：even 平均 | seasonal 按季节系数').choices(['even', 'seasonal']))
    .option('--clear', '删除该目标 / remove the target')
    .option('--json', 'JSON output')
    .action(async (o: { rep?: string; territory?: string; period: string; measure: Measure; value?: string; split?: 'even' | 'seasonal'; clear?: boolean; json?: boolean }, cmd: Command) => {
      if (!o.rep === !o.territory) throw new CliExit(EXIT.failed, '请指定 --rep 或 --territory 之一 / give exactly one of --rep or --territory');
      if (!o.clear && o.value === undefined) throw new CliExit(EXIT.failed, '缺少 --value（或用 --clear 删除）/ --value is required (or --clear)');
      let value: number | null = null;
      if (!o.clear) {
        const v = MEASURE_INFO[o.measure].money ? parseYuan(o.value!) : /^\d+$/.test(o.value!.trim()) ? Number(o.value) : null;
        if (v === null || v < 0) throw new CliExit(EXIT.failed, `--value “${o.value}” 不是有效的${MEASURE_INFO[o.measure].money ? '金额（元）' : '非负整数'} / not a valid value`);
        value = v;
      }
      await withBackend(globals(cmd), async ({ client }) => {
        const owner = o.rep ? { repId: await repIdOf(client, o.rep) } : { territoryId: await territoryIdOf(client, o.territory!) };
        const result = await client.call('targets.upsert', { items: [{ ...owner, period: o.period, measure: o.measure, value, ...(o.split ? { split: o.split } : {}) }] });
        if (o.json) return printJson(result);
        process.stdout.write(`新建 ${result.created}，更新 ${result.updated}，删除 ${result.deleted}，未变 ${result.unchanged}\n`);
      });
    });
  targets
    .command('list')
    .description('列出目标 / list targets')
    .option('--year <year>', '年份 / year', (v: string) => {
      if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('应为四位年份 / expected a year');
      return Number(v);
    })
    .option('--rep <name>', '业务员 / rep')
    .option('--json', 'JSON output')
    .action(async (o: { year?: number; rep?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const rows = await client.call('targets.list', { ...(o.year ? { year: o.year } : {}), ...(o.rep ? { repId: await repIdOf(client, o.rep) } : {}) });
        if (o.json) return printJson(rows);
        for (const r of rows) process.stdout.write(`${r.repName ?? r.territoryName ?? ''}\t${r.period}\t${MEASURE_INFO[r.measure].zh}\t${show(r.measure, r.value)}\t${r.split === 'seasonal' ? '按季节' : '平均'}\n`);
        process.stdout.write(`共 ${rows.length} 条目标 / ${rows.length} targets\n`);
      });
    });
  targets
    .command('attainment')
    .description('完成率 / attainment per rep')
    .requiredOption('--period <period>', 'last-month | this-quarter | 2026-10 | 2026-Q3 | 2026', (v: string) => {
      if (!isPeriodText(v)) throw new InvalidArgumentError('无效的期间 / invalid period');
      return v;
    })
    .option('--json', 'JSON output')
    .action(async (o: { period: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('targets.attainment', { period: o.period });
        if (o.json) return printJson(r);
        process.stdout.write(`${r.period.label}（截至 ${r.asOf}）\n`);
        for (const rep of r.reps) {
          process.stdout.write(`${rep.name}\t${rep.measures.map((m) => `${MEASURE_INFO[m.measure].zh} ${show(m.measure, m.actual)}/${show(m.measure, m.target)} ${pct(m.ratio)}`).join('\t')}\n`);
        }
      });
    });
  targets
    .command('leaderboard')
    .description('业绩排行 / leaderboard')
    .requiredOption('--period <period>', 'last-month | this-quarter | 2026-10 …', (v: string) => {
      if (!isPeriodText(v)) throw new InvalidArgumentError('无效的期间 / invalid period');
      return v;
    })
    .addOption(new Option('--measure <measure>').choices([...MEASURES]).default('sales'))
    .addOption(new Option('--by <by>').choices(['attainment', 'amount']).default('attainment'))
    .option('--json', 'JSON output')
    .action(async (o: { period: string; measure: Measure; by: 'attainment' | 'amount'; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const r = await client.call('targets.leaderboard', { period: o.period, measure: o.measure, by: o.by });
        if (o.json) return printJson(r);
        for (const row of r.rows) {
          const change = row.change === null ? '' : row.change > 0 ? `↑${row.change}` : row.change < 0 ? `↓${-row.change}` : '—';
          process.stdout.write(`${row.rank ?? '-'}\t${row.repName}\t${show(o.measure, row.actual)}\t${pct(row.ratio)}\t${change}\n`);
        }
      });
    });
}
