/**
 * Effective targets. A target may be set for a month, a quarter or a year. Each month's effective
 * target comes from the most specific target covering it: the month's own, else its share of the
 * quarter's, else its share of the year's. A quarter's (year's) effective target is its own when set,
 * else the sum of its months. Shares are exact integer splits (splitFen): evenly, or by the company's
 * seasonality profile (12 monthly weights).
 */
import { splitFen } from './money';
import { monthsOf, parsePeriodKey, type Period } from './periods';

export type TargetSplit = 'even' | 'seasonal';

export interface TargetEntry {
  /** "2026-10", "2026-Q3" or "2026". */
  period: string;
  value: number;
  split: TargetSplit;
}

export const EVEN_SEASONALITY: readonly number[] = Array.from({ length: 12 }, () => 1);

function weightsFor(months: string[], split: TargetSplit, seasonality: readonly number[]): number[] {
  if (split === 'even') return months.map(() => 1);
  const w = months.map((m) => Math.max(0, seasonality[Number(m.slice(5, 7)) - 1] ?? 1));
  return w.some((x) => x > 0) ? w : months.map(() => 1);
}

/** Each month's share of a quarter or year target. */
export function splitTarget(period: Period, value: number, split: TargetSplit, seasonality: readonly number[] = EVEN_SEASONALITY): Map<string, number> {
  const months = monthsOf(period);
  const parts = splitFen(value, weightsFor(months, split, seasonality));
  return new Map(months.map((m, i) => [m, parts[i] ?? 0]));
}

/** The effective target of each month of a period (null: no target covers that month). */
export function monthlyTargets(period: Period, entries: readonly TargetEntry[], seasonality: readonly number[] = EVEN_SEASONALITY): Map<string, number | null> {
  const byKey = new Map(entries.map((e) => [e.period, e]));
  const shares = new Map<string, Map<string, number>>();
  const shareOf = (key: string, month: string): number | null => {
    const e = byKey.get(key);
    if (!e) return null;
    let s = shares.get(key);
    if (!s) {
      s = splitTarget(parsePeriodKey(key)!, e.value, e.split, seasonality);
      shares.set(key, s);
    }
    return s.get(month) ?? null;
  };
  const out = new Map<string, number | null>();
  for (const month of monthsOf(period)) {
    const year = month.slice(0, 4);
    const quarter = `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    out.set(month, byKey.get(month)?.value ?? shareOf(quarter, month) ?? shareOf(year, month));
  }
  return out;
}

/** The effective target of a period: its own when set, else the sum of its months (null when none is set). */
export function effectiveTarget(period: Period, entries: readonly TargetEntry[], seasonality: readonly number[] = EVEN_SEASONALITY): number | null {
  const own = entries.find((e) => e.period === period.key);
  if (own) return own.value;
  let sum: number | null = null;
  for (const v of monthlyTargets(period, entries, seasonality).values()) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}
