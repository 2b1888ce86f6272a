import type { FieldSpec } from '../../../../../shared/domain/import/fields';
import { normalizeCreditCode, validateCreditCode } from '../../../../../shared/domain/credit-code';
import { parseAmountNumber, parseAmountText, parsePercentNumber, parsePercentText } from '../../../../../shared/domain/import/parse-amount';
import { parseDateSerial, parseDateText, type DateParse } from '../../../../../shared/domain/import/parse-date';
import { parsePeriodSerial, parsePeriodText } from '../../../../../shared/domain/import/parse-period';
import { parsePhone } from '../../../../../shared/domain/import/parse-phone';
import { numberToIdText, parseIntegerText } from '../../../../../shared/domain/import/parse-scalar';
import { cleanCellText, isNullish, singleLine, toHalfWidth, toHalfWidthText } from '../../../../../shared/domain/import/text-clean';
import { serialToIsoDate } from '../../../../../shared/domain/import/excel-dates';
import type { Cell } from '../read/cell';
import { displayText } from '../read/number-format';
import { issue, type RowIssue } from './issue';

/**
 * One cell → the value of one field, with the issues found on the way. Text is cleaned once here
 * (full-width, invisible characters, trailing TABs); numbers read carefully (IDs written out in full,
 * amounts through exact decimals); dates in the workbook's own date system.
 */
export interface ConvertContext {
  date1904: boolean;
  unitFactor: number;
  col: number;
}

export type Converted = { value: string | number | boolean | null; issues: RowIssue[] };

const E = (code: string, ctx: ConvertContext, f: FieldSpec, raw: string, zh: string, en: string): RowIssue =>
  issue('error', code, ctx.col, f.key, raw, `${f.label.zh}：${zh}`, `${f.label.en}: ${en}`);
const W = (code: string, ctx: ConvertContext, f: FieldSpec, raw: string, zh: string, en: string): RowIssue =>
  issue('warning', code, ctx.col, f.key, raw, `${f.label.zh}：${zh}`, `${f.label.en}: ${en}`);

export function rawText(cell: Cell | null, date1904: boolean): string {
  return cell ? displayText(cell, date1904) : '';
}

/** Text of a cell for text-like fields: numbers as their full digits, dates as ISO. */
function cellText(cell: Cell, ctx: ConvertContext, f: FieldSpec, issues: RowIssue[]): string {
  switch (cell.k) {
    case 's':
      return String(cell.v);
    case 'n': {
      const id = numberToIdText(cell.v as number);
      if (id.note === 'precision') {
        issues.push(W('ID_PRECISION', ctx, f, id.text, `数字 ${id.text} 超过 Excel 的 15 位有效数字，末尾几位可能已在 Excel 中丢失；请把该列设为“文本”后重新录入`, `the number ${id.text} exceeds Excel's 15 significant digits, its last digits may already be lost; format the column as Text and re-enter it`));
      }
      // A zero-padded format ("000123") shows digits the number itself does not have.
      if (cell.z && /^0+$/.test(cell.z)) return displayText(cell, ctx.date1904);
      return id.text;
    }
    case 'd': {
      const d = serialToIsoDate(cell.v as number, ctx.date1904 ? 1904 : 1900);
      return 'date' in d ? d.date : displayText(cell, ctx.date1904);
    }
    case 'b':
      return cell.v ? '是' : '否';
    case 'e':
      return String(cell.v);
  }
}

function dateIssue(r: Extract<DateParse, { ok: false }>, ctx: ConvertContext, f: FieldSpec, raw: string): RowIssue {
  switch (r.code) {
    case 'DATE_INVALID':
      return E('DATE_INVALID', ctx, f, raw, `日期不存在（${r.detail}）`, `no such date (${r.detail})`);
    case 'DATE_FICTITIOUS':
      return E('DATE_INVALID', ctx, f, raw, '序号 60 是 Excel 虚构的 1900-02-29，不是真实日期', 'serial 60 is Excel\'s fictitious 1900-02-29, not a real date');
    case 'DATE_RANGE':
      return E('DATE_RANGE', ctx, f, raw, '日期超出范围（1900–9999 年）', 'date out of range (years 1900–9999)');
    default:
      return E('DATE_FORMAT', ctx, f, raw, '不是日期，应为 2024-03-01、2024/3/1、2024年3月1日 或 20240301', 'not a date; expected 2024-03-01, 2024/3/1, 2024年3月1日 or 20240301');
  }
}

