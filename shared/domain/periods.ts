/**
 * Report and target periods: a month ("2026-10"), a quarter ("2026-Q3") or a year ("2026"), and the
 * relative words managers schedule with ("last-month", "this-quarter" …) resolved against today.
 * Every period is a closed range of ISO dates.
 */
import { addDays, diffDays, type IsoDate } from './dates';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** The canonical key: "2026-10", "2026-Q3" or "2026". */
  key: string;
  start: IsoDate;
  end: IsoDate;
}

export const RELATIVE_PERIODS = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year', 'last-year'] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/i;
const YEAR_KEY = /^(\d{4})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', key: `${year}-${pad2(month)}`, start: `${year}-${pad2(month)}-01`, end: `${year}-${pad2(month)}-${pad2(lastDayOfMonth(year, month))}` };
}

function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { kind: 'quarter', key: `${year}-Q${quarter}`, start: `${year}-${pad2(first)}-01`, end: `${year}-${pad2(first + 2)}-${pad2(lastDayOfMonth(year, first + 2))}` };
}

function yearPeriod(year: number): Period {
  return { kind: 'year', key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
}

/** A canonical period key ("2026-10", "2026-Q3", "2026") → the period; null when it is not one. */
export function parsePeriodKey(key: string): Period | null {
  const text = key.trim();
  let m = MONTH_KEY.exec(text);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  m = QUARTER_KEY.exec(text);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = YEAR_KEY.exec(text);
  if (m && Number(m[1]) >= 1900) return yearPeriod(Number(m[1]));
  return null;
}

/** The period of a kind that contains a date. */
export function periodContaining(kind: PeriodKind, date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return monthPeriod(year, month);
  if (kind === 'quarter') return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
  return yearPeriod(year);
}

/** The period n steps away (n = −1: the previous one) of the same kind. */
export function shiftPeriod(p: Period, n: number): Period {
  const year = Number(p.start.slice(0, 4));
  const month = Number(p.start.slice(5, 7));
  if (p.kind === 'year') return yearPeriod(year + n);
  const step = p.kind === 'month' ? 1 : 3;
  const total = year * 12 + (month - 1) + n * step;
  const y = Math.floor(total / 12);
  const mo = total - y * 12 + 1;
  return p.kind === 'month' ? monthPeriod(y, mo) : quarterPeriod(y, Math.floor((mo - 1) / 3) + 1);
}

export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

/**
 * A canonical key or a relative word, resolved against today; null when the text is neither.
 * "this-quarter" is the whole quarter: reports of it run to date, so they read as "quarter to date".
 */
export function resolvePeriod(text: string, today: IsoDate): Period | null {
  const word = text.trim().toLowerCase();
  switch (word) {
    case 'this-month':
      return periodContaining('month', today);
    case 'last-month':
      return previousPeriod(periodContaining('month', today));
    case 'this-quarter':
      return periodContaining('quarter', today);
    case 'last-quarter':
      return previousPeriod(periodContaining('quarter', today));
    case 'this-year':
      return periodContaining('year', today);
    case 'last-year':
      return previousPeriod(periodContaining('year', today));
  }
  return parsePeriodKey(text);
}

/** Whether text is something resolvePeriod understands (for input validation). */
export function isPeriodText(text: string): boolean {
  return (RELATIVE_PERIODS as readonly string[]).includes(text.trim().toLowerCase()) || parsePeriodKey(text) !== null;
}

/** The month keys ("2026-07", …) a period covers, in order. */
export function monthsOf(p: Period): string[] {
  if (p.kind === 'month') return [p.key];
  const first = periodContaining('month', p.start);
  const count = p.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => shiftPeriod(first, i).key);
}

/** The quarters of a year, or the period itself for a quarter. */
export function quartersOf(p: Period): Period[] {
  if (p.kind === 'month') return [];
  if (p.kind === 'quarter') return [p];
  const year = Number(p.key);
  return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
}

export function periodDays(p: Period): number {
  return diffDays(p.start, p.end) + 1;
}

/** Days of the period on or before today: 0 before it starts, all of them once it has ended. */
export function elapsedDays(p: Period, today: IsoDate): number {
  if (today < p.start) return 0;
  if (today >= p.end) return periodDays(p);
  return diffDays(p.start, today) + 1;
}

/** The last day that has data so far: the period end, or today while the period runs. */
export function periodToDateEnd(p: Period, today: IsoDate): IsoDate {
  return today < p.end ? (today < p.start ? addDays(p.start, -1) : today) : p.end;
}

export function periodLabel(p: Period, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const year = p.start.slice(0, 4);
  const month = Number(p.start.slice(5, 7));
  if (lang === 'en') {
    if (p.kind === 'month') return p.key;
    if (p.kind === 'quarter') return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
    return year;
  }
  if (p.kind === 'month') return `${year}年${month}月`;
  if (p.kind === 'quarter') return `${year}年第${Math.floor((month - 1) / 3) + 1}季度`;
  return `${year}年`;
}
