/** The four dashboard charts as ECharts options, built from dashboard.summary (pure: data in, option out). */
import type { TFunction } from 'i18next';
import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import { ATTAINMENT_AMBER_FROM, ATTAINMENT_GREEN_FROM } from '../../../../shared/domain/attainment';
import { formatFen } from '../../../../shared/domain/money';
import { pick, type Lang } from '../../../../shared/i18n/text';
import type { ChartOption } from './EChart';
import { moneyScale, scaled } from './money-scale';

const FONT = { fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' };
const COLORS = { sales: '#1677ff', collections: '#13a8a8', target: '#8c8c8c', red: '#cf1322', amber: '#d48806', green: '#389e0d' };
/** Aging buckets from not yet due (green) to the oldest (dark red), as on the AR aging page. */
const BUCKET_COLORS = ['#95de64', '#ffd666', '#ffa940', '#ff7a45', '#cf1322', '#820014', '#5c0011'];

/** "12月" / "Dec", with the year underneath on the first month shown and on each January. */
function monthLabel(month: string, index: number, lang: Lang): string {
  const m = Number(month.slice(5, 7));
  const name = lang === 'en' ? ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]! : `${m}月`;
  return index === 0 || m === 1 ? `${name}\n${month.slice(0, 4)}` : name;
}

const LEGEND = { top: 0, itemGap: 10, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } };

export interface Chart {
  option: ChartOption;
  /** The money unit of the value axis (shown beside the chart's title), if it has one. */
  unit?: string;
}

/** Tooltip lines with the exact amount in yuan, whatever unit the axis uses. */
function moneyTooltip(fenBySeries: Map<string, (number | null)[]>, unit: string) {
  return (params: unknown) => {
    const list = params as { seriesName: string; dataIndex: number; marker: string; axisValueLabel: string }[];
    const head = list[0]?.axisValueLabel ?? '';
    const lines = list.map((p) => {
      const fen = fenBySeries.get(p.seriesName)?.[p.dataIndex] ?? null;
      return `${p.marker}${p.seriesName}：${fen === null ? '—' : formatFen(fen)} ${unit}`;
    });
    return [head, ...lines].join('<br/>');
  };
}

export function salesOption(s: DashboardSummary, t: TFunction, lang: Lang): Chart {
  const max = Math.max(0, ...s.months.flatMap((m) => [m.salesFen, m.collectionsFen, m.salesTargetFen ?? 0, m.collectionsTargetFen ?? 0]));
  const scale = moneyScale(max, lang);
  const names = { sales: t('chart.sales'), collections: t('chart.collections'), salesTarget: t('chart.salesTarget'), collectionsTarget: t('chart.collectionsTarget') };
  const fen = new Map<string, (number | null)[]>([
    [names.sales, s.months.map((m) => m.salesFen)],
    [names.collections, s.months.map((m) => m.collectionsFen)],
    [names.salesTarget, s.months.map((m) => m.salesTargetFen)],
    [names.collectionsTarget, s.months.map((m) => m.collectionsTargetFen)],
  ]);
  const v = (x: number | null) => (x === null ? null : scaled(x, scale));
  const option: ChartOption = {
    textStyle: FONT,
    color: [COLORS.sales, COLORS.collections, COLORS.sales, COLORS.collections],
    tooltip: { trigger: 'axis', formatter: moneyTooltip(fen, t('chart.yuan')) },
    legend: LEGEND,
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: s.months.map((m, i) => monthLabel(m.month, i, lang)), axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: [
      { name: names.sales, type: 'bar', barMaxWidth: 18, data: s.months.map((m) => v(m.salesFen)) },
      { name: names.collections, type: 'bar', barMaxWidth: 18, data: s.months.map((m) => v(m.collectionsFen)) },
      { name: names.salesTarget, type: 'line', symbol: 'circle', symbolSize: 5, lineStyle: { type: 'dashed', width: 2 }, data: s.months.map((m) => v(m.salesTargetFen)) },
      { name: names.collectionsTarget, type: 'line', symbol: 'circle', symbolSize: 5, lineStyle: { type: 'dotted', width: 2 }, data: s.months.map((m) => v(m.collectionsTargetFen)) },
    ],
  };
  return { option, unit: scale.unit };
}

const bandColour = (ratio: number) => (ratio < ATTAINMENT_AMBER_FROM ? COLORS.red : ratio < ATTAINMENT_GREEN_FROM ? COLORS.amber : COLORS.green);

