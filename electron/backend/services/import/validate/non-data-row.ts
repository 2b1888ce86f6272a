import { normalizeHeader } from '../../../../../shared/domain/import/header-match';
import type { Cell } from '../read/cell';
import { rawText } from './convert-cell';
import { issue, type RowIssue } from './issue';

const TOTAL_WORDS = /^(合计|总计|小计|共计|总额|合计金额|total|subtotal|grand total)[:：]?$/i;

/**
 * Why a staged row is not data and is skipped: blank in every mapped column, a repeated header, or a
 * totals line. Null for a data row. `headerKeys` are the sheet's normalized header keys by column.
 */
export function nonDataRow(cells: readonly (Cell | null)[], anyMapped: boolean, headerKeys: readonly string[], date1904: boolean): RowIssue | null {
  if (!anyMapped) return issue('warning', 'EMPTY_ROW', null, null, '', '已映射的列中没有数据，跳过', 'nothing in the mapped columns; skipped');
  const firstText = cells.map((c) => (c ? rawText(c, date1904).trim() : '')).find((t) => t !== '') ?? '';
  const repeatsHeader = cells.filter(Boolean).length >= 2 && cells.every((c, i) => !c || normalizeHeader(rawText(c, date1904)).key === headerKeys[i]);
  if (repeatsHeader) return issue('warning', 'HEADER_REPEAT', null, null, firstText, '重复的表头行，跳过', 'a repeated header row; skipped');
  if (TOTAL_WORDS.test(firstText.replace(/\s+/g, ''))) return issue('warning', 'TOTAL_ROW', null, null, firstText, '合计/小计行，跳过', 'a totals row; skipped');
  return null;
}
