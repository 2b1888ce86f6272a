/**
 * Wall-clock time in a named time zone (the settings' zone, Asia/Shanghai by default) ↔ epoch ms.
 * Reports cut periods at local midnight and schedules run at a local hour, whatever the machine's zone.
 */
import type { IsoDate } from './dates';

export interface LocalDateTime {
  date: IsoDate;
  /** "HH:MM", 24-hour. */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at that instant (+480 for Asia/Shanghai). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - (ms - (ms % 1000))) / 60_000);
}

/** The instant a local date and time happen in a zone (in a DST gap, the instant just after it). */
export function zonedToEpoch(local: LocalDateTime, timeZone: string): number {
  const [y, mo, d] = local.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = local.time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  const second = guess - zoneOffsetMinutes(first, timeZone) * 60_000;
  return second;
}

export function epochToZoned(ms: number, timeZone: string): LocalDateTime {
  const p = parts(ms, timeZone);
  const pad = (n: number | undefined, w = 2) => String(n ?? 0).padStart(w, '0');
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Local midnight of a date, as epoch ms. */
export function startOfDayMs(date: IsoDate, timeZone: string): number {
  return zonedToEpoch({ date, time: '00:00' }, timeZone);
}

/**
 * An epoch instant as the same wall-clock reading in UTC: spreadsheets have no time zones, so a
 * timestamp is shown as the local time the user lived it.
 */
export function wallClockUtcMs(ms: number, timeZone: string): number {
  return ms + zoneOffsetMinutes(ms, timeZone) * 60_000;
}
