/** Number formats and value conversion per column kind, shared by the xlsx and csv writers. */
import { formatFen } from '../../../../shared/domain/money';
import { epochToZoned, wallClockUtcMs } from '../../../../shared/domain/zoned-time';
import type { ColumnKind } from './sheet-spec';

export const NUM_FMT: Record<ColumnKind, string | undefined> = {
  text: '@',
  money: '#,##0.00',
  int: '#,##0',
  number: '#,##0.##',
  hours: '#,##0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  bool: undefined,
};

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (in the 1900 date system, counting its fictitious leap day). */
const EXCEL_EPOCH_DAYS = 25_569;

export function isoDateToSerial(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS + EXCEL_EPOCH_DAYS;
}

export function epochToSerial(ms: number, timeZone: string): number {
  return wallClockUtcMs(ms, timeZone) / DAY_MS + EXCEL_EPOCH_DAYS;
}

/** A value as it goes into an xlsx cell (numbers for money/dates, text for the rest). */
export function xlsxValue(kind: ColumnKind, v: string | number | boolean | null | undefined, timeZone: string): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'money':
      return typeof v === 'number' ? v / 100 : String(v);
    case 'int':
    case 'number':
    case 'hours':
    case 'percent':
      return typeof v === 'number' ? v : String(v);
    case 'date':
      return typeof v === 'string' ? (isoDateToSerial(v) ?? v) : typeof v === 'number' ? epochToSerial(v, timeZone) : null;
    case 'datetime':
      return typeof v === 'number' ? epochToSerial(v, timeZone) : String(v);
    case 'bool':
      return v === true || v === 1 ? '是' : v === false || v === 0 ? '否' : String(v);
    case 'text':
      return typeof v === 'string' ? v : String(v);
  }
}

/** A value as CSV text / number (money as plain yuan with two decimals, ratios as "85.3%"). */
export function csvValue(kind: ColumnKind, v: string | number | boolean | null | undefined, timeZone: string): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'money':
      return typeof v === 'number' ? formatFen(v, { grouping: false }) : String(v);
    case 'percent':
      return typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v);
    case 'int':
    case 'number':
      return typeof v === 'number' ? v : String(v);
    case 'hours':
      return typeof v === 'number' ? Number(v.toFixed(1)) : String(v);
    case 'date':
      return typeof v === 'number' ? epochToZoned(v, timeZone).date : String(v).slice(0, 10);
    case 'datetime': {
      if (typeof v !== 'number') return String(v);
      const z = epochToZoned(v, timeZone);
      return `${z.date} ${z.time}`;
    }
    case 'bool':
      return v === true || v === 1 ? '是' : v === false || v === 0 ? '否' : String(v);
    case 'text':
      return typeof v === 'string' ? v : String(v);
  }
}
