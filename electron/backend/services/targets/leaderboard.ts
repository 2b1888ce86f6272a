/** 业绩排行: reps ranked on one measure by attainment or amount, with the change since last period. */
import type { LeaderboardResult } from '../../../../shared/contract/targets';
import { previousPeriod, type Period } from '../../../../shared/domain/periods';
import { rankChange, rankItems } from '../../../../shared/domain/ranking';
import type { Measure } from '../../../../shared/domain/target-measures';
import { zeroMeasures } from '../../../../shared/domain/target-measures';
import type { Core } from '../../core';
import { loadPerformance, measureAttainment, visibleReps } from './attainment';
import { periodInfo } from './period-resolve';
import { repKey } from './target-store';

export function computeLeaderboard(core: Core, period: Period, measure: Measure, by: 'attainment' | 'amount'): LeaderboardResult {
  const now = loadPerformance(core, period);
  const before = loadPerformance(core, previousPeriod(period));
  const reps = visibleReps(now).filter((r) => r.status !== 'left' || (now.actuals.get(r.id)?.[measure] ?? 0) !== 0);
  const score = (data: typeof now, repId: string) => {
    const a = measureAttainment(data, repKey(repId), measure, (data.actuals.get(repId) ?? zeroMeasures())[measure]);
    return { a, value: by === 'amount' ? a.actual : a.ratio };
  };
  const current = reps.map((r) => ({ rep: r, ...score(now, r.id) }));
  const previous = reps.map((r) => ({ rep: r, ...score(before, r.id) }));
  const rankedNow = rankItems(current.map((c) => ({ id: c.rep.id, name: c.rep.name, value: c.value })));
  const prevRank = new Map(rankItems(previous.map((c) => ({ id: c.rep.id, name: c.rep.name, value: c.value }))).map((r) => [r.id, r.rank]));
  const byId = new Map(current.map((c) => [c.rep.id, c]));
  const prevById = new Map(previous.map((c) => [c.rep.id, c]));
  return {
    period: periodInfo(period),
    previousPeriod: periodInfo(previousPeriod(period)),
    measure,
    by,
    asOf: now.asOf,
    rows: rankedNow.map((r) => {
      const c = byId.get(r.id)!;
      const p = prevById.get(r.id)!;
      const previousRank = prevRank.get(r.id) ?? null;
      return {
        rank: r.rank,
        previousRank,
        change: rankChange(r.rank, previousRank),
        repId: r.id,
        repName: c.rep.name,
        territoryName: c.rep.territoryName,
        actual: c.a.actual,
        target: c.a.target,
        ratio: c.a.ratio,
        previousActual: p.a.actual,
        previousRatio: p.a.ratio,
      };
    }),
  };
}