function dateValue(r: DateParse, ctx: ConvertContext, f: FieldSpec, raw: string, issues: RowIssue[]): string | null {
  if (!r.ok) {
    issues.push(dateIssue(r, ctx, f, raw));
    return null;
  }
  if (r.note === 'ambiguous') issues.push(W('DATE_AMBIGUOUS', ctx, f, raw, `按“月/日/年”读作 ${r.date}，请确认`, `read as month/day/year: ${r.date}; please check`));
  if (r.note === 'two-digit-year') issues.push(W('DATE_TWO_DIGIT_YEAR', ctx, f, raw, `两位年份，读作 ${r.date}`, `two-digit year, read as ${r.date}`));
  if (r.note === 'serial') issues.push(W('DATE_SERIAL', ctx, f, raw, `数字按 Excel 日期序号读作 ${r.date}`, `number read as an Excel date serial: ${r.date}`));
  return r.date;
}

interface EnumChoice {
  value: string;
  code: string;
  words: ReadonlySet<string>;
}

/** A field's values with their codes and words lower-cased, worked out once per field (not per cell). */
const enumChoices = new WeakMap<FieldSpec, EnumChoice[]>();

function choicesOf(f: FieldSpec): EnumChoice[] {
  let choices = enumChoices.get(f);
  if (!choices) {
    choices = Object.entries(f.values ?? {}).map(([value, words]) => ({ value, code: value.toLowerCase(), words: new Set(words.map((w) => w.toLowerCase().replace(/\s+/g, ''))) }));
    enumChoices.set(f, choices);
  }
  return choices;
}

/** An enum value by its code or any word for it; exports often write both ("A 重要", "B-一般"). */
export function matchEnum(text: string, f: FieldSpec): string | null {
  const key = toHalfWidth(text).toLowerCase().replace(/[\s\-_·.:：]+/g, '');
  for (const c of choicesOf(f)) {
    if (c.code === key || c.words.has(key)) return c.value;
    if (key.startsWith(c.code) && c.words.has(key.slice(c.code.length))) return c.value;
  }
  return null;
}

