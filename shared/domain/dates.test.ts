import { describe, expect, it } from 'vitest';
import { addDays, addMonths, diffDays, isIsoDate, isoDateOf, toDayNumber, fromDayNumber } from './dates';

describe('dates', () => {
  it('validates real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });
  it('does day arithmetic across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(diffDays('2025-12-31', '2026-01-31')).toBe(31);
    expect(fromDayNumber(toDayNumber('1970-01-01'))).toBe('1970-01-01');
  });
  it('converts every day the same way, first time or remembered, past the memo limit', () => {
    const start = toDayNumber('1900-01-01');
    const wrong: string[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (let day = start; day < start + 60_000; day++) {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day) wrong.push(iso);
      }
    }
    expect(wrong).toEqual([]);
    expect(() => toDayNumber('2026-1-01')).toThrow(RangeError);
  });
  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
  it('takes the calendar date in a given time zone', () => {
    const ms = Date.UTC(2026, 10, 22, 17, 0); // 2026-11-23 01:00 in Shanghai
    expect(isoDateOf(ms, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(isoDateOf(ms, 'UTC')).toBe('2026-11-22');
  });
});
