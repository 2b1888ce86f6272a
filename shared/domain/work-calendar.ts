import { type LocalizedText, msg } from '../i18n/text';
import { addDays, isIsoDate, type IsoDate } from './dates';

/**
 * 工作日历: when the SLA clock runs. Working days are the chosen weekdays, minus holidays, plus 调休
 * make-up workdays (weekend days that are worked to bridge a public holiday). Each working day has
 * the same periods (e.g. 09:00–12:00 and 13:00–18:00, the gap being lunch), in the calendar's zone.
 */
export interface WorkPeriod {
  start: string;
  end: string;
}

export interface WorkCalendar {
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  periods: WorkPeriod[];
  holidays: IsoDate[];
  makeupWorkdays: IsoDate[];
}

export const DEFAULT_WORK_CALENDAR: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  holidays: [],
  makeupWorkdays: [],
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const MINUTE = 60_000;
const MAX_DAYS = 3660;

export function minuteOfDay(hhmm: string): number {
  if (hhmm === '24:00') return 1440;
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function calendarProblem(cal: WorkCalendar): LocalizedText | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: cal.timeZone });
  } catch {
    return msg(`时区“${cal.timeZone}”无效（例如 Asia/Shanghai）`, `Unknown time zone "${cal.timeZone}" (e.g. Asia/Shanghai)`);
  }
  if (cal.weekdays.length === 0 || cal.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return msg('工作日应为 1（周一）到 7（周日）中的若干天', 'Working weekdays must be some of 1 (Monday) … 7 (Sunday)');
  if (cal.periods.length === 0) return msg('每天至少要有一个工作时段', 'A working day needs at least one working period');
  let prevEnd = -1;
  for (const p of cal.periods) {
    if (!HHMM.test(p.start) || !HHMM.test(p.end)) return msg(`工作时段“${p.start}–${p.end}”应写成 HH:MM`, `Working period "${p.start}–${p.end}" must be written HH:MM`);
    const s = minuteOfDay(p.start);
    const e = minuteOfDay(p.end);
    if (s >= e) return msg(`工作时段 ${p.start}–${p.end} 的结束应晚于开始`, `Working period ${p.start}–${p.end} must end after it starts`);
    if (s < prevEnd) return msg('工作时段应按时间先后排列且不重叠', 'Working periods must be in order and must not overlap');
    prevEnd = e;
  }
  for (const d of [...cal.holidays, ...cal.makeupWorkdays]) {
    if (!isIsoDate(d)) return msg(`日期“${d}”无效（应为 YYYY-MM-DD）`, `"${d}" is not a valid date (YYYY-MM-DD)`);
  }
  const both = cal.holidays.find((d) => cal.makeupWorkdays.includes(d));
  if (both) return msg(`${both} 不能既是假日又是调休上班日`, `${both} cannot be both a holiday and a make-up workday`);
  return null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year!, mo: parts.month!, d: parts.day!, h: parts.hour! % 24, mi: parts.minute!, s: parts.second! };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - whole;
}

/** The calendar date of an instant in a zone. */
export function localDateOf(ms: number, timeZone: string): IsoDate {
  const w = wallClock(ms, timeZone);
  return `${String(w.y).padStart(4, '0')}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** The instant of a local wall-clock time (date + minutes after midnight) in a zone. */
export function localToEpoch(date: IsoDate, minutes: number, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, mo - 1, d, 0, minutes);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function isWorkingDay(cal: WorkCalendar, date: IsoDate): boolean {
  if (cal.makeupWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  return cal.weekdays.includes(isoWeekday(date));
}

const dayCache = new Map<string, [number, number][]>();
/** The working intervals [start, end) of a date as instants; empty on a non-working day. */
export function workingIntervals(cal: WorkCalendar, date: IsoDate): [number, number][] {
  if (!isWorkingDay(cal, date)) return [];
  const key = `${cal.timeZone}|${date}|${cal.periods.map((p) => `${p.start}-${p.end}`).join(',')}`;
  let v = dayCache.get(key);
  if (!v) {
    v = cal.periods.map((p) => [localToEpoch(date, minuteOfDay(p.start), cal.timeZone), localToEpoch(date, minuteOfDay(p.end), cal.timeZone)]);
    if (dayCache.size > 20_000) dayCache.clear();
    dayCache.set(key, v);
  }
  return v;
}

/** Working milliseconds in [a, b). */
export function workingMsBetween(cal: WorkCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  let day = localDateOf(a, cal.timeZone);
  const last = localDateOf(b, cal.timeZone);
  let total = 0;
  for (let i = 0; day <= last && i < 100 * MAX_DAYS; i++) {
    for (const [s, e] of workingIntervals(cal, day)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    day = addDays(day, 1);
  }
  return total;
}

/** The earliest instant at which `ms` working milliseconds have passed since `from`. */
export function addWorkingMs(cal: WorkCalendar, from: number, ms: number): number {
  if (ms <= 0) return from;
  let left = ms;
  let day = localDateOf(from, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const [s, e] of workingIntervals(cal, day)) {
      if (e <= from) continue;
      const start = Math.max(s, from);
      const avail = e - start;
      if (left <= avail) return start + left;
      left -= avail;
    }
    day = addDays(day, 1);
  }
  throw new RangeError('the work calendar has no working time in the next ten years');
}

export function workingMinutesBetween(cal: WorkCalendar, a: number, b: number): number {
  return workingMsBetween(cal, a, b) / MINUTE;
}