export function convertCell(cell: Cell | null, f: FieldSpec, ctx: ConvertContext): Converted {
  const issues: RowIssue[] = [];
  if (!cell) return { value: null, issues };
  const raw = rawText(cell, ctx.date1904);
  if (cell.k === 'e') {
    issues.push(E('CELL_ERROR', ctx, f, raw, `单元格是错误值 ${raw}（公式出错），请在表格中改正`, `the cell holds the error value ${raw} (a failing formula); correct it in the sheet`));
    return { value: null, issues };
  }
  let text = '';
  if (cell.k === 's' || f.type !== 'amount') {
    const cleaned = cleanCellText(cellText(cell, ctx, f, issues));
    if (cleaned.removedControls) issues.push(W('CONTROL_CHARS', ctx, f, raw, '删除了不可见的控制字符', 'removed invisible control characters'));
    text = cleaned.text;
    if (text === '' || (f.type !== 'longText' && isNullish(text))) return { value: null, issues };
  }
  switch (f.type) {
    case 'text':
    case 'ref':
    case 'code': {
      const v = f.type === 'code' ? toHalfWidth(singleLine(text)).replace(/\s+/g, '') : toHalfWidthText(singleLine(text));
      if (f.max && v.length > f.max) {
        issues.push(E('TOO_LONG', ctx, f, raw, `超过 ${f.max} 个字符`, `longer than ${f.max} characters`));
        return { value: null, issues };
      }
      return { value: v, issues };
    }
    case 'longText': {
      if (f.max && text.length > f.max) {
        issues.push(E('TOO_LONG', ctx, f, raw, `超过 ${f.max} 个字符`, `longer than ${f.max} characters`));
        return { value: null, issues };
      }
      return { value: text, issues };
    }
    case 'creditCode': {
      const code = normalizeCreditCode(text);
      const problem = validateCreditCode(code);
      if (problem) {
        const why = { length: [`应为 18 位（现为 ${code.length} 位）`, `must be 18 characters (has ${code.length})`], character: ['含有不允许的字符（不用 I、O、S、V、Z）', 'contains a character that is not allowed (no I, O, S, V, Z)'], checksum: ['校验位不正确（GB 32100-2015），请核对是否抄错', 'has a wrong check character (GB 32100-2015); check for a typo'] }[problem];
        issues.push(E(`CREDIT_CODE_${problem.toUpperCase()}`, ctx, f, raw, `${code} ${why[0]}`, `${code} ${why[1]}`));
        return { value: null, issues };
      }
      return { value: code, issues };
    }
    case 'phone': {
      const p = parsePhone(text);
      if (!p.ok) {
        issues.push(W('PHONE_FORMAT', ctx, f, raw, '不像手机或座机号码，已原样保留', 'does not look like a mobile or landline number; kept as written'));
        return { value: singleLine(text).slice(0, 40), issues };
      }
      if (p.note === 'several') issues.push(W('PHONE_SEVERAL', ctx, f, raw, `有多个号码，只保留第一个 ${p.phone}`, `several numbers; kept the first, ${p.phone}`));
      return { value: p.phone, issues };
    }
    case 'email': {
      const v = toHalfWidth(text).trim();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) issues.push(W('EMAIL_FORMAT', ctx, f, raw, '不像电子邮箱地址', 'does not look like an email address'));
      return { value: v.slice(0, 100), issues };
    }
    case 'amount': {
      if (cell.k === 'd' || cell.k === 'b') {
        issues.push(E('AMOUNT_FORMAT', ctx, f, raw, '应为金额，如 1280、¥1,280.00、12.8万元', 'expected an amount such as 1280, ¥1,280.00, 12.8万元'));
        return { value: null, issues };
      }
      if (cell.k === 's') {
        const cleaned = cleanCellText(String(cell.v)).text;
        if (cleaned === '' || isNullish(cleaned)) return { value: null, issues };
        text = cleaned;
      }
      const r = cell.k === 'n' ? parseAmountNumber(cell.v as number, ctx.unitFactor) : parseAmountText(text, ctx.unitFactor);
      if (!r.ok) {
        issues.push(r.code === 'AMOUNT_RANGE' ? E('AMOUNT_RANGE', ctx, f, raw, '金额过大', 'amount too large') : E('AMOUNT_FORMAT', ctx, f, raw, '不是金额，应如 1280、¥1,280.00、12.8万元、(1,200)', 'not an amount; expected e.g. 1280, ¥1,280.00, 12.8万元, (1,200)'));
        return { value: null, issues };
      }
      if (r.note === 'rounded') issues.push(W('AMOUNT_ROUNDED', ctx, f, raw, `金额精确到分，已四舍五入为 ${(r.fen / 100).toFixed(2)}`, `amounts are kept to the fen; rounded to ${(r.fen / 100).toFixed(2)}`));
      return { value: r.fen, issues };
    }
    case 'integer': {
      if (cell.k === 'n') {
        const v = cell.v as number;
        if (!Number.isSafeInteger(v)) {
          issues.push(E('INTEGER_FORMAT', ctx, f, raw, '应为整数', 'expected a whole number'));
          return { value: null, issues };
        }
        return { value: v, issues };
      }
      const r = parseIntegerText(text);
      if (!r.ok) {
        issues.push(E('INTEGER_FORMAT', ctx, f, raw, '应为整数', 'expected a whole number'));
        return { value: null, issues };
      }
      return { value: r.value, issues };
    }
    case 'percent':
    case 'discount': {
      const r = cell.k === 'n' ? parsePercentNumber(cell.v as number) : parsePercentText(text, { discount: f.type === 'discount' });
      if (!r.ok) {
        issues.push(E('PERCENT_FORMAT', ctx, f, raw, '应为百分比，如 13%、0.13' + (f.type === 'discount' ? '、8折' : ''), 'expected a percentage such as 13% or 0.13'));
        return { value: null, issues };
      }
      if (r.note === 'assumed-percent') issues.push(W('PERCENT_ASSUMED', ctx, f, raw, `按百分数读作 ${r.bp / 100}%`, `read as a percentage: ${r.bp / 100}%`));
      return { value: r.bp, issues };
    }
    case 'date': {
      const system = ctx.date1904 ? 1904 : 1900;
      if (cell.k === 'd' || cell.k === 'n') {
        const r = cell.k === 'd' ? toDateParse(cell.v as number, system) : parseDateSerial(cell.v as number, system);
        return { value: dateValue(r, ctx, f, raw, issues), issues };
      }
      return { value: dateValue(parseDateText(text, system), ctx, f, raw, issues), issues };
    }
    case 'period': {
      const r = cell.k === 'd' || cell.k === 'n' ? parsePeriodSerial(cell.v as number, ctx.date1904 ? 1904 : 1900) : parsePeriodText(text);
      if (!r.ok) {
        issues.push(E('PERIOD_FORMAT', ctx, f, raw, '应为期间，如 2026-10、2026年10月、2026-Q3、2026年第3季度、2026', 'expected a period such as 2026-10, 2026-Q3 or 2026'));
        return { value: null, issues };
      }
      return { value: r.period, issues };
    }
    case 'enum': {
      const v = matchEnum(text, f);
      if (v === null) {
        const allowed = Object.values(f.values ?? {}).map((w) => w[0]).join('、');
        issues.push(E('ENUM_VALUE', ctx, f, raw, `“${text}”不是可选值（${allowed}）`, `"${text}" is not one of: ${Object.keys(f.values ?? {}).join(', ')}`));
        return { value: null, issues };
      }
      return { value: v, issues };
    }
  }
}

function toDateParse(serial: number, system: 1900 | 1904): DateParse {
  const r = serialToIsoDate(serial, system);
  if ('date' in r) return { ok: true, date: r.date };
  return r.problem === 'fictitious' ? { ok: false, code: 'DATE_FICTITIOUS', detail: String(serial) } : { ok: false, code: 'DATE_RANGE', detail: String(serial) };
}
