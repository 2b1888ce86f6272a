/** A rep's scorecard: the measures with rank, the trend over previous periods, and the health of their book. */
import type { Scorecard } from '../../../../shared/contract/targets';
import { shiftPeriod, type Period } from '../../../../shared/domain/periods';
import { rankItems } from '../../../../shared/domain/ranking';
import { MEASURES, zeroMeasures } from '../../../../shared/domain/target-measures';
import type { Core } from '../../core';
import { loadPerformance, measureAttainment, repRow, visibleReps } from './attainment';
import { periodInfo } from './period-resolve';
import { findRep } from './rep-directory';
import { repKey } from './target-store';

interface BookRow {
  accounts: number;
  open: number | null;
  overdue: number | null;
  cases: number | null;
  never: number;
  avgDays: number | null;
  maxDays: number | null;
  stale: number;
}

export function computeScorecard(core: Core, period: Period, repId: string, trendPeriods: number): Scorecard {
  const rep = findRep(core, repId);
  const data = loadPerformance(core, period);
  const row = repRow(data, rep);
  const others = visibleReps(data).map((r) => repRow(data, r));
  const measures = row.measures.map((m, i) => {
    const ranked = rankItems(others.map((o) => ({ id: o.repId ?? '', name: o.name, value: o.measures[i]!.ratio ?? null })));
    return { ...m, rank: ranked.find((r) => r.id === rep.id)?.rank ?? null, rankOf: others.length };
  });
  const trend = [];
  for (let n = trendPeriods; n >= 1; n--) {
    const p = shiftPeriod(period, -n);
    const d = loadPerformance(core, p);
    const actual = d.actuals.get(rep.id) ?? zeroMeasures();
    trend.push({
      period: periodInfo(p),
      values: MEASURES.map((m) => {
        const a = measureAttainment(d, repKey(rep.id), m, actual[m]);
        return { measure: m, actual: a.actual, target: a.target, ratio: a.ratio };
      }),
    });
  }
  const today = core.today();
  const b = core.sqlite
    .prepare(
      `select count(*) as accounts, sum(open_receivable_fen) as open, sum(overdue_fen) as overdue, sum(open_cases) as cases,
              sum(case when last_followup_on is null then 1 else 0 end) as never,
              avg(julianday(@today) - julianday(last_followup_on)) as avgDays,
              max(cast(julianday(@today) - julianday(last_followup_on) as integer)) as maxDays,
              sum(case when last_followup_on is null or julianday(@today) - julianday(last_followup_on) > 30 then 1 else 0 end) as stale
       from accounts where deleted_at is null and owner_rep_id = @rep`,
    )
    .get({ rep: rep.id, today }) as BookRow;
  const open = b.open ?? 0;
  const overdue = b.overdue ?? 0;
  return {
    period: periodInfo(period),
    asOf: data.asOf,
    rep: { id: rep.id, name: rep.name, territoryName: rep.territoryName, status: rep.status },
    measures,
    trend,
    book: {
      accounts: b.accounts,
      openReceivableFen: open,
      overdueFen: overdue,
      overdueShare: open > 0 ? overdue / open : null,
      openCases: b.cases ?? 0,
      avgDaysSinceFollowup: b.avgDays === null ? null : Math.round(b.avgDays * 10) / 10,
      maxDaysSinceFollowup: b.maxDays,
      neverFollowedUp: b.never ?? 0,
      staleOver30Days: b.stale ?? 0,
    },
  };
}
