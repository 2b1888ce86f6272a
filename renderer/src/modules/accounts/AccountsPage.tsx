import { ExportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CellClickedEvent, CellKeyDownEvent, CellValueChangedEvent, GetRowIdParams, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Button, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { api } from '../../api';
import type { PageQuery } from '../../components/grid/serverDatasource';
import { GridCount } from '../../components/grid/GridCount';
import { useServerGrid } from '../../components/grid/useServerGrid';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';
import { setParam, useRoute } from '../../shell/router';
import { AllocateSelectionModal } from '../allocation/AllocateSelectionModal';
import { TransferModal } from '../allocation/TransferModal';
import { AccountDrawer } from './AccountDrawer';
import { AccountCreateModal } from './AccountCreateModal';
import { accountColumns } from './columns';
import { ColumnChooser, SavedViews } from './GridToolbar';
import { checkInlineValue, isInlineField } from './inline-edit';
import { useExportView } from '../reports/useExportView';
import { WorkFilterTag } from '../../components/WorkFilterTag';
import { type AccountPreset, isAccountPreset } from '../../../../shared/domain/work-queues';

// Grid options that never change live outside the component: AG Grid re-applies any option whose
// object identity changes, and a fresh defaultColDef on every render re-processes every column.
const DEFAULT_COL_DEF = { sortable: true, resizable: true };
const ROW_SELECTION = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } as const;
const SELECTION_COLUMN = { pinned: 'left', width: 44 } as const;
const rowId = (p: GetRowIdParams<AccountRow>) => p.data.id;
/** A block of accounts, inside the dashboard work queue the page was opened with, if any. */
const listAccounts = (q: PageQuery, preset: AccountPreset | undefined) => api.call('accounts.list', preset ? { ...q, preset } : q);
/** A click opens the account, except on a cell that edits in place or on the selection box. */
const openCell = (e: CellClickedEvent<AccountRow>) => {
  if (e.data && !e.colDef.editable && e.column.getColId() !== 'ag-Grid-SelectionColumn') setParam('open', e.data.id);
};

type Bulk = 'transfer' | 'release' | 'allocate' | null;

/**
 * 客户: every account in an AG Grid whose paging, sorting, filtering and quick search all run in SQL
 * (infinite row model), so 100,000 rows scroll as smoothly as 100. Select rows for bulk actions
 * (transfer, release, allocate by rules); edit fields in place (never the owner); Enter opens an
 * account, "/" jumps to the search box.
 */
export default function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { message } = AntApp.useApp();
  const { status } = useApp();
  const route = useRoute();
  const openId = route.params.get('open') ?? undefined;
  const urlFilter = route.params.get('filter');
  const preset = isAccountPreset(urlFilter) ? urlFilter : undefined;
  const searchBox = useRef<{ focus(): void } | null>(null);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<Bulk>(null);
  const columns = useMemo(() => accountColumns(t, status.today), [t, status.today]);
  // A dashboard work queue in the URL (#/accounts?filter=pool) filters the grid until the tag is closed.
  const { gridProps, gridApi, search, setSearch, searchRef, filterRef, totalStore, refresh } = useServerGrid({ fetch: listAccounts, columns, filter: preset, entities: ['accounts'] });
  const exportView = useExportView(
    useCallback(() => gridApi.current, [gridApi]),
    useCallback(() => searchRef.current, [searchRef]),
    useCallback(() => filterRef.current, [filterRef]),
  );

  const onSelectionChanged = useCallback((e: SelectionChangedEvent<AccountRow>) => setSelected(e.api.getSelectedRows().map((r) => r.id)), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === '/' && !(target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && !target?.isContentEditable) {
        e.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Saves an edited cell; a value the checks refuse (or the backend refuses) is put back with the reason. */
  const onCellValueChanged = (e: CellValueChangedEvent<AccountRow>) => {
    const field = e.colDef.field ?? '';
    // Putting a refused value back is itself a change: it must not be saved again.
    if (!e.data || !isInlineField(field) || e.oldValue === e.newValue || e.source === 'revert') return;
    const revert = () => e.node.setDataValue(field, e.oldValue, 'revert');
    const checked = checkInlineValue(field, e.newValue);
    if ('error' in checked) {
      void message.error(`${e.colDef.headerName ?? field}：${t(checked.error, checked.params ?? {})}`);
      revert();
      return;
    }
    const row = e.data;
    api
      .call('accounts.update', { id: row.id, version: row.version, patch: { [field]: checked.value } })
      .then((updated) => {
        e.node.setData(updated);
        void message.success(t('inline.saved'));
      })
      .catch((err: unknown) => {
        void message.error(errorMessage(err));
        revert();
      });
  };

  const onCellKeyDown = (e: CellKeyDownEvent<AccountRow>) => {
    const ke = e.event as KeyboardEvent | undefined;
    if (ke?.key === 'Enter' && !e.colDef.editable && e.data) setParam('open', e.data.id);
  };

  const clearSelection = () => {
    gridApi.current?.deselectAll();
    setSelected([]);
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 480 }}>
      <Space style={{ marginBottom: 10, justifyContent: 'space-between', width: '100%' }} wrap>
        <Space wrap>
          <Input.Search
            ref={(el) => {
              searchBox.current = el;
            }}
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('searchPlaceholder')}
            style={{ width: 360 }}
            data-testid="accounts-search"
          />
          <WorkFilterTag path="/accounts" filter={preset} />
          <Typography.Text type="secondary" data-testid="accounts-count">
            <GridCount store={totalStore} format={(n) => t('count', { n: n.toLocaleString('en-US') })} />
          </Typography.Text>
          {selected.length > 0 ? (
            <Space size={4} data-testid="bulk-actions">
              <Typography.Text strong>{t('selected', { count: selected.length })}</Typography.Text>
              <Button type="primary" size="small" onClick={() => setBulk('transfer')} data-testid="bulk-transfer">
                {t('bulk.transfer')}
              </Button>
              <Button size="small" onClick={() => setBulk('release')} data-testid="bulk-release">
                {t('bulk.release')}
              </Button>
              <Button size="small" onClick={() => setBulk('allocate')} data-testid="bulk-allocate">
                {t('bulk.allocate')}
              </Button>
              <Button size="small" type="text" onClick={clearSelection}>
                {t('bulk.clear')}
              </Button>
            </Space>
          ) : null}
        </Space>
        <Space wrap>
          <SavedViews
            grid={() => gridApi.current}
            search={search}
            setSearch={(s) => {
              setSearch(s);
              searchRef.current = s;
              gridApi.current?.purgeInfiniteCache();
            }}
          />
          <ColumnChooser grid={() => gridApi.current} columns={columns} />
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
          {...gridProps}
          defaultColDef={DEFAULT_COL_DEF}
          maxBlocksInCache={50}
          getRowId={rowId}
          onCellClicked={openCell}
          onSelectionChanged={onSelectionChanged}
          onCellValueChanged={onCellValueChanged}
          onCellKeyDown={onCellKeyDown}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
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
      <TransferModal accountIds={selected} open={bulk === 'transfer' || bulk === 'release'} toPool={bulk === 'release'} onClose={() => setBulk(null)} onDone={clearSelection} />
      <AllocateSelectionModal accountIds={selected} open={bulk === 'allocate'} onClose={() => setBulk(null)} onDone={clearSelection} />
    </div>
  );
}
