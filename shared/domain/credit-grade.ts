import { type LocalizedText, msg } from '../i18n/text';
import { formatFen } from './money';

/**
 * 信用等级 A–E, explainable. Six factors each cost points by bands set in settings (creditGrading); the
 * score is 100 minus the points, and the grade follows from the score by the cut-offs. Every factor's
 * value, the band it fell in and its points are kept, so the grade can always be explained line by line.
 *
 * The factors are chosen so that paying never worsens a grade and more overdue never improves one:
 * - limitUsed: exposure ÷ limit (paying lowers exposure);
 * - maxDaysOverdue: the longest-overdue open instalment;
 * - overdueShare: overdue ÷ (open receivables + collected in the look-back window). Paying moves money
 *   from "open" to "collected", so the denominator stays and only the overdue part can shrink;
 * - collectTrend: days to collect in the last window minus the window before. Each window weighs the
 *   money collected in it by its days from confirmation to collection AND the money still unpaid at the
 *   window's end by its age then, so paying today changes neither figure (and not paying is not rewarded);
 * - brokenPromises: instalments that fell due in the look-back window and were paid late or are still
 *   unpaid (paying an overdue instalment keeps it counted as paid late);
 * - returnsShare: returns ÷ sales confirmed in the look-back window.
 */
export const GRADE_FACTORS = ['limitUsed', 'maxDaysOverdue', 'overdueShare', 'collectTrend', 'brokenPromises', 'returnsShare'] as const;
export type GradeFactor = (typeof GRADE_FACTORS)[number];

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

/** value > over costs `points` (the highest band passed counts). */
export interface Band {
  over: number;
  points: number;
}

export interface GradingConfig {
  bands: Record<GradeFactor, Band[]>;
  /** Lowest score for A, B, C and D; below D's is E. */
  cuts: { A: number; B: number; C: number; D: number };
  /** Length of each days-to-collect window (last vs previous). */
  trendWindowDays: number;
  /** The look-back for broken promises, returns share and collections. */
  lookbackDays: number;
}

export const DEFAULT_GRADING: GradingConfig = {
  bands: {
    limitUsed: [
      { over: 80, points: 5 },
      { over: 100, points: 15 },
      { over: 150, points: 30 },
    ],
    maxDaysOverdue: [
      { over: 0, points: 5 },
      { over: 30, points: 12 },
      { over: 60, points: 20 },
      { over: 90, points: 30 },
    ],
    overdueShare: [
      { over: 5, points: 5 },
      { over: 20, points: 10 },
      { over: 50, points: 20 },
    ],
    collectTrend: [
      { over: 5, points: 3 },
      { over: 15, points: 8 },
      { over: 30, points: 15 },
    ],
    brokenPromises: [
      { over: 0, points: 3 },
      { over: 2, points: 8 },
      { over: 5, points: 15 },
    ],
    returnsShare: [
      { over: 5, points: 3 },
      { over: 15, points: 8 },
      { over: 30, points: 15 },
    ],
  },
  cuts: { A: 90, B: 75, C: 60, D: 40 },
  trendWindowDays: 90,
  lookbackDays: 365,
};

export const FACTOR_NAMES: Record<GradeFactor, LocalizedText> = {
  limitUsed: msg('额度使用率', 'Limit used'),
  maxDaysOverdue: msg('最长逾期天数', 'Longest overdue'),
  overdueShare: msg('逾期金额占比', 'Overdue share'),
  collectTrend: msg('回款天数趋势', 'Days-to-collect trend'),
  brokenPromises: msg('回款计划逾期支付', 'Broken payment promises'),
  returnsShare: msg('退货占比', 'Returns share'),
};

