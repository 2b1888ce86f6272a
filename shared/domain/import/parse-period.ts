import type { DateSystem } from './excel-dates';
import { parseDateSerial } from './parse-date';
import { toHalfWidth } from './text-clean';

/** Target periods: "2026-10" (month), "2026-Q3" (quarter), "2026" (year), however they are written. */
export type PeriodParse = { ok: true; period: string; kind: 'month' | 'quarter' | 'year' } | { ok: false; code: 'PERIOD_FORMAT'; detail: string };

const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function num(s: string): number {
  return ZH_DIGITS[s] ?? Number(s);
}

export function parsePeriodText(raw: string): PeriodParse {
  const t = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  let m = /^(\d{4})[-/.年]?(?:第)?(?:Q|季度?)?([1-4一二三四])(?:季度|季|Q)$/.exec(t) ?? /^(\d{4})[-/.年]?(?:第)?Q([1-4])$/.exec(t) ?? /^(\d{4})年?第?([1-4一二三四])季度$/.exec(t);
  if (m) return { ok: true, period: `${m[1]}-Q${num(m[2]!)}`, kind: 'quarter' };
  m = /^Q([1-4])[-/ ]?(\d{4})$/.exec(t);
  if (m) return { ok: true, period: `${m[2]}-Q${m[1]}`, kind: 'quarter' };
  m = /^(\d{4})[-/.年](\d{1,2}|十[一二]?|[一二三四五六七八九])月?(?:份)?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (m) {
    const month = num(m[2]!);
    if (month >= 1 && month <= 12) return { ok: true, period: `${m[1]}-${String(month).padStart(2, '0')}`, kind: 'month' };
  }
  m = /^(\d{4})(?:年度?|年全年|全年)?$/.exec(t);
  if (m) return { ok: true, period: m[1]!, kind: 'year' };
  m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return { ok: true, period: `${m[1]}-${String(month).padStart(2, '0')}`, kind: 'month' };
  }
  return { ok: false, code: 'PERIOD_FORMAT', detail: raw };
}

/** A date cell in a period column is the month it falls in. */
export function parsePeriodSerial(serial: number, system: DateSystem): PeriodParse {
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 9999) return { ok: true, period: String(serial), kind: 'year' };
  const d = parseDateSerial(serial, system);
  if (!d.ok) return { ok: false, code: 'PERIOD_FORMAT', detail: String(serial) };
  return { ok: true, period: d.date.slice(0, 7), kind: 'month' };
}
