/** Column blocks for performance sheets: target / actual / attainment (a live formula) per measure. */
import type { MeasureAttainment } from '../../../../shared/contract/targets';
import { MEASURE_INFO, type Measure } from '../../../../shared/domain/target-measures';
import type { CellValue, ColumnSpec, FormulaCell } from '../export/sheet-spec';

const SHORT: Record<Measure, string> = { sales: '销售', collections: '回款', new_accounts: '新客', followups: '跟进', orders: '订单' };

export function measureColumns(m: Measure, opts: { totals: boolean }): ColumnSpec[] {
  const info = MEASURE_INFO[m];
  const unit = info.money ? '（元）' : '';
  const kind = info.money ? 'money' : 'int';
  const t = `${m}_target`;
  const a = `${m}_actual`;
  return [
    { key: t, header: `${SHORT[m]}目标${unit}`, kind, ...(opts.totals ? { total: 'sum' as const } : {}) },
    { key: a, header: `${info.zh}${unit}`, kind, ...(opts.totals ? { total: 'sum' as const } : {}) },
    { key: `${m}_ratio`, header: `${SHORT[m]}完成率`, kind: 'percent', colour: 'attainment', ...(opts.totals ? { total: { ratio: [a, t] as [string, string] } } : {}) },
  ];
}

/** Attainment as a formula on the row's own cells; "未设目标" when there is no target. */
export function ratioCell(m: Measure, ratio: number | null): FormulaCell {
  return { formula: `IF(N({${m}_target})>0,{${m}_actual}/{${m}_target},"未设目标")`, result: ratio ?? '未设目标', kind: 'percent' };
}

export function measureCells(a: Pick<MeasureAttainment, 'measure' | 'target' | 'actual' | 'ratio'>): CellValue[] {
  return [a.target, a.actual, ratioCell(a.measure, a.ratio)];
}
