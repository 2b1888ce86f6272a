import type { GridApi } from 'ag-grid-community';
import { App as AntApp } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../../shared/contract/reports';
import type { AccountPreset } from '../../../../shared/domain/work-queues';
import { api } from '../../api';
import { scaleMoneyFilters } from '../../components/grid/serverDatasource';
import { errorMessage } from '../../shell/errors';

/**
 * "导出当前视图" for the accounts grid: the grid's sort, filters, quick search and visible columns
 * (in their order) become an accounts report, written by the same engine as every other workbook.
 */
export function useExportView(gridApi: () => GridApi | null, search: () => string, preset: () => AccountPreset | undefined = () => undefined) {
  const { t } = useTranslation('reports');
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ExportResult | null>(null);
  const run = useCallback(
    async (format: 'xlsx' | 'csv' = 'xlsx') => {
      const g = gridApi();
      if (!g) return null;
      const state = g.getColumnState();
      const moneyCols = new Set(g.getColumns()?.filter((c) => (c.getColDef().context as { money?: boolean } | undefined)?.money).map((c) => c.getColId()) ?? []);
      const sort = state
        .filter((c) => c.sort)
        .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
        .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }))
        .slice(0, 4);
      const columns = state.filter((c) => !c.hide && !c.colId.startsWith('ag-Grid')).map((c) => c.colId);
      const q = search().trim();
      setBusy(true);
      try {
        const r = await api.call('reports.export', {
          params: { report: 'accounts', columns, ...(preset() ? { preset: preset() } : {}), query: { sort, filters: scaleMoneyFilters(g.getFilterModel() as Record<string, unknown>, moneyCols), ...(q ? { search: q } : {}) } },
          format,
        });
        setLast(r);
        void message.success(t('exported', { rows: r.rows, name: r.file.split(/[\\/]/).pop() }));
        return r;
      } catch (e) {
        void message.error(errorMessage(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [gridApi, search, preset, message, t],
  );
  return { run, busy, last, label: t('exportView') };
}
