import type { SeedContext } from './context';
import { AUDIT_COLUMNS, prepareInsert } from './insert';
import type { RepPool } from './reps';

export const MEASURES = ['sales', 'collections', 'new_accounts', 'followups', 'orders'] as const;
export type Measure = (typeof MEASURES)[number];

/** Per rep per month actuals gathered while seeding, to set targets that are neither trivial nor absurd. */
export class RepStats {
  private readonly firstMonth: number;
  readonly months: number;
  private readonly monthOfDay: Int32Array;
  private readonly values: Record<Measure, Float64Array>;

  constructor(
    private readonly ctx: SeedContext,
    private readonly repCount: number,
  ) {
    const start = new Date(ctx.startDay * 86_400_000);
    const today = new Date(ctx.todayDay * 86_400_000);
    this.firstMonth = start.getUTCFullYear() * 12 + start.getUTCMonth();
    const quarterEnd = today.getUTCFullYear() * 12 + Math.floor(today.getUTCMonth() / 3) * 3 + 2;
    this.months = quarterEnd - this.firstMonth + 1;
    this.monthOfDay = new Int32Array(ctx.todayDay - ctx.startDay + 1);
    for (let d = ctx.startDay; d <= ctx.todayDay; d++) {
      const t = new Date(d * 86_400_000);
      this.monthOfDay[d - ctx.startDay] = t.getUTCFullYear() * 12 + t.getUTCMonth() - this.firstMonth;
    }
    this.values = Object.fromEntries(MEASURES.map((m) => [m, new Float64Array(repCount * this.months)])) as Record<Measure, Float64Array>;
  }

  add(measure: Measure, repIdx: number, day: number, value: number): void {
    const i = day - this.ctx.startDay;
    if (i < 0 || i >= this.monthOfDay.length) return;
    this.values[measure][repIdx * this.months + this.monthOfDay[i]!]! += value;
  }

  get(measure: Measure, repIdx: number, month: number): number {
    return this.values[measure][repIdx * this.months + month]!;
  }

  period(month: number): string {
    const m = this.firstMonth + month;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  }

  monthIndexOf(day: number): number {
    const t = new Date(day * 86_400_000);
    return t.getUTCFullYear() * 12 + t.getUTCMonth() - this.firstMonth;
  }
}

const MONEY: ReadonlySet<Measure> = new Set(['sales', 'collections']);

/**
 * What a manager would expect of a rep in month m: the average of the three months before it, or the
 * last of them if higher (the company grows over the 18 months, so an all-time average would make
 * recent targets trivial); for a rep without a month behind them, their own first months (a ramp-up
 * target). Months after the current one look back from it; the current, partial month counts scaled
 * to a whole month.
 */
function runRate(stats: RepStats, measure: Measure, repIdx: number, m: number, firstMonth: number, todayMonth: number, todayFraction: number): number {
  const value = (k: number) => (k === todayMonth ? stats.get(measure, repIdx, k) / todayFraction : stats.get(measure, repIdx, k));
  const anchor = Math.min(m, todayMonth);
  let months = [anchor - 3, anchor - 2, anchor - 1].filter((k) => k >= firstMonth);
  if (months.length === 0) months = [firstMonth, firstMonth + 1, firstMonth + 2].filter((k) => k <= todayMonth);
  const average = months.reduce((sum, k) => sum + value(k), 0) / Math.max(1, months.length);
  // A growing rep is expected to hold at least last month's level.
  const rate = Math.max(average, value(months[months.length - 1] ?? firstMonth));
  return rate > 0 ? rate : MONEY.has(measure) ? 5_000_000 : measure === 'followups' ? 20 : 2;
}

/**
 * 目标: monthly targets per rep for the 18 months (through the end of the current quarter), each a
 * stretch of 0–20% over the rep's run rate, plus quarter targets for the current quarter per rep and
 * per region (sales).
 */
export function seedTargets(ctx: SeedContext, pool: RepPool, stats: RepStats): number {
  const { r } = ctx;
  const insert = prepareInsert(ctx.sqlite, 'targets', ['id', 'rep_id', 'territory_id', 'period_kind', 'period', 'measure', 'value', ...AUDIT_COLUMNS]);
  const a = ctx.actor.id;
  const todayMonth = stats.monthIndexOf(ctx.todayDay);
  const quarterStart = todayMonth - (Number(stats.period(todayMonth).slice(5, 7)) - 1) % 3;
  const quarterLabel = `${stats.period(todayMonth).slice(0, 4)}-Q${Math.floor((Number(stats.period(todayMonth).slice(5, 7)) - 1) / 3) + 1}`;
  const regionQuarterSales = new Map<string, number>();
  const todayDate = new Date(ctx.todayDay * 86_400_000);
  const todayFraction = todayDate.getUTCDate() / new Date(Date.UTC(todayDate.getUTCFullYear(), todayDate.getUTCMonth() + 1, 0)).getUTCDate();
  // Targets are set shortly before their month starts (never in the future).
  const setOn = (m: number) => ctx.stamp(Math.min(ctx.lastDay, Math.max(ctx.startDay - 1, ctx.startDay + Math.round(m * 30.44) - 5)));

  for (const rep of pool.reps) {
    const firstMonth = Math.max(0, stats.monthIndexOf(Math.max(rep.joinDay, ctx.startDay)));
    const endMonth = rep.leftDay !== null ? stats.monthIndexOf(rep.leftDay) : stats.months - 1;
    if (endMonth < firstMonth) continue;
    const quarterTotals = new Map<Measure, number>();
    for (const measure of MEASURES) {
      for (let m = firstMonth; m <= endMonth; m++) {
        const stretch = 1 + r.next() * 0.2;
        const base = runRate(stats, measure, rep.idx, m, firstMonth, todayMonth, todayFraction);
        const value = MONEY.has(measure) ? Math.max(1, Math.round((base * stretch) / 100_000)) * 100_000 : Math.max(1, Math.round(base * stretch));
        const at = setOn(m);
        insert.run(ctx.id(at), rep.id, null, 'month', stats.period(m), measure, value, at, at, a, a, 1);
        if (m >= quarterStart && m < quarterStart + 3) quarterTotals.set(measure, (quarterTotals.get(measure) ?? 0) + value);
      }
    }
    if (quarterStart >= firstMonth && quarterStart <= endMonth) {
      const at = setOn(quarterStart);
      for (const [measure, value] of quarterTotals) insert.run(ctx.id(at), rep.id, null, 'quarter', quarterLabel, measure, value, at, at, a, a, 1);
      const sales = quarterTotals.get('sales') ?? 0;
      regionQuarterSales.set(rep.region.id, (regionQuarterSales.get(rep.region.id) ?? 0) + sales);
    }
  }
  const at = setOn(quarterStart);
  for (const [regionId, value] of regionQuarterSales) insert.run(ctx.id(at), null, regionId, 'quarter', quarterLabel, 'sales', value, at, at, a, a, 1);
  return insert.count;
}
