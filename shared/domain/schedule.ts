/**
 * When a scheduled export runs next. Pure calendar arithmetic on local dates and times; the caller
 * converts to and from epoch ms in the settings' time zone.
 */
import { addDays, type IsoDate } from './dates';
import type { LocalDateTime } from './zoned-time';

export const SCHEDULE_KINDS = ['daily', 'weekdays', 'weekly', 'monthly'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface ScheduleSpec {
  kind: ScheduleKind;
  /** Local time of day, "HH:MM". */
  time: string;
  /** weekly: ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday?: number | null;
  /** monthly: day of the month 1–31; a month without that day runs on its last day. */
  monthDay?: number | null;
}

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function lastDayOfMonth(date: IsoDate): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether the schedule has a run on this date. */
export function runsOn(spec: ScheduleSpec, date: IsoDate): boolean {
  switch (spec.kind) {
    case 'daily':
      return true;
    case 'weekdays':
      return isoWeekday(date) <= 5;
    case 'weekly':
      return isoWeekday(date) === (spec.weekday ?? 1);
    case 'monthly': {
      const want = Math.min(Math.max(1, spec.monthDay ?? 1), lastDayOfMonth(date));
      return Number(date.slice(8, 10)) === want;
    }
  }
}

/** The first run strictly after the given local moment. */
export function nextRunAfter(spec: ScheduleSpec, after: LocalDateTime): LocalDateTime {
  let date = after.date;
  if (!(spec.time > after.time && runsOn(spec, date))) {
    // Every schedule kind has a run within 31 days; 400 is a safe bound.
    for (let i = 0; i < 400; i++) {
      date = addDays(date, 1);
      if (runsOn(spec, date)) break;
    }
  }
  return { date, time: spec.time };
}

export function isTimeOfDay(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}
