import type { GradeView } from '../../../../shared/contract/credit';
import { describeFactor, explainFactor, explainGrade, FACTOR_NAMES, GRADE_FACTORS, type GradeInputs, type GradeResult, type GradingConfig } from '../../../../shared/domain/credit-grade';
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
    factors: r.factors.map((f) => ({ key: f.key, name: FACTOR_NAMES[f.key], value: f.value, points: f.points, over: f.over, detail: describeFactor(f, inputs, cfg), text: explainFactor(f, inputs, cfg) })),
    asOf,
  };
}

/**
 * What a credit_grades row keeps, compactly, so that any past grade can be explained again: one JSON
 * array of the inputs (GradeInputs in INPUT_KEYS order), then each factor's points, then each factor's
 * band threshold (null: none applies).
 */
const INPUT_KEYS = ['exposureFen', 'limitFen', 'maxDaysOverdue', 'overdueFen', 'openFen', 'collectedFen', 'daysToCollectLast', 'daysToCollectPrev', 'brokenPromises', 'salesFen', 'returnsFen'] as const;

export function packFactors(i: GradeInputs, r: GradeResult): string {
  const out: (number | null)[] = [i.exposureFen, i.limitFen, i.maxDaysOverdue, i.overdueFen, i.openFen, i.collectedFen, i.daysToCollectLast, i.daysToCollectPrev, i.brokenPromises, i.salesFen, i.returnsFen];
  for (const f of r.factors) out.push(f.points);
  for (const f of r.factors) out.push(f.over);
  // JSON.stringify makes one flat string. A template grown piece by piece is a tree of pieces, and the
  // batch keeps tens of thousands of those until it writes them, for the garbage collector to copy and
  // mark again and again (measured: 3× the time of this).
  return JSON.stringify(out);
}

export function unpackFactors(text: string): { inputs: GradeInputs; points: number[]; over: (number | null)[] } | null {
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v) || v.length !== INPUT_KEYS.length + 2 * GRADE_FACTORS.length) return null;
    const num = (x: unknown) => (typeof x === 'number' ? x : null);
    const inputs = Object.fromEntries(INPUT_KEYS.map((k, i) => [k, num(v[i])])) as Record<(typeof INPUT_KEYS)[number], number | null>;
    const z = (x: number | null) => x ?? 0;
    return {
      inputs: { ...inputs, exposureFen: z(inputs.exposureFen), maxDaysOverdue: z(inputs.maxDaysOverdue), overdueFen: z(inputs.overdueFen), openFen: z(inputs.openFen), collectedFen: z(inputs.collectedFen), brokenPromises: z(inputs.brokenPromises), salesFen: z(inputs.salesFen), returnsFen: z(inputs.returnsFen) },
      points: v.slice(INPUT_KEYS.length, INPUT_KEYS.length + GRADE_FACTORS.length).map((x) => num(x) ?? 0),
      over: v.slice(INPUT_KEYS.length + GRADE_FACTORS.length).map(num),
    };
  } catch {
    return null;
  }
}