/** Bands must rise in threshold and never fall in points, or a worse value could cost less. */
export function gradingProblem(cfg: GradingConfig): LocalizedText | null {
  for (const key of GRADE_FACTORS) {
    const bands = cfg.bands[key];
    if (bands.length > 10) return msg(`${FACTOR_NAMES[key].zh}：最多 10 档`, `${FACTOR_NAMES[key].en}: at most 10 bands`);
    for (let i = 0; i < bands.length; i++) {
      const b = bands[i]!;
      if (!Number.isFinite(b.over) || !Number.isInteger(b.points) || b.points < 0 || b.points > 100) {
        return msg(`${FACTOR_NAMES[key].zh}：扣分应为 0 到 100 的整数`, `${FACTOR_NAMES[key].en}: points must be whole numbers from 0 to 100`);
      }
      const prev = bands[i - 1];
      if (prev && (b.over <= prev.over || b.points < prev.points)) {
        return msg(`${FACTOR_NAMES[key].zh}：分档阈值应递增，扣分不能递减`, `${FACTOR_NAMES[key].en}: thresholds must increase and points must not decrease`);
      }
    }
  }
  const c = cfg.cuts;
  if (!(c.A <= 100 && c.A > c.B && c.B > c.C && c.C > c.D && c.D > 0)) {
    return msg('等级分数线应满足 100 ≥ A > B > C > D > 0', 'Grade cut-offs must satisfy 100 ≥ A > B > C > D > 0');
  }
  if (cfg.trendWindowDays < 7 || cfg.trendWindowDays > 366 || cfg.lookbackDays < 30 || cfg.lookbackDays > 1830) {
    return msg('趋势窗口应为 7–366 天，回看期应为 30–1830 天', 'The trend window must be 7–366 days and the look-back 30–1830 days');
  }
  return null;
}

/** Everything a grade is computed from (amounts in fen, as of one day). */
export interface GradeInputs {
  exposureFen: number;
  /** The limit in force (null: none set). */
  limitFen: number | null;
  maxDaysOverdue: number;
  overdueFen: number;
  openFen: number;
  /** Net money collected in the look-back window. */
  collectedFen: number;
  /** Average days to collect in the last and the previous window (null: no money in it). */
  daysToCollectLast: number | null;
  daysToCollectPrev: number | null;
  brokenPromises: number;
  salesFen: number;
  returnsFen: number;
}

export interface FactorResult {
  key: GradeFactor;
  /** null: not applicable (no limit, no sales, no collection history). */
  value: number | null;
  points: number;
  /** The threshold of the band that applied (null: none did). */
  over: number | null;
}

