import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Button, DatePicker, Input, Select, Space, Statistic, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderListFilter, OrderRow } from '../../../../shared/contract/orders';
import { formatFen } from '../../../../shared/domain/money';
import { ORDER_STATES, type OrderState } from '../../../../shared/domain/order-state';
import { api } from '../../api';
import { AccountSelect } from '../../components/AccountSelect';
import type { PageQuery } from '../../components/grid/serverDatasource';
import { useServerGrid } from '../../components/grid/useServerGrid';
import { RepSelect, TerritorySelect } from '../../components/RefPickers';
import { errorMessage } from '../../shell/errors';
import { setParam, useRoute } from '../../shell/router';
import { WorkFilterTag } from '../../components/WorkFilterTag';
import { isOrderPreset } from '../../../../shared/domain/work-queues';
import { orderColumns } from './columns';
import { OrderCreateModal } from './OrderCreateModal';
import { OrderDrawer } from './OrderDrawer';

interface Totals {
  count: number;
  totalFen: number;
  shippedFen: number;
  collectedFen: number;
  returnedFen: number;
  openFen: number;
}

/**
 * 订单: every order in an AG Grid whose paging, sort and filters run in SQL, with the toolbar filters
 * (state, rep, account, territory, dates, overdue) and the totals of whatever is filtered.
 */
export default function OrdersPage() {
  const { t } = useTranslation('orders');
  const { message } = AntApp.useApp();
  const route = useRoute();
  const openId = route.params.get('open') ?? undefined;
  const urlFilter = route.params.get('filter');
  const preset = isOrderPreset(urlFilter) ? urlFilter : undefined;
  const [filter, setFilter] = useState<OrderListFilter>(() => (preset === 'credit-pending' ? { creditPending: true } : {}));
  const [totals, setTotals] = useState<Totals | null>(null);
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => orderColumns(t), [t]);

  const fetch = useCallback(
    async (q: PageQuery, f: OrderListFilter) => {
      const page = await api.call('orders.list', { ...q, filter: f, withTotals: false });
      // The totals scan every matching order: fetch them after the first page, not before it.
      if (q.offset === 0) {
        api
          .call('orders.totals', { filters: q.filters, ...(q.search ? { search: q.search } : {}), filter: f })
          .then(setTotals, (e: unknown) => void message.error(errorMessage(e)));
      }
      return page;
    },
    [message],
  );
  const { gridProps, search, setSearch, refresh } = useServerGrid({ fetch, columns, filter, entities: ['orders'] });

  // A dashboard work queue in the URL (#/orders?filter=credit-pending) filters the grid until the tag is closed.
  useEffect(() => {
    const want = preset === 'credit-pending';
    setFilter((f) => {
      if (!!f.creditPending === want) return f;
      const next = { ...f };
      if (want) next.creditPending = true;
      else delete next.creditPending;
      return next;
    });
  }, [preset]);

  const patch = (p: Partial<OrderListFilter>) => setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...p }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as OrderListFilter);
  const range = (v: [Dayjs | null, Dayjs | null] | null) => patch({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 480 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Input.Search allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('searchPlaceholder')} style={{ width: 240 }} data-testid="orders-search" />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filters.state')}
          style={{ minWidth: 150 }}
          maxTagCount="responsive"
          value={filter.states ?? []}
          onChange={(v: OrderState[]) => patch({ states: v })}
          options={ORDER_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          data-testid="orders-filter-state"
        />
        <RepSelect placeholder={t('filters.rep')} style={{ width: 130 }} value={filter.repId} onChange={(v) => patch({ repId: v })} />
        <AccountSelect placeholder={t('filters.account')} style={{ width: 200 }} value={filter.accountId} onChange={(v) => patch({ accountId: v })} testId="orders-filter-account" />
        <TerritorySelect placeholder={t('filters.territory')} style={{ width: 140 }} value={filter.territoryId} onChange={(v) => patch({ territoryId: v })} />
        <DatePicker.RangePicker style={{ width: 240 }} onChange={(v) => range(v)} placeholder={[t('filters.dates'), '']} />
        <Space size={4}>
          <Switch size="small" checked={!!filter.overdue} onChange={(v) => patch({ overdue: v || undefined })} data-testid="orders-filter-overdue" />
          <Typography.Text>{t('filters.overdue')}</Typography.Text>
        </Space>
        <WorkFilterTag path="/orders" filter={preset} />
        <Space style={{ marginLeft: 'auto' }}>
          <Button icon={<ReloadOutlined />} onClick={refresh}>
            {t('refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="orders-create">
            {t('create')}
          </Button>
        </Space>
      </div>
      <Space size={32} style={{ marginBottom: 8, padding: '6px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }} data-testid="orders-totals">
        <Typography.Text strong data-testid="orders-count">
          {t('count', { count: totals?.count ?? 0 })}
        </Typography.Text>
        <Statistic title={t('totals.total')} value={formatFen(totals?.totalFen ?? 0)} valueStyle={{ fontSize: 16 }} />
        <Statistic title={t('totals.shipped')} value={formatFen(totals?.shippedFen ?? 0)} valueStyle={{ fontSize: 16 }} />
        <Statistic title={t('totals.collected')} value={formatFen(totals?.collectedFen ?? 0)} valueStyle={{ fontSize: 16, color: '#389e0d' }} />
        <Statistic title={t('totals.open')} value={formatFen(totals?.openFen ?? 0)} valueStyle={{ fontSize: 16, color: '#d46b08' }} />
        <Statistic title={t('totals.returned')} value={formatFen(totals?.returnedFen ?? 0)} valueStyle={{ fontSize: 16 }} />
      </Space>
      <div style={{ flex: 1, minHeight: 360 }} data-testid="orders-grid">
        <AgGridReact<OrderRow>
          {...gridProps}
          defaultColDef={{ sortable: true, resizable: true }}
          maxBlocksInCache={50}
          blockLoadDebounceMillis={50}
          getRowId={(p) => p.data.id}
          onRowClicked={(e: RowClickedEvent<OrderRow>) => e.data && setParam('open', e.data.id)}
        />
      </div>
      <OrderDrawer id={openId} onClose={() => setParam('open', undefined)} onChanged={refresh} />
      <OrderCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id, no) => {
          setCreating(false);
          void message.success(t('form.created', { no }));
          refresh();
          setParam('open', id);
        }}
      />
    </div>
  );
}
