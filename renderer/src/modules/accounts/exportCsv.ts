import type { GridApi } from 'ag-grid-community';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { scaleMoneyFilters } from '../../components/grid/serverDatasource';

/** A cell as CSV text; text that a spreadsheet would run as a formula is prefixed with ' (never executed). */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('、') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Exports the grid as it is filtered, sorted and searched: the visible columns, every matching row
 * (fetched in pages), as UTF-8 CSV with a BOM so that Excel on Windows reads the Chinese correctly.
 */
export async function exportAccountsCsv(grid: GridApi<AccountRow>, search: string, moneyCols: Set<string>): Promise<number> {
  const cols = grid.getAllDisplayedColumns().filter((c) => c.getColDef().field);
  const sort = grid
    .getColumnState()
    .filter((c) => c.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort! }));
  const filters = scaleMoneyFilters(grid.getFilterModel() as Record<string, unknown>, moneyCols);
  const lines = [cols.map((c) => csvCell(c.getColDef().headerName ?? c.getColId())).join(',')];
  let offset = 0;
  for (;;) {
    const page = await api.call('accounts.list', { offset, limit: 5000, sort, filters, ...(search.trim() ? { search: search.trim() } : {}) });
    for (const row of page.items) {
      lines.push(
        cols
          .map((c) => {
            const field = c.getColDef().field as keyof AccountRow;
            const v = row[field];
            return csvCell(moneyCols.has(field) && typeof v === 'number' ? formatFen(v, { grouping: false }) : v);
          })
          .join(','),
      );
    }
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  const blob = new Blob(['\uFEFF', lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `客户-${new Date().toISOString().slice(0, 10)}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return lines.length - 1;
}
