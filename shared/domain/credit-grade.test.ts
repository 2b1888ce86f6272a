import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADING, explainFactor, explainGrade, FACTOR_NAMES, type GradeInputs, gradeAccount, gradeRank, gradingProblem } from './credit-grade';

const clean: GradeInputs = {
  exposureFen: 10_000_000,
  limitFen: 50_000_000,
  maxDaysOverdue: 0,
  overdueFen: 0,
  openFen: 10_000_000,
  collectedFen: 40_000_000,
  daysToCollectLast: 31,
  daysToCollectPrev: 30,
  brokenPromises: 0,
  salesFen: 50_000_000,
  returnsFen: 0,
};

/** Arbitrary consistent inputs: overdue ≤ open ≤ exposure-ish, days and counts in range. */
const inputsArb = fc
  .record({
    limitFen: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
    openFen: fc.integer({ min: 0, max: 1e9 }),
    overduePct: fc.integer({ min: 0, max: 100 }),
    advanceFen: fc.integer({ min: 0, max: 1e8 }),
    maxDaysOverdue: fc.integer({ min: 0, max: 400 }),
    collectedFen: fc.integer({ min: 0, max: 1e9 }),
    last: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    prev: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    brokenPromises: fc.integer({ min: 0, max: 20 }),
    salesFen: fc.integer({ min: 0, max: 1e9 }),
    returnsFen: fc.integer({ min: 0, max: 1e8 }),
  })
  .map(
    (r): GradeInputs => ({
      exposureFen: Math.max(0, r.openFen - r.advanceFen),
      limitFen: r.limitFen,
      maxDaysOverdue: r.overduePct > 0 ? Math.max(1, r.maxDaysOverdue) : 0,
      overdueFen: Math.floor((r.openFen * r.overduePct) / 100),
      openFen: r.openFen,
      collectedFen: r.collectedFen,
      daysToCollectLast: r.last,
      daysToCollectPrev: r.prev,
      brokenPromises: r.brokenPromises,
      salesFen: r.salesFen,
      returnsFen: r.returnsFen,
    }),
  );

