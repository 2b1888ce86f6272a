/** 业绩排行: one measure, ranked by attainment or amount, with last period's rank beside it. */
import { MEASURE_INFO } from '../../../../shared/domain/target-measures';
import type { RowValues, SheetSpec } from '../export/sheet-spec';
import { computeLeaderboard } from '../targets/leaderboard';
import { reportPeriod } from './report-period';
import type { ReportDefinition } from './report-types';

export const leaderboardReport: ReportDefinition<'leaderboard'> = {
  report: 'leaderboard',
  title: { zh: '业绩排行', en: 'Leaderboard' },
  description: { zh: '按完成率或金额排名，附上期排名与名次变化', en: 'Ranked by attainment or amount, with last period’s rank and the change' },
  hasPeriod: true,
  hasRep: false,
  build(core, params) {
    const rp = reportPeriod(core, params.period);
    const lb = computeLeaderboard(core, rp.period, params.measure, params.by);
    const info = MEASURE_INFO[params.measure];
    const kind = info.money ? ('money' as const) : ('int' as const);
    const unit = info.money ? '（元）' : '';
    const rows: RowValues[] = lb.rows.map((r) => [
      r.rank,
      r.repName,
      r.territoryName,
      r.target,
      r.actual,
      { formula: 'IF(N({target})>0,{actual}/{target},"未设目标")', result: r.ratio ?? '未设目标', kind: 'percent' },
      r.previousRank,
      r.change,
      r.previousActual,
      r.previousRatio,
    ]);
    const sheets = (): SheetSpec[] => [
      {
        name: '排行',
        freezeColumns: 2,
        columns: [
          { key: 'rank', header: '排名', kind: 'int', width: 8 },
          { key: 'rep', header: '业务员', kind: 'text' },
          { key: 'territory', header: '区域', kind: 'text', total: { label: '' } },
          { key: 'target', header: `目标${unit}`, kind, total: 'sum' },
          { key: 'actual', header: `${info.zh}${unit}`, kind, total: 'sum' },
          { key: 'ratio', header: '完成率', kind: 'percent', colour: 'attainment', total: { ratio: ['actual', 'target'] } },
          { key: 'prevRank', header: `上期排名（${lb.previousPeriod.label}）`, kind: 'int' },
          { key: 'change', header: '名次变化（+ 上升）', kind: 'int' },
          { key: 'prevActual', header: `上期${info.zh}${unit}`, kind, total: 'sum' },
          { key: 'prevRatio', header: '上期完成率', kind: 'percent', colour: 'attainment' },
        ],
        rows,
      },
    ];
    const filters: [string, string][] = [
      ['指标', info.zh],
      ['排名依据', params.by === 'attainment' ? '完成率' : '金额 / 数量'],
    ];
    return { report: 'leaderboard', title: `业绩排行 — ${info.zh}`, periodLabel: rp.label, periodKey: rp.period.key, filters, sheets, csvSheet: 0 };
  },
};
