/**
 * 完成率: actual ÷ target, period-to-date and full period, with a run-rate forecast. A target that is
 * missing (or zero) gives no ratio: the sheet says "target not set" rather than inventing 0 % or ∞.
 */
import { elapsedDays, monthsOf, parsePeriodKey, periodDays, type Period } from './periods';

export type AttainmentBand = 'red' | 'amber' | 'green' | 'none';

/** The colour thresholds managers read: red below 80 %, amber below 100 %, green from 100 %. */
export const ATTAINMENT_AMBER_FROM = 0.8;
export const ATTAINMENT_GREEN_FROM = 1;

export function attainmentRatio(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return actual / target;
}

export function attainmentBand(ratio: number | null): AttainmentBand {
  if (ratio === null) return 'none';
  if (ratio < ATTAINMENT_AMBER_FROM) return 'red';
  if (ratio < ATTAINMENT_GREEN_FROM) return 'amber';
  return 'green';
}

/** The full-period figure if the pace so far holds (null before the period starts). */
export function runRateForecast(actual: number, period: Period, today: string): number | null {
  const elapsed = elapsedDays(period, today);
  if (elapsed === 0) return null;
  return Math.round((actual * periodDays(period)) / elapsed);
}

/**
 * The part of the target due by today: whole months that have passed plus the elapsed share of the
 * current month, weighted by the months' own targets (so seasonality carries through). Months without
 * a target weigh by their days.
 */
export function periodToDateTarget(period: Period, target: number | null, monthTargets: ReadonlyMap<string, number | null>, today: string): number | null {
  if (target === null) return null;
  const months = monthsOf(period);
  const weights = months.map((m) => monthTargets.get(m) ?? null);
  const useTargets = weights.some((w) => w !== null && w > 0);
  let due = 0;
  let total = 0;
  for (const [i, m] of months.entries()) {
    const mp = parsePeriodKey(m)!;
    const w = useTargets ? Math.max(0, weights[i] ?? 0) : periodDays(mp);
    total += w;
    due += (w * elapsedDays(mp, today)) / periodDays(mp);
  }
  if (total === 0) return 0;
  return Math.round((target * due) / total);
}

export interface Attainment {
  actual: number;
  target: number | null;
  ratio: number | null;
  ptdTarget: number | null;
  ptdRatio: number | null;
  forecast: number | null;
  forecastRatio: number | null;
  targetSet: boolean;
  band: AttainmentBand;
}

export function attainment(args: { actual: number; target: number | null; monthTargets: ReadonlyMap<string, number | null>; period: Period; today: string }): Attainment {
  const { actual, target, period, today } = args;
  const ptdTarget = periodToDateTarget(period, target, args.monthTargets, today);
  const forecast = runRateForecast(actual, period, today);
  const ratio = attainmentRatio(actual, target);
  return {
    actual,
    target,
    ratio,
    ptdTarget,
    ptdRatio: attainmentRatio(actual, ptdTarget),
    forecast,
    forecastRatio: forecast === null ? null : attainmentRatio(forecast, target),
    targetSet: target !== null,
    band: attainmentBand(ratio),
  };
}
