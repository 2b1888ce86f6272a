import { toHalfWidth } from './text-clean';

/** 是/否 and the other ways a yes/no is written; null when the text is neither. */
export function parseBool(raw: string): boolean | null {
  const t = toHalfWidth(raw).trim().toLowerCase();
  if (['是', '对', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有', '启用', '开'].includes(t)) return true;
  if (['否', '不是', '错', 'n', 'no', 'false', '0', '×', '✗', '✘', 'x', '无', '停用', '关'].includes(t)) return false;
  return null;
}

export type IntegerParse = { ok: true; value: number } | { ok: false; code: 'INTEGER_FORMAT'; detail: string };

/** Whole numbers ("1,200", "１２", "12.0", "12个"); fractions are refused rather than rounded. */
export function parseIntegerText(raw: string): IntegerParse {
  const t = toHalfWidth(raw).replace(/\s+/g, '').replace(/(个|件|次|人|家|支|盒|台|套|箱|只|条|根|元)$/, '');
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/.exec(t);
  if (!m) return { ok: false, code: 'INTEGER_FORMAT', detail: raw };
  const n = Number(m[2]!.replaceAll(',', ''));
  if (!Number.isSafeInteger(n)) return { ok: false, code: 'INTEGER_FORMAT', detail: raw };
  return { ok: true, value: m[1] === '-' ? -n : n };
}

export type IdText = { text: string; note?: 'precision' };

/**
 * The text of an identifier held in a numeric cell. Excel keeps 15 significant digits, so an ID typed
 * as a number beyond that (an 18-digit order number shown as 1.23E+17) has already lost its last
 * digits in the file: the text is written out in full, but flagged, never silently "fixed".
 */
export function numberToIdText(value: number): IdText {
  if (Number.isInteger(value)) {
    const text = BigInt(value).toString();
    return Math.abs(value) >= 1e15 ? { text, note: 'precision' } : { text };
  }
  return { text: String(value) };
}
