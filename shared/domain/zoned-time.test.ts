import { describe, expect, it } from 'vitest';
import { epochToZoned, startOfDayMs, wallClockUtcMs, zoneOffsetMinutes, zonedToEpoch } from './zoned-time';

describe('zoned time', () => {
  it('converts Shanghai wall-clock time to epoch and back', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-11-23T02:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(startOfDayMs('2026-11-23', 'Asia/Shanghai')).toBe(Date.parse('2026-11-22T16:00:00Z'));
    expect(zonedToEpoch({ date: '2026-01-01', time: '08:30' }, 'Asia/Shanghai')).toBe(Date.parse('2026-01-01T00:30:00Z'));
    expect(epochToZoned(Date.parse('2026-12-31T16:05:00Z'), 'Asia/Shanghai')).toEqual({ date: '2027-01-01', time: '00:05' });
    expect(wallClockUtcMs(Date.parse('2026-11-23T02:00:00Z'), 'Asia/Shanghai')).toBe(Date.parse('2026-11-23T10:00:00Z'));
  });

  it('handles daylight saving zones', () => {
    // Berlin: 2026-03-29 02:00 does not exist (clocks jump to 03:00); 2026-10-25 has 25 hours.
    expect(zonedToEpoch({ date: '2026-07-01', time: '09:00' }, 'Europe/Berlin')).toBe(Date.parse('2026-07-01T07:00:00Z'));
    expect(zonedToEpoch({ date: '2026-01-15', time: '09:00' }, 'Europe/Berlin')).toBe(Date.parse('2026-01-15T08:00:00Z'));
    const gap = zonedToEpoch({ date: '2026-03-29', time: '02:30' }, 'Europe/Berlin');
    expect(epochToZoned(gap, 'Europe/Berlin').date).toBe('2026-03-29');
    expect(startOfDayMs('2026-10-26', 'Europe/Berlin') - startOfDayMs('2026-10-25', 'Europe/Berlin')).toBe(25 * 3_600_000);
  });
});
