import { ExportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { GridApi, GridReadyEvent, RowClickedEvent } from 'ag-grid-community';
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
          defaultColDef={{ sortable: true, resizable: true }}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={50}
          blockLoadDebounceMillis={50}
          getRowId={(p) => p.data.id}
          onGridReady={(e: GridReadyEvent<AccountRow>) => {
            gridApi.current = e.api;
          }}
          onRowClicked={(e: RowClickedEvent<AccountRow>) => e.data && setParam('open', e.data.id)}
          rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
          selectionColumnDef={{ pinned: 'left', width: 44 }}
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
