import { describe, expect, it } from 'vitest';
import { type WorkCalendar, DEFAULT_WORK_CALENDAR, addWorkingMs, calendarProblem, isWorkingDay, localDateOf, localToEpoch, workingMinutesBetween } from './work-calendar';

/** Beijing time → epoch ms. */
const t = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const H = 60;

/** 2025 国庆/中秋: 10-01 … 10-08 off; Sunday 09-28 and Saturday 10-11 are 调休 workdays. */
const cn2025: WorkCalendar = {
  ...DEFAULT_WORK_CALENDAR,
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeupWorkdays: ['2025-09-28', '2025-10-11'],
};

describe('work calendar', () => {
  it('knows working days: weekdays, holidays and 调休', () => {
    expect(isWorkingDay(cn2025, '2025-09-26')).toBe(true); // Friday
    expect(isWorkingDay(cn2025, '2025-09-27')).toBe(false); // Saturday
    expect(isWorkingDay(cn2025, '2025-09-28')).toBe(true); // Sunday, 调休
    expect(isWorkingDay(cn2025, '2025-10-01')).toBe(false); // Wednesday, holiday
    expect(isWorkingDay(cn2025, '2025-10-11')).toBe(true); // Saturday, 调休
  });

  it('counts working minutes within a day, skipping lunch', () => {
    expect(workingMinutesBetween(cn2025, t('2025-09-22 10:00'), t('2025-09-22 14:00'))).toBe(3 * H);
    expect(workingMinutesBetween(cn2025, t('2025-09-22 12:10'), t('2025-09-22 12:50'))).toBe(0);
    expect(workingMinutesBetween(cn2025, t('2025-09-22 07:00'), t('2025-09-22 20:00'))).toBe(8 * H);
    expect(workingMinutesBetween(cn2025, t('2025-09-22 14:00'), t('2025-09-22 10:00'))).toBe(0);
  });

  it('skips the weekend', () => {
    expect(workingMinutesBetween(cn2025, t('2025-09-19 17:00'), t('2025-09-22 10:00'))).toBe(2 * H);
    expect(addWorkingMs(cn2025, t('2025-09-20 10:00'), H * 60_000)).toBe(t('2025-09-22 10:00'));
  });

  it('works on a 调休 Sunday', () => {
    // Friday 17:00 + 4 h: 1 h on Friday, none on Saturday, 3 h on the make-up Sunday → Sunday 12:00.
    expect(addWorkingMs(cn2025, t('2025-09-26 17:00'), 4 * H * 60_000)).toBe(t('2025-09-28 12:00'));
    expect(workingMinutesBetween(cn2025, t('2025-09-26 17:00'), t('2025-09-28 12:00'))).toBe(4 * H);
  });

  it('skips public holidays and counts the 调休 Saturday after them', () => {
    // Tuesday 09-30 17:00 + 2 h: 1 h, then the whole holiday week off, then Thursday 10-09 09:00–10:00.
    expect(addWorkingMs(cn2025, t('2025-09-30 17:00'), 2 * H * 60_000)).toBe(t('2025-10-09 10:00'));
    expect(workingMinutesBetween(cn2025, t('2025-09-30 09:00'), t('2025-10-12 09:00'))).toBe(8 * H * 4); // 09-30, 10-09, 10-10, 10-11
  });

  it('lands on the end of a period, not the start of the next, when the time runs out exactly', () => {
    expect(addWorkingMs(cn2025, t('2025-09-22 09:00'), 3 * H * 60_000)).toBe(t('2025-09-22 12:00'));
    expect(addWorkingMs(cn2025, t('2025-09-22 09:00'), 3 * H * 60_000 + 1)).toBe(t('2025-09-22 13:00') + 1);
    expect(addWorkingMs(cn2025, t('2025-09-22 09:00'), 0)).toBe(t('2025-09-22 09:00'));
  });

  it('follows the calendar time zone, across a DST change', () => {
    const ny: WorkCalendar = { timeZone: 'America/New_York', weekdays: [1, 2, 3, 4, 5], periods: [{ start: '09:00', end: '17:00' }], holidays: [], makeupWorkdays: [] };
    // Friday 2025-10-31 16:00 EDT (UTC−4) to Monday 2025-11-03 10:00 EST (UTC−5): 1 h + 1 h.
    const a = Date.parse('2025-10-31T16:00:00-04:00');
    const b = Date.parse('2025-11-03T10:00:00-05:00');
    expect(workingMinutesBetween(ny, a, b)).toBe(2 * H);
    expect(localToEpoch('2025-11-03', 9 * 60, 'America/New_York')).toBe(Date.parse('2025-11-03T09:00:00-05:00'));
    expect(localDateOf(Date.parse('2025-11-03T02:00:00Z'), 'America/New_York')).toBe('2025-11-02');
  });

  it('checks a calendar', () => {
    expect(calendarProblem(cn2025)).toBeNull();
    expect(calendarProblem({ ...cn2025, timeZone: 'Mars/Olympus' })?.en).toMatch(/Unknown time zone/);
    expect(calendarProblem({ ...cn2025, periods: [{ start: '13:00', end: '12:00' }] })?.en).toMatch(/must end after/);
    expect(calendarProblem({ ...cn2025, periods: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '18:00' }] })?.en).toMatch(/overlap/);
    expect(calendarProblem({ ...cn2025, periods: [{ start: '9:00', end: '12:00' }] })?.en).toMatch(/HH:MM/);
    expect(calendarProblem({ ...cn2025, weekdays: [0] })).not.toBeNull();
    expect(calendarProblem({ ...cn2025, holidays: ['2025-02-30'] })?.en).toMatch(/not a valid date/);
    expect(calendarProblem({ ...cn2025, makeupWorkdays: ['2025-10-01'] })?.en).toMatch(/both a holiday/);
  });
});
