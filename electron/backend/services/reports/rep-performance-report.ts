/**
 * 业绩完成情况: every rep's actual vs target for the period (summary first), the territory roll-up,
 * and for a quarter or year one sheet per rep with the months down the side.
 */
import { MEASURES } from '../../../../shared/domain/target-measures';
import { monthsOf, parsePeriodKey, periodToDateEnd } from '../../../../shared/domain/periods';
import type { ColumnSpec, RowValues, SheetSpec } from '../export/sheet-spec';
import { computeActuals } from '../targets/actuals';
import { computeAttainment, loadPerformance, measureAttainment } from '../targets/attainment';
import { findRep } from '../targets/rep-directory';
import { repKey } from '../targets/target-store';
import { measureCells, measureColumns } from './performance-columns';
import { reportPeriod } from './report-period';
import type { ReportDefinition } from './report-types';

export const repPerformanceReport: ReportDefinition<'rep-performance'> = {
  report: 'rep-performance',
  title: { zh: '业绩完成情况', en: 'Rep performance vs target' },
  description: { zh: '每位业务员各项指标的目标、实际与完成率；季度和年度按月分表', en: 'Target, actual and attainment per rep and measure; months per rep for quarters and years' },
  hasPeriod: true,
  hasRep: true,
  build(core, params) {
    const rp = reportPeriod(core, params.period);
    const filters: [string, string][] = [];
    const repId = params.rep ? findRep(core, params.rep).id : undefined;
    if (params.rep) filters.push(['业务员', findRep(core, params.rep).name]);
    if (params.territoryId) {
      const t = core.sqlite.prepare('select name from territories where id = ?').get(params.territoryId) as { name: string } | undefined;
      filters.push(['区域', t?.name ?? params.territoryId]);
    }
    const result = computeAttainment(core, rp.period, { repId, territoryId: params.territoryId });
    const sales = (row: (typeof result.reps)[number]) => row.measures.find((m) => m.measure === 'sales')!;
    const summaryColumns: ColumnSpec[] = [
      { key: 'rep', header: '业务员', kind: 'text' },
      { key: 'territory', header: '区域', kind: 'text', total: { label: '' } },
      ...measureColumns('sales', { totals: true }),
      { key: 'ptd_target', header: '销售进度目标（元）', kind: 'money', total: 'sum' },
      { key: 'ptd_ratio', header: '销售进度完成率', kind: 'percent', colour: 'attainment', total: { ratio: ['sales_actual', 'ptd_target'] } },
      { key: 'forecast', header: '销售预测（元）', kind: 'money', total: 'sum' },
      ...measureColumns('collections', { totals: true }),
    ];
    const pick = (row: (typeof result.reps)[number], measure: string) => row.measures.find((m) => m.measure === measure)!;
    const summaryRows: RowValues[] = result.reps.map((r) => {
      const s = sales(r);
      return [
        r.name,
        r.territoryName,
        ...measureCells(s),
        s.ptdTarget,
        { formula: 'IF(N({ptd_target})>0,{sales_actual}/{ptd_target},"")', result: s.ptdRatio ?? '', kind: 'percent' },
        s.forecast,
        ...measureCells(pick(r, 'collections')),
      ];
    });
    const ACTIVITY = ['new_accounts', 'followups', 'orders'] as const;
    const activityColumns: ColumnSpec[] = [
      { key: 'rep', header: '业务员', kind: 'text' },
      { key: 'territory', header: '区域', kind: 'text', total: { label: '' } },
      ...ACTIVITY.flatMap((m) => measureColumns(m, { totals: true })),
    ];
    const activityRows: RowValues[] = result.reps.map((r) => [r.name, r.territoryName, ...ACTIVITY.flatMap((m) => measureCells(pick(r, m)))]);
    const territoryColumns: ColumnSpec[] = [
      { key: 'territory', header: '区域', kind: 'text' },
      { key: 'from', header: '目标来源', kind: 'text' },
      ...MEASURES.flatMap((m) => measureColumns(m, { totals: false })),
    ];
    const territoryRows: RowValues[] = result.territories.map((t) => [
      `${'　'.repeat(t.depth)}${t.name}`,
      t.targetFrom === 'node' ? '区域目标' : t.targetFrom === 'reps' ? '业务员目标合计' : '未设目标',
      ...t.measures.flatMap(measureCells),
    ]);

    const perRepSheets = (): SheetSpec[] => {
      if (rp.period.kind === 'month') return [];
      const months = monthsOf(rp.period);
      const today = core.today();
      const monthData = months.map((m) => {
        const p = parsePeriodKey(m)!;
        return { month: m, period: p, actuals: computeActuals(core, p.start, periodToDateEnd(p, today)) };
      });
      const perf = loadPerformance(core, rp.period);
      return result.reps.map((r) => ({
        name: r.name,
        subtitle: `业务员：${r.name}${r.territoryName ? `（${r.territoryName}）` : ''}`,
        columns: [{ key: 'month', header: '月份', kind: 'text' as const }, ...MEASURES.flatMap((m) => measureColumns(m, { totals: true }))],
        rows: monthData.map(({ month, period, actuals }) => {
          const data = { ...perf, period, actuals };
          const act = actuals.get(r.repId ?? '');
          return [month, ...MEASURES.flatMap((m) => measureCells(measureAttainment(data, repKey(r.repId ?? ''), m, act?.[m] ?? 0)))];
        }),
      }));
    };
    const sheets = (): SheetSpec[] => [
      { name: '汇总', subtitle: '销售与回款', columns: summaryColumns, rows: summaryRows, freezeColumns: 1 },
      { name: '客户与活动', subtitle: '新增客户、跟进、订单', columns: activityColumns, rows: activityRows, freezeColumns: 1 },
      ...(territoryRows.length ? [{ name: '区域', columns: territoryColumns, rows: territoryRows, freezeColumns: 1 }] : []),
      ...perRepSheets(),
    ];
    return { report: 'rep-performance', title: '业绩完成情况', periodLabel: rp.label, periodKey: rp.period.key, filters, sheets, csvSheet: 0 };
  },
};
