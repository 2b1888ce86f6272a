import type { ValueFormatterParams } from 'ag-grid-community';
import { formatFen } from '../../../../shared/domain/money';

/** Grid formatter for integer fen columns: 1,234.56 (the header says 元). */
export function moneyFormatter(p: ValueFormatterParams): string {
  return typeof p.value === 'number' ? formatFen(p.value) : '';
}

export function dateTimeFormatter(p: ValueFormatterParams): string {
  if (typeof p.value !== 'number') return '';
  const d = new Date(p.value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Column defaults for money: right-aligned tabular numbers, number filter in yuan. */
export const moneyColumn = {
  type: 'rightAligned',
  valueFormatter: moneyFormatter,
  filter: 'agNumberColumnFilter',
  cellClass: 'money',
  context: { money: true },
};