/**
 * This month's sales attainment per rep, highest at the top; a scroll bar when there are many reps. The
 * axis stops at 200 % (or the highest ratio below that) so that one rep far past their target does not
 * flatten everyone else's bar: a longer bar is cut at the edge and its label still gives the real figure.
 */
export function attainmentOption(s: DashboardSummary, t: TFunction): Chart {
  const reps = s.attainment.reps;
  const visible = 12;
  const pct = (r: number) => Math.round(r * 1000) / 10;
  const cap = Math.max(120, Math.min(200, Math.ceil(Math.max(0, ...reps.map((r) => pct(r.ratio))) / 10) * 10));
  const option: ChartOption = {
    textStyle: FONT,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (params as { dataIndex: number }[])[0];
        const r = p ? reps[p.dataIndex] : undefined;
        return r ? `${r.name}<br/>${t('chart.actual')}：${formatFen(r.actualFen)} ${t('chart.yuan')}<br/>${t('chart.target')}：${formatFen(r.targetFen)} ${t('chart.yuan')}<br/>${t('chart.ratio')}：${pct(r.ratio)}%` : '';
      },
    },
    grid: { left: 8, right: reps.length > visible ? 64 : 56, top: 8, bottom: 4, containLabel: true },
    xAxis: { type: 'value', max: cap, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', inverse: true, data: reps.map((r) => r.name), axisTick: { show: false } },
    dataZoom: reps.length > visible ? [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: visible - 1, width: 14, right: 6, showDetail: false, brushSelect: false }, { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true }] : [],
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: reps.map((r) => ({ value: Math.min(pct(r.ratio), cap), itemStyle: { color: bandColour(r.ratio) }, label: { formatter: `${pct(r.ratio)}%` } })),
        label: { show: true, position: 'right', fontSize: 11 },
        markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#595959', type: 'dashed' }, data: [{ xAxis: 100 }] },
      },
    ],
  };
  return { option };
}

/** AR aging as of today: one stacked bar per top rep (most open first), the others together, the buckets oldest on the right. */
export function agingOption(s: DashboardSummary, t: TFunction, lang: Lang): Chart {
  const rows = [...s.aging.reps.map((r) => ({ name: r.name, buckets: r.bucketsFen })), ...(s.aging.othersFen.some((v) => v !== 0) ? [{ name: t('chart.others'), buckets: s.aging.othersFen }] : [])];
  const scale = moneyScale(Math.max(0, ...rows.map((r) => r.buckets.reduce((a, b) => a + b, 0))), lang);
  const names = s.aging.buckets.map((b) => bucketName(b, lang));
  const fen = new Map(names.map((name, i) => [name, rows.map((r) => r.buckets[i] ?? 0)]));
  const option: ChartOption = {
    textStyle: FONT,
    color: BUCKET_COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: moneyTooltip(fen, t('chart.yuan')) },
    legend: LEGEND,
    grid: { left: 8, right: 24, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'value', splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisTick: { show: false } },
    series: names.map((name, i) => ({ name, type: 'bar', stack: 'aging', barMaxWidth: 18, data: rows.map((r) => scaled(r.buckets[i] ?? 0, scale)) })),
  };
  return { option, unit: scale.unit };
}

/** A bucket's legend entry: the settings' own words in Chinese; in English a short "1–30 d" (the title says overdue). */
function bucketName(b: DashboardSummary['aging']['buckets'][number], lang: Lang): string {
  if (lang !== 'en') return pick(b.label, lang);
  if (b.maxDays === 0) return 'Not due';
  return b.maxDays === null ? `${b.minDays - 1}+ d` : `${b.minDays}–${b.maxDays} d`;
}

/** Open cases per priority by SLA state (the worst state first, from the bottom). */
export function caseSlaOption(s: DashboardSummary, t: TFunction): Chart {
  const states = [
    { key: 'breached', color: COLORS.red },
    { key: 'aboutToBreach', color: '#fa8c16' },
    { key: 'onTrack', color: COLORS.green },
    { key: 'paused', color: '#8c8c8c' },
    { key: 'noClock', color: '#d9d9d9' },
  ] as const;
  const option: ChartOption = {
    textStyle: FONT,
    color: states.map((x) => x.color),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: s.caseSla.map((r) => r.priority) },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: states.map((x) => ({ name: t(`chart.sla.${x.key}`), type: 'bar', stack: 'sla', barMaxWidth: 48, data: s.caseSla.map((r) => r[x.key]) })),
  };
  return { option };
}
