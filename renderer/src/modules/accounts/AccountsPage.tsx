import { ExportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { GetRowIdParams, GridApi, GridReadyEvent, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Button, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { api, onEvent } from '../../api';
import '../../components/grid/setup';
import { gridLocale, gridTheme } from '../../components/grid/setup';
import { serverDatasource } from '../../components/grid/serverDatasource';
import { errorMessage } from '../../shell/errors';
import { setParam, useRoute } from '../../shell/router';
import { AccountDrawer } from './AccountDrawer';
import { AccountCreateModal } from './AccountCreateModal';
import { accountColumns } from './columns';
import { useExportView } from '../reports/useExportView';

// Grid options that never change live outside the component: AG Grid re-applies any option whose
// object identity changes, and a fresh defaultColDef on every render re-processes every column.
const DEFAULT_COL_DEF = { sortable: true, resizable: true };
const ROW_SELECTION = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } as const;
const SELECTION_COLUMN = { pinned: 'left', width: 44 } as const;
const rowId = (p: GetRowIdParams<AccountRow>) => p.data.id;
const openRow = (e: RowClickedEvent<AccountRow>) => e.data && setParam('open', e.data.id);

/**
 * 客户: every account in an AG Grid whose paging, sorting, filtering and quick search all run in SQL
 * (infinite row model), so 100,000 rows scroll as smoothly as 100.
 */
export default function AccountsPage() {
  const { t, i18n } = useTranslation('accounts');
  const { message } = AntApp.useApp();
  const route = useRoute();
  const openId = route.params.get('open') ?? undefined;
  const gridApi = useRef<GridApi<AccountRow> | null>(null);
  const searchRef = useRef('');
  const [search, setSearch] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => accountColumns(t), [t]);
  const exportView = useExportView(
    useCallback(() => gridApi.current, []),
    useCallback(() => searchRef.current, []),
  );

  const datasource = useMemo(
    () =>
      serverDatasource<AccountRow>({
        fetch: (q) => api.call('accounts.list', q),
        columns,
        search: () => searchRef.current,
        onTotal: setTotal,
        onError: (e) => void message.error(errorMessage(e)),
      }),
    [columns, message],
  );

  const refresh = useCallback(() => gridApi.current?.refreshInfiniteCache(), []);
  const onGridReady = useCallback((e: GridReadyEvent<AccountRow>) => {
    gridApi.current = e.api;
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (searchRef.current === search) return;
      searchRef.current = search;
      gridApi.current?.purgeInfiniteCache();
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(
    () =>
      onEvent('data.changed', (p) => {
        if (p.entities.includes('accounts') || p.entities.includes('*')) refresh();
      }),
    [refresh],
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 480 }}>
      <Space style={{ marginBottom: 10, justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('searchPlaceholder')}
            style={{ width: 380 }}
            data-testid="accounts-search"
          />
          <Typography.Text type="secondary" data-testid="accounts-count">
            {total === null ? '' : t('count', { n: total.toLocaleString('en-US') })}
          </Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refresh}>
            {t('refresh')}
          </Button>
          <Button icon={<ExportOutlined />} loading={exportView.busy} onClick={() => void exportView.run()} data-testid="accounts-export-view">
            {exportView.label}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        </Space>
      </Space>
      <div style={{ flex: 1, minHeight: 400 }} data-testid="accounts-grid">
        <AgGridReact<AccountRow>
          theme={gridTheme}
          localeText={gridLocale(i18n.language)}
          columnDefs={columns}
          defaultColDef={DEFAULT_COL_DEF}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={50}
          getRowId={rowId}
          onGridReady={onGridReady}
          onRowClicked={openRow}
          rowSelection={ROW_SELECTION}
          selectionColumnDef={SELECTION_COLUMN}
        />
      </div>
      <AccountDrawer id={openId} onClose={() => setParam('open', undefined)} onSaved={refresh} />
      <AccountCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(row) => {
          setCreating(false);
          void message.success(t('form.created', { code: row.code }));
          refresh();
          setParam('open', row.id);
        }}
      />
    </div>
  );
}
