import { describe, expect, it } from 'vitest';
import { attainment, attainmentBand, attainmentRatio, periodToDateTarget, runRateForecast } from './attainment';
import { parsePeriodKey } from './periods';
import { monthlyTargets } from './target-split';

const P = (k: string) => parsePeriodKey(k)!;

describe('attainment', () => {
  it('divides actual by target and flags a missing target', () => {
    expect(attainmentRatio(80, 100)).toBe(0.8);
    expect(attainmentRatio(80, null)).toBeNull();
    expect(attainmentRatio(80, 0)).toBeNull();
  });

  it('bands at 80 % and 100 %', () => {
    expect([0, 0.7999, 0.8, 0.9999, 1, 1.5].map(attainmentBand)).toEqual(['red', 'red', 'amber', 'amber', 'green', 'green']);
    expect(attainmentBand(null)).toBe('none');
  });

  it('forecasts on the run rate', () => {
    // 2026-11: 30 days; by the 10th, 100 → 300.
    expect(runRateForecast(100, P('2026-11'), '2026-11-10')).toBe(300);
    expect(runRateForecast(100, P('2026-11'), '2026-10-31')).toBeNull();
    expect(runRateForecast(100, P('2026-11'), '2026-12-05')).toBe(100);
  });

  it('prorates the target to date by month targets', () => {
    // Q4 with seasonal months 20k/30k/30k; on 2026-11-15: Oct whole + half of Nov = 20k + 15k.
    const entries = [{ period: '2026-Q4', value: 80_000, split: 'seasonal' as const }];
    const season = [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3];
    const months = monthlyTargets(P('2026-Q4'), entries, season);
    expect(periodToDateTarget(P('2026-Q4'), 80_000, months, '2026-11-15')).toBe(35_000);
    expect(periodToDateTarget(P('2026-Q4'), 80_000, months, '2026-09-01')).toBe(0);
    expect(periodToDateTarget(P('2026-Q4'), 80_000, months, '2027-01-01')).toBe(80_000);
    expect(periodToDateTarget(P('2026-Q4'), null, months, '2026-11-15')).toBeNull();
  });

  it('puts it together (hand-computed)', () => {
    const period = P('2026-11');
    const a = attainment({ actual: 45_000, target: 90_000, monthTargets: new Map([['2026-11', 90_000]]), period, today: '2026-11-15' });
    expect(a).toEqual({ actual: 45_000, target: 90_000, ratio: 0.5, ptdTarget: 45_000, ptdRatio: 1, forecast: 90_000, forecastRatio: 1, targetSet: true, band: 'red' });
    const none = attainment({ actual: 5, target: null, monthTargets: new Map(), period, today: '2026-11-15' });
    expect(none.targetSet).toBe(false);
    expect(none.ratio).toBeNull();
    expect(none.forecast).toBe(10);
  });
});
