import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTimeOfDay, isoWeekday, nextRunAfter, runsOn, type ScheduleSpec } from './schedule';

const at = (date: string, time: string) => ({ date, time });

describe('schedule', () => {
  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('runs daily later the same day or the next day', () => {
    const s: ScheduleSpec = { kind: 'daily', time: '08:00' };
    expect(nextRunAfter(s, at('2026-11-23', '07:59'))).toEqual(at('2026-11-23', '08:00'));
    expect(nextRunAfter(s, at('2026-11-23', '08:00'))).toEqual(at('2026-11-24', '08:00'));
    expect(nextRunAfter(s, at('2026-12-31', '23:00'))).toEqual(at('2027-01-01', '08:00'));
  });

  it('skips weekends for weekdays', () => {
    const s: ScheduleSpec = { kind: 'weekdays', time: '07:30' };
    expect(nextRunAfter(s, at('2026-11-27', '09:00'))).toEqual(at('2026-11-30', '07:30'));
    expect(nextRunAfter(s, at('2026-11-28', '06:00'))).toEqual(at('2026-11-30', '07:30'));
  });

  it('runs weekly on the chosen weekday', () => {
    const s: ScheduleSpec = { kind: 'weekly', time: '09:00', weekday: 5 };
    expect(nextRunAfter(s, at('2026-11-23', '10:00'))).toEqual(at('2026-11-27', '09:00'));
    expect(nextRunAfter(s, at('2026-11-27', '09:00'))).toEqual(at('2026-12-04', '09:00'));
  });

  it('runs monthly, on the last day when the month is short', () => {
    const s: ScheduleSpec = { kind: 'monthly', time: '06:00', monthDay: 31 };
    expect(nextRunAfter(s, at('2026-01-31', '07:00'))).toEqual(at('2026-02-28', '06:00'));
    expect(nextRunAfter(s, at('2028-02-01', '00:00'))).toEqual(at('2028-02-29', '06:00'));
    expect(nextRunAfter(s, at('2026-04-15', '00:00'))).toEqual(at('2026-04-30', '06:00'));
    expect(nextRunAfter(s, at('2026-04-30', '06:00'))).toEqual(at('2026-05-31', '06:00'));
    const first: ScheduleSpec = { kind: 'monthly', time: '06:00', monthDay: 1 };
    expect(nextRunAfter(first, at('2026-12-01', '06:01'))).toEqual(at('2027-01-01', '06:00'));
    expect(runsOn({ kind: 'monthly', time: '06:00', monthDay: 30 }, '2026-02-28')).toBe(true);
  });

  it('is always strictly later and on a day the schedule runs', () => {
    const spec = fc.record({
      kind: fc.constantFrom('daily', 'weekdays', 'weekly', 'monthly' as const),
      time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      weekday: fc.integer({ min: 1, max: 7 }),
      monthDay: fc.integer({ min: 1, max: 31 }),
    });
    const moment = fc.tuple(fc.integer({ min: 18_000, max: 25_000 }), fc.integer({ min: 0, max: 1439 })).map(([d, m]) => at(new Date(d * 86_400_000).toISOString().slice(0, 10), `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`));
    fc.assert(
      fc.property(spec, moment, (s, after) => {
        const next = nextRunAfter(s, after);
        expect(next.date > after.date || (next.date === after.date && next.time > after.time)).toBe(true);
        expect(runsOn(s, next.date)).toBe(true);
        expect(next.time).toBe(s.time);
      }),
    );
  });

  it('validates times of day', () => {
    expect(isTimeOfDay('08:00')).toBe(true);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeOfDay('8:00')).toBe(false);
  });
});
