import { columnLetter, type GridRow, type MergeRange } from './grid';
import { matchHeader } from './header-match';
import type { ImportKind } from './kinds';
import { IMPORT_KINDS } from './kinds';

/**
 * Finds the header row past title rows, export preambles (微信支付账单明细, 报表导出人 …) and blank
 * lines: the earliest row that reads like column labels (short, distinct, text, known synonyms) and
 * spans the table that follows it.
 */
export interface HeaderGuess {
  /** Sheet row number of the (first) header row; 0 when the sheet seems to have no header. */
  headerRow: number;
  /** 2 when a second header row sits under merged group headers ("回款" over "日期 | 金额"). */
  headerRows: 1 | 2;
  score: number;
}

const VALUE_LIKE = /^[+-]?[¥￥$]?\s*[\d,]+(\.\d+)?\s*(%|元|万元|万)?$|^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?(\s.*)?$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^1[3-9]\d{9}$|^(true|false|是|否)$/i;

export function isLabelLike(text: string | null, typed = false): boolean {
  if (text === null || typed) return false;
  const t = text.trim();
  if (!t || t.length > 40) return false;
  return !VALUE_LIKE.test(t);
}

function synonymHits(cells: readonly (string | null)[], kind: ImportKind | undefined): number {
  const kinds = kind ? [kind] : IMPORT_KINDS;
  let hits = 0;
  for (const c of cells) {
    if (!c) continue;
    if (kinds.some((k) => matchHeader(k, c) !== null)) hits++;
  }
  return hits;
}

function filled(row: GridRow): number {
  return row.cells.reduce((n, c) => n + (c !== null && c.trim() !== '' ? 1 : 0), 0);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A row covered by one wide horizontal merge is a title, not a header. */
function isTitleRow(row: GridRow, merges: readonly MergeRange[]): boolean {
  const n = filled(row);
  if (n !== 1) return false;
  return merges.some((m) => m.top === row.row && m.right - m.left >= 2);
}

export function detectHeaderRow(rows: readonly GridRow[], merges: readonly MergeRange[] = [], kind?: ImportKind): HeaderGuess {
  const candidates = rows.slice(0, 40);
  let best: HeaderGuess & { index: number } = { headerRow: 0, headerRows: 1, score: -Infinity, index: -1 };
  const scored: { index: number; score: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i]!;
    const n = filled(row);
    if (n === 0) continue;
    const below = rows.slice(i + 1, i + 11).map(filled).filter((x) => x > 0);
    const width = Math.max(median(below), 1);
    const labels = row.cells.filter((c, j) => isLabelLike(c, row.typed?.[j] ?? false));
    const distinct = new Set(labels.map((l) => l!.trim())).size;
    const labelRatio = labels.length / n;
    const long = row.cells.filter((c) => c !== null && c.length > 40).length;
    const hits = synonymHits(row.cells, kind);
    let score = distinct * labelRatio + 3 * hits + 4 * Math.min(1, n / width) - 2 * long;
    if (below.length === 0) score -= 5;
    if (n === 1 && width > 1) score -= 6;
    if (isTitleRow(row, merges)) score -= 8;
    scored.push({ index: i, score });
    if (score > best.score) best = { headerRow: row.row, headerRows: 1, score, index: i };
  }
  if (best.index < 0) return { headerRow: 0, headerRows: 1, score: 0 };
  // The earliest row nearly as good as the best: data rows of pure text can outscore the header.
  const threshold = best.score >= 0 ? best.score * 0.85 : best.score;
  const first = scored.find((s) => s.score >= threshold && s.index <= best.index);
  const index = first ? first.index : best.index;
  const headerRow = candidates[index]!.row;
  const headerRows = secondHeaderRow(rows, index, merges) ? 2 : 1;
  return { headerRow, headerRows, score: first?.score ?? best.score };
}

/**
 * A second header row exists when the header row has horizontal merges (group headers) over columns
 * whose next-row cells are labels, or — without merges (CSV) — when the header row has gaps that the
 * next row fills with labels and the row after that holds values.
 */
function secondHeaderRow(rows: readonly GridRow[], index: number, merges: readonly MergeRange[]): boolean {
  const head = rows[index]!;
  const next = rows[index + 1];
  if (!next || next.row !== head.row + 1) return false;
  const group = merges.filter((m) => m.top === head.row && m.bottom === head.row && m.right > m.left);
  if (group.length > 0) {
    return group.every((m) => {
      for (let c = m.left; c <= m.right; c++) if (!isLabelLike(next.cells[c] ?? null, next.typed?.[c] ?? false)) return false;
      return true;
    });
  }
  const vertical = merges.filter((m) => m.top === head.row && m.bottom === head.row + 1);
  if (vertical.length > 0) return true;
  const headFilled = head.cells.map((c) => c !== null && c.trim() !== '');
  const gaps = headFilled.some((f, c) => !f && c > 0 && headFilled.slice(0, c).some(Boolean) && (next.cells[c] ?? null) !== null);
  if (!gaps) return false;
  const nextLabels = next.cells.filter((c, j) => c !== null && c.trim() !== '' && isLabelLike(c, next.typed?.[j] ?? false)).length;
  const nextFilled = filled(next);
  const after = rows[index + 2];
  const afterValues = after ? after.cells.filter((c, j) => c !== null && c.trim() !== '' && !isLabelLike(c, after.typed?.[j] ?? false)).length : 0;
  return nextFilled >= 2 && nextLabels === nextFilled && afterValues > 0;
}

/** Header labels from one or two header rows: group headers joined to their children ("回款/金额"). */
export function buildHeaders(rows: readonly GridRow[], headerRow: number, headerRows: 1 | 2, merges: readonly MergeRange[] = []): string[] {
  const head = rows.find((r) => r.row === headerRow);
  if (!head) return [];
  const second = headerRows === 2 ? rows.find((r) => r.row === headerRow + 1) : undefined;
  const width = Math.max(head.cells.length, second?.cells.length ?? 0);
  const valueAt = (row: GridRow, c: number): string => {
    const own = row.cells[c];
    if (own !== null && own !== undefined && own.trim() !== '') return own.trim();
    const m = merges.find((r) => r.top <= row.row && r.bottom >= row.row && r.left <= c && r.right >= c && (r.left !== c || r.top !== row.row));
    if (!m) return '';
    const source = rows.find((r) => r.row === m.top);
    return source?.cells[m.left]?.trim() ?? '';
  };
  const out: string[] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    let parent = valueAt(head, c);
    if (second) {
      const child = valueAt(second, c);
      // Without merges a group header sits over its first column only: carry it right over the gap.
      if (parent === '' && child !== '' && merges.length === 0) parent = carried;
      else carried = parent;
      out.push(parent && child && parent !== child ? `${parent}/${child}` : parent || child);
    } else out.push(parent);
  }
  return dedupeHeaders(out);
}

const REQUIRED_MARK = /^\s*[*＊※]+\s*|\s*[*＊※]+\s*$/g;

/** Whether a header carries a required marker ("材质*", "*客户名称"). */
export function hasRequiredMark(header: string): boolean {
  return /^\s*[*＊※]|[*＊※]\s*$/.test(header);
}

/** Empty headers get "列 C"; repeated ones get " (2)", " (3)"; required markers (*) are dropped. */
export function dedupeHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, c) => {
    const base = h.replace(REQUIRED_MARK, '').replace(/\s+/g, ' ').trim() || `列 ${columnLetter(c)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
