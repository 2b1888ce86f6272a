/** Attainment of every rep (and territory node) for a period: actuals vs effective targets. */
import type { AttainmentResult, AttainmentRow, MeasureAttainment } from '../../../../shared/contract/targets';
import { attainment } from '../../../../shared/domain/attainment';
import { periodToDateEnd, type Period } from '../../../../shared/domain/periods';
import { MEASURES, type Measure, type MeasureValues, zeroMeasures } from '../../../../shared/domain/target-measures';
import { effectiveTarget, monthlyTargets } from '../../../../shared/domain/target-split';
import type { Core } from '../../core';
import { computeActuals } from './actuals';
import { periodInfo } from './period-resolve';
import { type RepInfo, type TerritoryNode, loadReps, loadTerritories, subtreeIds } from './rep-directory';
import { type TargetBook, entriesOf, loadTargetBook, repKey, territoryKey } from './target-store';

export interface PerformanceData {
  period: Period;
  asOf: string;
  reps: RepInfo[];
  territories: TerritoryNode[];
  actuals: Map<string, MeasureValues>;
  book: TargetBook;
  seasonality: readonly number[];
}

function yearsOf(p: Period): number[] {
  return [Number(p.start.slice(0, 4))];
}

export function loadPerformance(core: Core, period: Period): PerformanceData {
  const asOf = core.today();
  return {
    period,
    asOf,
    reps: loadReps(core),
    territories: loadTerritories(core),
    actuals: computeActuals(core, period.start, periodToDateEnd(period, asOf)),
    book: loadTargetBook(core, yearsOf(period)),
    seasonality: core.settings().targetSeasonality,
  };
}

export function measureAttainment(data: PerformanceData, owner: string, measure: Measure, actual: number): MeasureAttainment {
  const entries = entriesOf(data.book, owner, measure);
  const target = effectiveTarget(data.period, entries, data.seasonality);
  const months = monthlyTargets(data.period, entries, data.seasonality);
  return { measure, ...attainment({ actual, target, monthTargets: months, period: data.period, today: data.asOf }) };
}

export function repRow(data: PerformanceData, rep: RepInfo): AttainmentRow {
  const actual = data.actuals.get(rep.id) ?? zeroMeasures();
  return {
    repId: rep.id,
    territoryId: rep.territoryId,
    name: rep.name,
    territoryName: rep.territoryName,
    measures: MEASURES.map((m) => measureAttainment(data, repKey(rep.id), m, actual[m])),
  };
}

/** Reps who left are listed only while they still have numbers or targets in the period. */
export function visibleReps(data: PerformanceData): RepInfo[] {
  return data.reps.filter((r) => r.status !== 'left' || data.actuals.has(r.id) || data.book.has(repKey(r.id)));
}

export function computeAttainment(core: Core, period: Period, filter: { repId?: string | undefined; territoryId?: string | undefined } = {}): AttainmentResult {
  const data = loadPerformance(core, period);
  let reps = visibleReps(data);
  let nodes = data.territories;
  if (filter.territoryId) {
    const ids = subtreeIds(data.territories, filter.territoryId);
    reps = reps.filter((r) => r.territoryId !== null && ids.has(r.territoryId));
    nodes = nodes.filter((n) => ids.has(n.id));
  }
  if (filter.repId) reps = reps.filter((r) => r.id === filter.repId);
  const repRows = reps.map((r) => repRow(data, r));
  const territories = nodes.map((node) => {
    const ids = subtreeIds(data.territories, node.id);
    const members = visibleReps(data).filter((r) => r.territoryId !== null && ids.has(r.territoryId));
    const memberRows = members.map((r) => repRow(data, r));
    const measures = MEASURES.map((m, mi) => {
      const actual = members.reduce((s, r) => s + (data.actuals.get(r.id)?.[m] ?? 0), 0);
      const own = entriesOf(data.book, territoryKey(node.id), m);
      if (own.length > 0) return measureAttainment(data, territoryKey(node.id), m, actual);
      // No target on the node: the reps' targets added up (period-to-date targets likewise).
      const sum = (pick: (a: MeasureAttainment) => number | null) => {
        let total: number | null = null;
        for (const row of memberRows) {
          const v = pick(row.measures[mi]!);
          if (v !== null) total = (total ?? 0) + v;
        }
        return total;
      };
      const target = sum((a) => a.target);
      const ptdTarget = sum((a) => a.ptdTarget);
      const base = attainment({ actual, target, monthTargets: new Map(), period: data.period, today: data.asOf });
      return { measure: m, ...base, ptdTarget, ptdRatio: ptdTarget && ptdTarget > 0 ? actual / ptdTarget : null };
    });
    const hasOwn = MEASURES.some((m) => entriesOf(data.book, territoryKey(node.id), m).length > 0);
    const hasReps = measures.some((m) => m.targetSet);
    return {
      repId: null,
      territoryId: node.id,
      name: node.name,
      territoryName: node.name,
      depth: node.depth,
      targetFrom: hasOwn ? ('node' as const) : hasReps ? ('reps' as const) : ('none' as const),
      measures,
    };
  });
  return { period: periodInfo(period), asOf: data.asOf, reps: repRows, territories };
}