export interface GradeResult {
  grade: Grade;
  score: number;
  factors: FactorResult[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const CAP = 999.9;

export function factorValue(key: GradeFactor, i: GradeInputs): number | null {
  switch (key) {
    case 'limitUsed':
      if (i.limitFen === null) return null;
      if (i.limitFen <= 0) return i.exposureFen > 0 ? CAP : 0;
      return Math.min(CAP, round1((i.exposureFen * 100) / i.limitFen));
    case 'maxDaysOverdue':
      return Math.max(0, i.maxDaysOverdue);
    case 'overdueShare': {
      const base = i.openFen + Math.max(0, i.collectedFen);
      return base > 0 ? Math.min(100, round1((Math.max(0, i.overdueFen) * 100) / base)) : 0;
    }
    case 'collectTrend':
      return i.daysToCollectLast === null || i.daysToCollectPrev === null ? null : round1(i.daysToCollectLast - i.daysToCollectPrev);
    case 'brokenPromises':
      return Math.max(0, i.brokenPromises);
    case 'returnsShare':
      if (i.salesFen <= 0) return i.returnsFen > 0 ? 100 : null;
      return Math.min(CAP, round1((Math.max(0, i.returnsFen) * 100) / i.salesFen));
  }
}

function bandOf(value: number | null, bands: readonly Band[]): Band | null {
  if (value === null) return null;
  let hit: Band | null = null;
  for (const b of bands) if (value > b.over) hit = b;
  return hit;
}

export function gradeOfScore(score: number, cuts: GradingConfig['cuts']): Grade {
  if (score >= cuts.A) return 'A';
  if (score >= cuts.B) return 'B';
  if (score >= cuts.C) return 'C';
  if (score >= cuts.D) return 'D';
  return 'E';
}

/** 0 for A … 4 for E: a higher rank is a worse grade. */
export function gradeRank(g: string | null): number {
  const i = (GRADES as readonly string[]).indexOf(g ?? '');
  return i < 0 ? -1 : i;
}

export function gradeAccount(i: GradeInputs, cfg: GradingConfig = DEFAULT_GRADING): GradeResult {
  const factors = GRADE_FACTORS.map((key): FactorResult => {
    const value = factorValue(key, i);
    const band = bandOf(value, cfg.bands[key]);
    return { key, value, points: band?.points ?? 0, over: band?.over ?? null };
  });
  const score = Math.max(0, 100 - factors.reduce((s, f) => s + f.points, 0));
  return { grade: gradeOfScore(score, cfg.cuts), score, factors };
}

const yuan = (fen: number) => formatFen(fen);

/** A factor's value in words ("105.6%（占用 … / 额度 … 元）"). */
export function describeFactor(f: FactorResult, i: GradeInputs, cfg: GradingConfig = DEFAULT_GRADING): LocalizedText {
  switch (f.key) {
    case 'limitUsed':
      if (f.value === null) return msg('未设额度', 'no limit set');
      if (i.limitFen !== null && i.limitFen <= 0) return msg(`无信用额度，占用 ${yuan(i.exposureFen)} 元`, `no credit, ${yuan(i.exposureFen)} used`);
      return msg(`${f.value}%（占用 ${yuan(i.exposureFen)} / 额度 ${yuan(i.limitFen ?? 0)} 元）`, `${f.value}% (${yuan(i.exposureFen)} used of ${yuan(i.limitFen ?? 0)})`);
    case 'maxDaysOverdue':
      return f.value ? msg(`${f.value} 天`, `${f.value} days`) : msg('无逾期', 'nothing overdue');
    case 'overdueShare':
      return msg(
        `${f.value}%（逾期 ${yuan(i.overdueFen)} 元 ÷ 应收与近 ${cfg.lookbackDays} 天回款之和 ${yuan(i.openFen + Math.max(0, i.collectedFen))} 元）`,
        `${f.value}% (${yuan(i.overdueFen)} overdue of ${yuan(i.openFen)} open + ${yuan(Math.max(0, i.collectedFen))} collected in ${cfg.lookbackDays} days)`,
      );
    case 'collectTrend': {
      if (f.value === null) return msg('回款记录不足，无法比较', 'not enough collections to compare');
      const w = cfg.trendWindowDays;
      const dir = f.value > 0 ? msg(`放慢 ${f.value} 天`, `${f.value} days slower`) : f.value < 0 ? msg(`加快 ${-f.value} 天`, `${-f.value} days faster`) : msg('持平', 'unchanged');
      return msg(`近 ${w} 天平均 ${i.daysToCollectLast} 天，前 ${w} 天 ${i.daysToCollectPrev} 天，${dir.zh}`, `last ${w} days ${i.daysToCollectLast} days on average, the ${w} before ${i.daysToCollectPrev}: ${dir.en}`);
    }
    case 'brokenPromises':
      return f.value ? msg(`近 ${cfg.lookbackDays} 天有 ${f.value} 期回款逾期支付或仍未付`, `${f.value} instalments due in the last ${cfg.lookbackDays} days paid late or still unpaid`) : msg('按期回款', 'paid on time');
    case 'returnsShare':
      if (f.value === null) return msg(`近 ${cfg.lookbackDays} 天无销售`, `no sales in the last ${cfg.lookbackDays} days`);
      return msg(`${f.value}%（退货 ${yuan(i.returnsFen)} / 销售 ${yuan(i.salesFen)} 元）`, `${f.value}% (${yuan(i.returnsFen)} returned of ${yuan(i.salesFen)} sold)`);
  }
}

/** One line per factor: name, value in words, and what it cost ("−12 分" or "不扣分"). */
export function explainFactor(f: FactorResult, i: GradeInputs, cfg: GradingConfig = DEFAULT_GRADING): LocalizedText {
  const d = describeFactor(f, i, cfg);
  const cost = f.points > 0 ? msg(`−${f.points} 分（超过 ${f.over}）`, `−${f.points} points (over ${f.over})`) : msg('不扣分', 'no points off');
  return msg(`${FACTOR_NAMES[f.key].zh}：${d.zh}，${cost.zh}`, `${FACTOR_NAMES[f.key].en}: ${d.en}, ${cost.en}`);
}

/** The summary line: grade, score and every factor that cost points. */
export function explainGrade(r: GradeResult): LocalizedText {
  const moved = r.factors.filter((f) => f.points > 0);
  if (moved.length === 0) return msg(`${r.grade} 级（${r.score} 分）：各项均未扣分`, `Grade ${r.grade} (${r.score}): no factor cost points`);
  return msg(
    `${r.grade} 级（${r.score} 分）：${moved.map((f) => `${FACTOR_NAMES[f.key].zh} −${f.points}`).join('，')}`,
    `Grade ${r.grade} (${r.score}): ${moved.map((f) => `${FACTOR_NAMES[f.key].en} −${f.points}`).join(', ')}`,
  );
}
