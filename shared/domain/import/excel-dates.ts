import { fromDayNumber, toDayNumber, type IsoDate } from '../dates';

/**
 * Excel stores dates as day serials. The 1900 system (Windows default) counts 1 = 1900-01-01 and keeps
 * Lotus 1-2-3's fictitious 1900-02-29 as serial 60, so serials from 61 on are one day "ahead" of a
 * true count; the 1904 system (old Mac Excel, workbookPr date1904) counts 0 = 1904-01-01.
 */
export type DateSystem = 1900 | 1904;

/** Day number (days since 1970-01-01) of serial 0 in each system, for serials past the 1900 leap bug. */
const EPOCH_1900 = -25569; // 1899-12-30
const EPOCH_1904 = -24107; // 1904-01-01
/** 9999-12-31, the last date Excel can show. */
export const MAX_SERIAL_1900 = 2958465;

export type SerialProblem = 'fictitious' | 'range';

/** The calendar date of a serial (the time of day is dropped); a problem when there is none. */
export function serialToIsoDate(serial: number, system: DateSystem): { date: IsoDate } | { problem: SerialProblem } {
  if (!Number.isFinite(serial)) return { problem: 'range' };
  // Excel keeps time to the millisecond; rounding first stops 45000.99999999999 from losing a day.
  const day = Math.floor(Math.round(serial * 86_400_000) / 86_400_000);
  if (system === 1904) {
    if (day < 0 || day > MAX_SERIAL_1900 - 1462) return { problem: 'range' };
    return { date: fromDayNumber(EPOCH_1904 + day) };
  }
  if (day < 1 || day > MAX_SERIAL_1900) return { problem: 'range' };
  if (day === 60) return { problem: 'fictitious' };
  return { date: fromDayNumber(day < 60 ? EPOCH_1900 + day + 1 : EPOCH_1900 + day) };
}

/** The serial Excel would store for a date (the inverse of serialToIsoDate). */
export function isoDateToSerial(date: IsoDate, system: DateSystem): number {
  const day = toDayNumber(date);
  if (system === 1904) return day - EPOCH_1904;
  const serial = day - EPOCH_1900;
  return serial <= 60 ? serial - 1 : serial;
}
