/**
 * The dashboard's sales and collections: the last 12 months against the reps' summed targets, and this
 * month's sales attainment per rep. The definitions are the targets feature's (targets/actuals.ts):
 * sales = orders confirmed in the period (drafts and cancellations never count) less returns in it,
 * by the order's rep else the account's owner; collections = receipts in the period. Each month is one
 * range of a covering index (orders_sales_idx, payments_receipts_idx) instead of a scan of the tables.
 */
import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import { attainmentRatio } from '../../../../shared/domain/attainment';
import { type Period, parsePeriodKey, periodContaining, shiftPeriod } from '../../../../shared/domain/periods';
import type { Measure } from '../../../../shared/domain/target-measures';
import { effectiveTarget } from '../../../../shared/domain/target-split';
import type { Core } from '../../core';
import { SALES_ORDER_FILTER } from '../targets/actuals';
import { loadReps } from '../targets/rep-directory';
import { type TargetBook, entriesOf, repKey } from '../targets/target-store';

/** The sales date, spelt exactly as the orders_sales_idx expression so that SQLite reads the index. */
export const SALES_DATE_SQL = '(case when o.confirmed_on is null then o.ordered_on else o.confirmed_on end)';
const SALES_FROM = `orders o indexed by orders_sales_idx`;
const REP_OF_ORDER = 'coalesce(o.rep_id, (select a.owner_rep_id from accounts a where a.id = o.account_id))';

const MONTHS = 12;

type Months = DashboardSummary['months'];
type Attainment = DashboardSummary['attainment'];

/** The reps' sales and collection targets of the given years, as the target store's book (read raw: thousands of rows). */
function loadRepTargets(core: Core, years: readonly number[]): TargetBook {
  const book: TargetBook = new Map();
  const rows = core.sqlite
    .prepare(`select rep_id, period, measure, value, split from targets where period >= ? and period < ? and measure in ('sales', 'collections') and rep_id is not null`)
    .raw()
    .all(String(Math.min(...years)), String(Math.max(...years) + 1)) as [string, string, Measure, number, 'even' | 'seasonal'][];
  for (const [rep, period, measure, value, split] of rows) {
    const key = repKey(rep);
    let byMeasure = book.get(key);
    if (!byMeasure) book.set(key, (byMeasure = new Map()));
    const list = byMeasure.get(measure) ?? [];
    list.push({ period, value, split });
    byMeasure.set(measure, list);
  }
  return book;
}

function teamTarget(book: TargetBook, repIds: readonly string[], period: Period, measure: Measure, seasonality: readonly number[]): number | null {
  let sum: number | null = null;
  for (const id of repIds) {
    const t = effectiveTarget(period, entriesOf(book, repKey(id), measure), seasonality);
    if (t !== null) sum = (sum ?? 0) + t;
  }
  return sum;
}

export function salesTrend(core: Core): { months: Months; attainment: Attainment } {
  const today = core.today();
  const seasonality = core.settings().targetSeasonality;
  const current = periodContaining('month', today);
  const periods = Array.from({ length: MONTHS }, (_, i) => shiftPeriod(current, i - MONTHS + 1));
  const to = (p: Period) => (p.end < today ? p.end : today);

  const salesStmt = core.sqlite.prepare(`select coalesce(sum(o.total_fen), 0) from ${SALES_FROM} where ${SALES_ORDER_FILTER} and ${SALES_DATE_SQL} between ? and ?`).pluck();
  const collectedStmt = core.sqlite
    .prepare(`select coalesce(sum(amount_fen), 0) from payments indexed by payments_receipts_idx where deleted_at is null and kind = 'receipt' and received_on between ? and ?`)
    .pluck();
  const first = periods[0]!.start;
  const returnsByMonth = new Map(
    core.sqlite
      .prepare(`select substr(r.returned_on, 1, 7), sum(r.amount_fen) from returns r join orders o on o.id = r.order_id where o.deleted_at is null and r.returned_on between ? and ? group by 1`)
      .raw()
      .all(first, today) as [string, number][],
  );

  const reps = loadReps(core);
  const book = loadRepTargets(core, periods.map((p) => Number(p.key.slice(0, 4))));
  const targetRepIds = reps.map((r) => r.id).filter((id) => book.has(repKey(id)));
  const months: Months = periods.map((p) => ({
    month: p.key,
    salesFen: (salesStmt.get(p.start, to(p)) as number) - (returnsByMonth.get(p.key) ?? 0),
    collectionsFen: collectedStmt.get(p.start, to(p)) as number,
    salesTargetFen: teamTarget(book, targetRepIds, p, 'sales', seasonality),
    collectionsTargetFen: teamTarget(book, targetRepIds, p, 'collections', seasonality),
  }));

  // This month per rep: sales less returns, against each rep's target for the month.
  const byRep = new Map<string, number>();
  for (const [rep, fen] of core.sqlite
    .prepare(`select ${REP_OF_ORDER} as rep, sum(o.total_fen) from ${SALES_FROM} where ${SALES_ORDER_FILTER} and ${SALES_DATE_SQL} between ? and ? group by rep`)
    .raw()
    .all(current.start, today) as [string | null, number][]) {
    if (rep) byRep.set(rep, (byRep.get(rep) ?? 0) + fen);
  }
  for (const [rep, fen] of core.sqlite
    .prepare(
      `select coalesce(o.rep_id, a.owner_rep_id), sum(r.amount_fen) from returns r join orders o on o.id = r.order_id join accounts a on a.id = o.account_id
       where o.deleted_at is null and r.returned_on between ? and ? group by 1`,
    )
    .raw()
    .all(current.start, today) as [string | null, number][]) {
    if (rep) byRep.set(rep, (byRep.get(rep) ?? 0) - fen);
  }
  const month = parsePeriodKey(current.key)!;
  const rows: Attainment['reps'] = [];
  let withoutTarget = 0;
  for (const r of reps) {
    const target = effectiveTarget(month, entriesOf(book, repKey(r.id), 'sales'), seasonality);
    const actualFen = byRep.get(r.id) ?? 0;
    const ratio = attainmentRatio(actualFen, target);
    if (target === null || ratio === null) {
      // "Target not set" is a to-do for the reps still working here, not for those who left.
      if (r.status !== 'left') withoutTarget++;
      continue;
    }
    rows.push({ repId: r.id, name: r.name, actualFen, targetFen: target, ratio });
  }
  rows.sort((a, b) => b.ratio - a.ratio || a.name.localeCompare(b.name, 'zh-CN'));
  return { months, attainment: { period: current.key, reps: rows, withoutTarget } };
}
