import * as XLSX from '@e965/xlsx';
import type { Cell } from './cell';

/**
 * Number formats: which ones are dates, and the text Excel shows for a value (SheetJS's SSF, the
 * formatter that reproduces Excel's own rules, including "General" with its 11-character limit).
 */
interface SsfApi {
  format(fmt: string, value: number | boolean | string, opts?: { date1904?: boolean }): string;
  is_date(fmt: string): boolean;
  get_table(): Record<number, string>;
}

const SSF = XLSX.SSF as SsfApi;
const BUILTIN = SSF.get_table();

/** Chinese-locale built-ins (Excel zh-CN): ids 27–36 and 50–58 are date and time formats there. */
const ZH_BUILTIN: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export function builtinFormat(id: number): string {
  return ZH_BUILTIN[id] ?? BUILTIN[id] ?? 'General';
}

const dateCache = new Map<string, boolean>();

export function isDateFormat(code: string | undefined): boolean {
  if (!code || code === 'General' || code === '@') return false;
  let v = dateCache.get(code);
  if (v === undefined) {
    try {
      v = SSF.is_date(code);
    } catch {
      v = false;
    }
    dateCache.set(code, v);
  }
  return v;
}

/** The text Excel shows for a cell (what a "Save as CSV" writes). */
export function displayText(cell: Cell | null | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.k) {
    case 's':
    case 'e':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    default: {
      const v = cell.v as number;
      try {
        return SSF.format(cell.z ?? 'General', v, { date1904 });
      } catch {
        return String(v);
      }
    }
  }
}