describe('explainable credit grade', () => {
  it('a clean account is A with no points off', () => {
    const r = gradeAccount(clean);
    expect(r).toMatchObject({ grade: 'A', score: 100 });
    expect(explainGrade(r).zh).toBe('A 级（100 分）：各项均未扣分');
  });

  it('grades a hand-computed account and explains every factor', () => {
    const i: GradeInputs = {
      exposureFen: 52_820_000,
      limitFen: 50_000_000,
      maxDaysOverdue: 47,
      overdueFen: 3_200_000,
      openFen: 8_000_000,
      collectedFen: 6_000_000,
      daysToCollectLast: 48.2,
      daysToCollectPrev: 31.5,
      brokenPromises: 3,
      salesFen: 20_000_000,
      returnsFen: 2_400_000,
    };
    const r = gradeAccount(i);
    // limit 105.6% → 15; 47 days → 12; 3.2 / (8 + 6) = 22.9% → 10; +16.7 days → 8; 3 promises → 8; 12% returns → 3.
    expect(r.factors.map((f) => [f.key, f.value, f.points])).toEqual([
      ['limitUsed', 105.6, 15],
      ['maxDaysOverdue', 47, 12],
      ['overdueShare', 22.9, 10],
      ['collectTrend', 16.7, 8],
      ['brokenPromises', 3, 8],
      ['returnsShare', 12, 3],
    ]);
    expect(r).toMatchObject({ score: 44, grade: 'D' });
    expect(explainGrade(r).zh).toBe('D 级（44 分）：额度使用率 −15，最长逾期天数 −12，逾期金额占比 −10，回款天数趋势 −8，回款计划逾期支付 −8，退货占比 −3');
    const lines = r.factors.map((f) => explainFactor(f, i).zh);
    expect(lines[0]).toBe('额度使用率：105.6%（占用 528,200.00 / 额度 500,000.00 元），−15 分（超过 100）');
    expect(lines[2]).toBe('逾期金额占比：22.9%（逾期 32,000.00 元 ÷ 应收与近 365 天回款之和 140,000.00 元），−10 分（超过 20）');
    expect(lines[3]).toBe('回款天数趋势：近 90 天平均 48.2 天，前 90 天 31.5 天，放慢 16.7 天，−8 分（超过 15）');
    expect(explainFactor(r.factors[5]!, i).en).toBe('Returns share: 12% (24,000.00 returned of 200,000.00 sold), −3 points (over 5)');
  });

  it('grade cut-offs: 90 A, 75 B, 60 C, 40 D, below E', () => {
    const at = (points: number) => gradeAccount({ ...clean, brokenPromises: 0 }, { ...DEFAULT_GRADING, bands: { ...DEFAULT_GRADING.bands, brokenPromises: [{ over: -1, points }] } });
    expect([0, 10, 11, 25, 26, 40, 41, 60, 61, 100].map((p) => at(p).grade).join('')).toBe('AABBCCDDEE');
  });

  it('rejects bands that would let a worse value cost less', () => {
    expect(gradingProblem(DEFAULT_GRADING)).toBeNull();
    expect(gradingProblem({ ...DEFAULT_GRADING, bands: { ...DEFAULT_GRADING.bands, maxDaysOverdue: [{ over: 30, points: 10 }, { over: 60, points: 5 }] } })!.zh).toContain('扣分不能递减');
    expect(gradingProblem({ ...DEFAULT_GRADING, cuts: { A: 70, B: 75, C: 60, D: 40 } })).not.toBeNull();
  });

  it('more overdue never improves the grade (property)', () => {
    fc.assert(
      fc.property(inputsArb, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1e8 }), fc.boolean(), (i, moreDays, newDebt, fromNotDue) => {
        // Either money not yet due falls overdue, or new overdue debt appears; and/or the oldest item ages.
        const shift = fromNotDue ? Math.min(newDebt, i.openFen - i.overdueFen) : newDebt;
        const worse: GradeInputs = {
          ...i,
          overdueFen: i.overdueFen + shift,
          openFen: fromNotDue ? i.openFen : i.openFen + shift,
          exposureFen: fromNotDue ? i.exposureFen : i.exposureFen + shift,
          maxDaysOverdue: Math.max(i.maxDaysOverdue, shift > 0 ? 1 : 0) + moreDays,
          brokenPromises: i.brokenPromises + (shift > 0 ? 1 : 0),
        };
        const a = gradeAccount(i);
        const b = gradeAccount(worse);
        return b.score <= a.score && gradeRank(b.grade) >= gradeRank(a.grade);
      }),
    );
  });

  it('paying never worsens the grade (property)', () => {
    fc.assert(
      fc.property(inputsArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.boolean(), (i, payPct, overduePartPct, clearsOldest) => {
        // Pay x of what is open; some of it (any part) goes to overdue instalments.
        const x = Math.floor((i.openFen * payPct) / 100);
        const offOverdue = Math.min(i.overdueFen, Math.floor((x * overduePartPct) / 100));
        const overdueAfter = i.overdueFen - offOverdue;
        const paid: GradeInputs = {
          ...i,
          openFen: i.openFen - x,
          exposureFen: Math.max(0, i.exposureFen - x),
          collectedFen: i.collectedFen + x,
          overdueFen: overdueAfter,
          maxDaysOverdue: overdueAfter === 0 ? 0 : clearsOldest ? Math.max(1, Math.floor(i.maxDaysOverdue / 2)) : i.maxDaysOverdue,
        };
        const a = gradeAccount(i);
        const b = gradeAccount(paid);
        return b.score >= a.score && gradeRank(b.grade) <= gradeRank(a.grade);
      }),
    );
  });

  it('the explanation names every factor that moved the grade (property)', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const r = gradeAccount(i);
        const summary = explainGrade(r);
        return r.factors.every((f) => f.points === 0 || (summary.zh.includes(FACTOR_NAMES[f.key].zh) && summary.en.includes(FACTOR_NAMES[f.key].en) && explainFactor(f, i).zh.includes(`−${f.points} 分`)));
      }),
    );
  });
});
