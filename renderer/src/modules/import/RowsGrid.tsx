import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { CellStyle, ColDef, GridApi, ICellRendererParams, IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Button, Space, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import '../../components/grid/setup';
import { gridLocale, gridTheme } from '../../components/grid/setup';
import { errorMessage } from '../../shell/errors';
import { suggestionValue, type ImportRow, type Preview, type RowFilter, type Summary } from './types';

const ACTION_COLOR: Record<ImportRow['action'], string> = { create: 'green', update: 'blue', unchanged: 'default', skip: 'default', error: 'red' };

/**
 * The validation preview: every row as read (paged from the backend), its errors and warnings, the
 * cells at fault highlighted. Cells are edited in place (the row is re-checked at once); suggestions
 * for near-miss names are one click.
 */
export function RowsGrid(props: {
  sessionId: string;
  preview: Preview;
  filter: RowFilter;
  version: number;
  rows: number;
  /** A column with the owner the allocation rules give each new account. */
  showOwner: boolean;
  onSummary(s: Summary): void;
  onSelection(indexes: number[]): void;
  apiRef: React.RefObject<GridApi<ImportRow> | null>;
}) {
  const { t, i18n } = useTranslation('import');
  const { message } = AntApp.useApp();
  const { sessionId, filter, onSummary } = props;
  const gridApi = props.apiRef;
  const fix = useRef(async (index: number, column: number, value: string) => {
    try {
      const r = await api.call('imports.fix', { sessionId, index, column, value });
      onSummary(r.summary);
      gridApi.current?.refreshInfiniteCache();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  });

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        api
          .call('imports.rows', { sessionId, offset: p.startRow, limit: p.endRow - p.startRow, filter })
          .then((r) => p.successCallback(r.items, r.total))
          .catch((e: unknown) => {
            p.failCallback();
            void message.error(errorMessage(e));
          });
      },
    }),
    // version: a new datasource after each validation, so the grid reloads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sessionId, filter, props.version, message],
  );

  useEffect(() => {
    gridApi.current?.setGridOption('datasource', datasource);
  }, [datasource, gridApi]);

  const columns = useMemo<ColDef<ImportRow>[]>(() => {
    const cellStyle = (c: number) => (p: { data?: ImportRow }): CellStyle | null => {
      const issues = p.data?.issues.filter((i) => i.col === c) ?? [];
      if (issues.some((i) => i.level === 'error')) return { background: '#fff1f0', color: '#a8071a', fontWeight: 600 };
      if (p.data?.fixed.includes(c)) return { background: '#e6f4ff' };
      if (issues.length) return { background: '#fffbe6' };
      if (p.data?.filled.includes(c)) return { fontStyle: 'italic', color: '#888' };
      return null;
    };
    return [
      { headerName: t('col.row'), field: 'row', width: 76, pinned: 'left', sortable: false },
      {
        headerName: t('col.status'),
        colId: 'status',
        width: 70,
        pinned: 'left',
        cellRenderer: (p: ICellRendererParams<ImportRow>) =>
          !p.data ? null : p.data.status === 'error' ? <CloseCircleFilled style={{ color: '#ff4d4f' }} /> : p.data.status === 'warning' ? <ExclamationCircleFilled style={{ color: '#faad14' }} /> : <CheckCircleFilled style={{ color: '#52c41a' }} />,
      },
      {
        headerName: t('col.action'),
        colId: 'action',
        width: 84,
        pinned: 'left',
        cellRenderer: (p: ICellRendererParams<ImportRow>) => (p.data ? <Tag color={p.data.skipped ? 'default' : ACTION_COLOR[p.data.action]}>{p.data.skipped ? t('actions.skip') : t(`actions.${p.data.action}`)}</Tag> : null),
      },
      ...props.preview.columns.map(
        (c): ColDef<ImportRow> => ({
          headerName: `${c.letter} ${c.header}`,
          colId: `c${c.index}`,
          width: 130,
          editable: true,
          valueGetter: (p) => p.data?.cells[c.index] ?? '',
          valueSetter: (p) => {
            if (!p.data) return false;
            p.data.cells[c.index] = String(p.newValue ?? '');
            return true;
          },
          cellStyle: cellStyle(c.index),
          tooltipValueGetter: (p) => p.data?.issues.filter((i) => i.col === c.index).map((i) => i.message).join('\n') || undefined,
        }),
      ),
      ...(props.showOwner
        ? [
            {
              headerName: t('allocation.column'),
              colId: 'owner',
              pinned: 'right',
              width: 200,
              valueGetter: (p: { data?: ImportRow }) => (p.data?.owner ? `${p.data.owner.repName ?? t('allocation.pool')}（${p.data.owner.rule}）` : ''),
            } satisfies ColDef<ImportRow>,
          ]
        : []),
      {
        headerName: t('col.issues'),
        colId: 'issues',
        // Pinned right: what is wrong must stay in view however wide the sheet is.
        pinned: 'right',
        width: 400,
        cellRenderer: (p: ICellRendererParams<ImportRow>) => {
          const row = p.data;
          if (!row || row.issues.length === 0) return null;
          const first = row.issues.find((i) => i.level === 'error') ?? row.issues[0]!;
          const withSuggestions = row.issues.find((i) => i.suggestions.length && i.col !== null);
          return (
            <Space size={4}>
              <Tooltip title={<div style={{ whiteSpace: 'pre-line' }}>{row.issues.map((i) => `${i.column ? `${i.column} ` : ''}${i.message}`).join('\n')}</div>}>
                <span style={{ color: first.level === 'error' ? '#a8071a' : '#ad6800' }}>
                  {first.column ? `${first.column} ` : ''}
                  {first.message}
                  {row.issues.length > 1 ? `（+${row.issues.length - 1}）` : ''}
                </span>
              </Tooltip>
              {withSuggestions?.suggestions.slice(0, 3).map((s) => (
                <Button key={s} size="small" type="link" data-testid="import-suggestion" onClick={() => void fix.current(row.index, withSuggestions.col!, suggestionValue(s))}>
                  {t('useSuggestion', { value: s })}
                </Button>
              ))}
            </Space>
          );
        },
      },
    ];
  }, [props.preview.columns, props.showOwner, t]);

  return (
    <div data-testid="import-rows" style={{ height: Math.min(460, 80 + props.rows * 33) }}>
      <AgGridReact<ImportRow>
        theme={gridTheme}
        localeText={gridLocale(i18n.language)}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        maxBlocksInCache={20}
        getRowId={(p) => String(p.data.index)}
        columnDefs={columns}
        defaultColDef={{ sortable: false, resizable: true }}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false }}
        selectionColumnDef={{ pinned: 'left', width: 44 }}
        tooltipShowDelay={200}
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        onGridReady={(e) => (gridApi.current = e.api)}
        onSelectionChanged={(e) => props.onSelection(e.api.getSelectedNodes().map((n) => n.data?.index).filter((x): x is number => x !== undefined))}
        onCellValueChanged={(e) => {
          const colId = e.column.getColId();
          if (!e.data || !colId.startsWith('c')) return;
          void fix.current(e.data.index, Number(colId.slice(1)), String(e.newValue ?? ''));
        }}
      />
    </div>
  );
}
