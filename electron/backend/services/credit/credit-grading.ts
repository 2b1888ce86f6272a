import type { GradeView } from '../../../../shared/contract/credit';
import { explainFactor, explainGrade, FACTOR_NAMES, type GradeInputs, type GradeResult, type GradingConfig } from '../../../../shared/domain/credit-grade';
import { type CollectionFacts, daysToCollect, type InstalmentFacts, type OrderFacts } from './credit-inputs';

/** The grade's inputs for one account from the per-account facts of credit-inputs. */
export function gradeInputsOf(f: { order?: OrderFacts | undefined; inst?: InstalmentFacts | undefined; coll?: CollectionFacts | undefined; returnsFen?: number | undefined; exposureFen: number; limitFen: number | null }): GradeInputs {
  const dtc = daysToCollect(f.order, f.coll);
  return {
    exposureFen: f.exposureFen,
    limitFen: f.limitFen,
    maxDaysOverdue: f.inst?.maxDays ?? 0,
    overdueFen: f.inst?.overdueFen ?? 0,
    openFen: f.order?.openFen ?? 0,
    collectedFen: f.coll?.collectedFen ?? 0,
    daysToCollectLast: dtc.last,
    daysToCollectPrev: dtc.prev,
    brokenPromises: f.inst?.brokenPromises ?? 0,
    salesFen: f.order?.salesFen ?? 0,
    returnsFen: f.returnsFen ?? 0,
  };
}

export function gradeViewOf(r: GradeResult, inputs: GradeInputs, cfg: GradingConfig, asOf: string): GradeView {
  return {
    grade: r.grade,
    score: r.score,
    summary: explainGrade(r),
    factors: r.factors.map((f) => ({ key: f.key, name: FACTOR_NAMES[f.key], value: f.value, points: f.points, over: f.over, text: explainFactor(f, inputs, cfg) })),
    asOf,
  };
}

/**
 * What a credit_grades row keeps: the inputs and each factor's points and band, compactly, so that any
 * past grade can be explained again ("i": inputs in GradeInputs order, "p": points, "o": band thresholds).
 */
export function packFactors(inputs: GradeInputs, r: GradeResult): string {
  return JSON.stringify({ i: inputs, p: r.factors.map((f) => f.points), o: r.factors.map((f) => f.over) });
}

export function unpackFactors(text: string): { inputs: GradeInputs; points: number[]; over: (number | null)[] } | null {
  try {
    const v = JSON.parse(text) as { i?: GradeInputs; p?: number[]; o?: (number | null)[] };
    return v.i && v.p && v.o ? { inputs: v.i, points: v.p, over: v.o } : null;
  } catch {
    return null;
  }
}

