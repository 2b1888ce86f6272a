import { isIsoDate, type IsoDate } from '../dates';
import { type DateSystem, serialToIsoDate } from './excel-dates';
import { toHalfWidth } from './text-clean';

/**
 * Dates as reps type them: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, 3/1/2024 (Excel en-US),
 * optionally followed by a time, or an Excel serial. Year first is the Chinese order and always wins;
 * with the year last, month/day is read as Excel en-US does unless the first part cannot be a month.
 */
export type DateParse =
  | { ok: true; date: IsoDate; note?: 'serial' | 'ambiguous' | 'two-digit-year' }
  | { ok: false; code: 'DATE_INVALID' | 'DATE_FORMAT' | 'DATE_FICTITIOUS' | 'DATE_RANGE'; detail: string };

const TIME = String.raw`(?:[ T]+\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?|\s*\d{1,2}时(?:\d{1,2}分(?:\d{1,2}秒)?)?)?(?:Z|[+-]\d{2}:?\d{2})?`;
const YMD = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?${TIME}$`);
const DMY_OR_MDY = new RegExp(String.raw`^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})${TIME}$`);
const YMD_SHORT = new RegExp(String.raw`^(\d{2})\s*[年]\s*(\d{1,2})\s*[月]\s*(\d{1,2})\s*[日号]?${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function build(y: number, m: number, d: number, raw: string, note?: 'ambiguous' | 'two-digit-year'): DateParse {
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (m < 1 || m > 12 || d < 1 || d > 31 || !isIsoDate(iso)) return { ok: false, code: 'DATE_INVALID', detail: `${raw} → ${iso}` };
  if (y < 1900 || y > 9999) return { ok: false, code: 'DATE_RANGE', detail: raw };
  return note ? { ok: true, date: iso, note } : { ok: true, date: iso };
}

/** Excel's two-digit year window: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

export function parseDateText(rawText: string, system: DateSystem = 1900): DateParse {
  const raw = toHalfWidth(rawText).trim();
  let m = YMD.exec(raw);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  m = COMPACT.exec(raw);
  if (m) {
    const r = build(Number(m[1]), Number(m[2]), Number(m[3]), raw);
    if (r.ok || Number(m[1]) >= 1900) return r;
  }
  m = YMD_SHORT.exec(raw);
  if (m) return build(fullYear(Number(m[1])), Number(m[2]), Number(m[3]), raw, 'two-digit-year');
  m = DMY_OR_MDY.exec(raw);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const yText = m[3]!;
    const y = yText.length === 2 ? fullYear(Number(yText)) : Number(yText);
    const note = yText.length === 2 ? 'two-digit-year' : a <= 12 && b <= 12 && a !== b ? 'ambiguous' : undefined;
    return a > 12 ? build(y, b, a, raw, note) : build(y, a, b, raw, note);
  }
  // A bare number in a date column: an Excel serial that lost its date format on the way (CSV).
  if (/^\d+(\.\d+)?$/.test(raw)) return parseDateSerial(Number(raw), system);
  return { ok: false, code: 'DATE_FORMAT', detail: raw };
}

export function parseDateSerial(serial: number, system: DateSystem): DateParse {
  // 8-digit integers such as 20240301 are dates typed without separators, not serials (max 2958465).
  if (Number.isInteger(serial) && serial >= 19000101 && serial <= 99991231) {
    const r = parseDateText(String(serial), system);
    if (r.ok) return r;
  }
  const r = serialToIsoDate(serial, system);
  if ('problem' in r) {
    return r.problem === 'fictitious'
      ? { ok: false, code: 'DATE_FICTITIOUS', detail: String(serial) }
      : { ok: false, code: 'DATE_RANGE', detail: String(serial) };
  }
  return { ok: true, date: r.date, note: 'serial' };
}
