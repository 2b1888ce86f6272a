import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { elapsedDays, isPeriodText, monthsOf, parsePeriodKey, periodContaining, periodDays, periodLabel, periodToDateEnd, previousPeriod, resolvePeriod, shiftPeriod } from './periods';

describe('periods', () => {
  it('parses canonical keys', () => {
    expect(parsePeriodKey('2026-10')).toEqual({ kind: 'month', key: '2026-10', start: '2026-10-01', end: '2026-10-31' });
    expect(parsePeriodKey('2024-02')?.end).toBe('2024-02-29');
    expect(parsePeriodKey('2026-Q3')).toEqual({ kind: 'quarter', key: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriodKey('2026-q1')?.key).toBe('2026-Q1');
    expect(parsePeriodKey('2026')).toEqual({ kind: 'year', key: '2026', start: '2026-01-01', end: '2026-12-31' });
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1', 'last month', '', '0999']) expect(parsePeriodKey(bad)).toBeNull();
  });

  it('resolves relative words against today', () => {
    const today = '2026-11-23';
    expect(resolvePeriod('last-month', today)?.key).toBe('2026-10');
    expect(resolvePeriod('this-month', today)?.key).toBe('2026-11');
    expect(resolvePeriod('this-quarter', today)?.key).toBe('2026-Q4');
    expect(resolvePeriod('last-quarter', today)?.key).toBe('2026-Q3');
    expect(resolvePeriod('this-year', today)?.key).toBe('2026');
    expect(resolvePeriod('last-year', today)?.key).toBe('2025');
    expect(resolvePeriod('last-month', '2026-01-05')?.key).toBe('2025-12');
    expect(resolvePeriod('last-quarter', '2026-02-01')?.key).toBe('2025-Q4');
    expect(resolvePeriod('2026-Q3', today)?.start).toBe('2026-07-01');
    expect(resolvePeriod('yesterday', today)).toBeNull();
    expect(isPeriodText('LAST-MONTH')).toBe(true);
    expect(isPeriodText('next-month')).toBe(false);
  });

  it('shifts across year ends', () => {
    expect(previousPeriod(parsePeriodKey('2026-01')!).key).toBe('2025-12');
    expect(previousPeriod(parsePeriodKey('2026-Q1')!).key).toBe('2025-Q4');
    expect(shiftPeriod(parsePeriodKey('2026-Q4')!, 1).key).toBe('2027-Q1');
    expect(shiftPeriod(parsePeriodKey('2026-11')!, -13).key).toBe('2025-10');
  });

  it('lists months and counts days', () => {
    expect(monthsOf(parsePeriodKey('2026-Q3')!)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOf(parsePeriodKey('2026')!)).toHaveLength(12);
    expect(periodDays(parsePeriodKey('2024')!)).toBe(366);
    const q4 = parsePeriodKey('2026-Q4')!;
    expect(elapsedDays(q4, '2026-09-30')).toBe(0);
    expect(elapsedDays(q4, '2026-10-01')).toBe(1);
    expect(elapsedDays(q4, '2026-11-23')).toBe(54);
    expect(elapsedDays(q4, '2027-03-01')).toBe(92);
    expect(periodToDateEnd(q4, '2026-11-23')).toBe('2026-11-23');
    expect(periodToDateEnd(q4, '2027-01-01')).toBe('2026-12-31');
    expect(periodLabel(q4)).toBe('2026年第4季度');
    expect(periodLabel(parsePeriodKey('2026-03')!)).toBe('2026年3月');
    expect(periodLabel(q4, 'en')).toBe('2026 Q4');
  });

  it('contains the date it was made from, and shifting there and back is identity', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('month', 'quarter', 'year' as const), fc.integer({ min: -30, max: 30 }), (d, kind, n) => {
        const p = periodContaining(kind, d);
        expect(p.start <= d && d <= p.end).toBe(true);
        expect(shiftPeriod(shiftPeriod(p, n), -n)).toEqual(p);
        expect(parsePeriodKey(p.key)).toEqual(p);
      }),
    );
  });
});
