/**
 * Calendar dates are ISO strings (YYYY-MM-DD) with no time zone; timestamps are epoch milliseconds.
 * Day arithmetic goes through UTC midnight so that daylight-saving changes never shift a date.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * Bulk work (a reclaim run over 100,000 accounts) converts the same few thousand dates over and over,
 * and each conversion builds a Date: both directions are remembered, up to this many entries.
 */
const MEMO_LIMIT = 50_000;
const dayOf = new Map<IsoDate, number>();
const dateOf = new Map<number, IsoDate>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Days since 1970-01-01 for an ISO date. */
export function toDayNumber(date: IsoDate): number {
  const known = dayOf.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return remember(dayOf, date, Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS));
}

export function fromDayNumber(day: number): IsoDate {
  return dateOf.get(day) ?? remember(dateOf, day, new Date(day * DAY_MS).toISOString().slice(0, 10));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** b − a in whole days (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const lastDay = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The calendar date of a timestamp in a time zone (default: the machine's). */
export function isoDateOf(ms: number, timeZone?: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  return parts;
}

/** "2026-10" for a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
