import { DollarOutlined, ReloadOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Button, Input, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentRow } from '../../../../shared/contract/payments';
import { api } from '../../api';
import { dateTimeFormatter, moneyColumn } from '../../components/grid/format';
import type { PageQuery } from '../../components/grid/serverDatasource';
import { SetFilter } from '../../components/grid/SetFilter';
import { GridCount } from '../../components/grid/GridCount';
import { useServerGrid } from '../../components/grid/useServerGrid';
import { navigate, useRoute } from '../../shell/router';
import { AgingReport } from './AgingReport';
import { InstalmentsTab } from './InstalmentsTab';
import { DsoReport } from './DsoReport';
import { type PaymentMode, PaymentModal } from './PaymentModal';

const METHODS = ['bank_transfer', 'acceptance_bill', 'cash', 'wechat', 'alipay', 'other'];
/** A block of payments; "with credit" keeps those that still have money to allocate. */
const listPayments = (q: PageQuery, withCredit: boolean) => api.call('payments.list', { ...q, filter: withCredit ? { withCredit: true } : {} });

/** 回款: payments received (split across orders), the account credit they leave, AR aging and DSO. */
export default function PaymentsPage() {
  const { t } = useTranslation('payments');
  const route = useRoute();
  const tab = route.params.get('tab') ?? 'list';
  const instalmentPreset = route.params.get('filter') === 'overdue' ? 'overdue' : undefined;
  const [withCredit, setWithCredit] = useState(false);
  const [mode, setMode] = useState<PaymentMode | null>(null);

  const columns = useMemo<ColDef<PaymentRow>[]>(() => {
    const buttons = { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 };
    const text = { filter: 'agTextColumnFilter', filterParams: buttons };
    return [
      { field: 'paymentNo', headerName: t('col.paymentNo'), width: 150, pinned: 'left', ...text },
      { field: 'accountName', headerName: t('col.accountName'), width: 220, ...text },
      { field: 'receivedOn', headerName: t('col.receivedOn'), width: 115, filter: 'agDateColumnFilter', filterParams: buttons },
      { field: 'amountFen', headerName: t('col.amountFen'), width: 130, ...moneyColumn, filterParams: buttons },
      {
        field: 'method',
        headerName: t('col.method'),
        width: 110,
        filter: SetFilter,
        filterParams: { options: METHODS.map((m) => ({ value: m, label: t(`method.${m}`) })) },
        valueFormatter: (p) => t(`method.${p.value as string}`),
      },
      {
        field: 'kind',
        headerName: t('col.kind'),
        width: 80,
        cellRenderer: (p: { value: string }) => (p.value === 'refund' ? <Tag color="volcano">{t('kind.refund')}</Tag> : <Tag color="green">{t('kind.receipt')}</Tag>),
      },
      { field: 'allocatedFen', headerName: t('col.allocatedFen'), width: 130, ...moneyColumn, sortable: false, filter: false },
      { field: 'unallocatedFen', headerName: t('col.unallocatedFen'), width: 130, ...moneyColumn, filterParams: buttons },
      { field: 'reference', headerName: t('col.reference'), width: 160, ...text },
      { field: 'returnNo', headerName: t('col.returnNo'), width: 140, sortable: false },
      { field: 'createdAt', headerName: t('col.createdAt'), width: 150, valueFormatter: dateTimeFormatter },
    ];
  }, [t]);

  const { gridProps, search, setSearch, totalStore, refresh } = useServerGrid({ fetch: listPayments, columns, filter: withCredit, entities: ['payments'] });

  const list = (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 230px)', minHeight: 360 }}>
      <Space style={{ marginBottom: 8 }}>
        <Input.Search allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('searchPlaceholder')} style={{ width: 300 }} />
        <Switch size="small" checked={withCredit} onChange={setWithCredit} />
        <Typography.Text>{t('withCredit')}</Typography.Text>
        <Typography.Text type="secondary"><GridCount store={totalStore} format={(n) => t('count', { count: n })} /></Typography.Text>
      </Space>
      <div style={{ flex: 1 }} data-testid="payments-grid">
        <AgGridReact<PaymentRow>
          {...gridProps}
          defaultColDef={{ sortable: true, resizable: true }}
          getRowId={(p) => p.data.id}
        />
      </div>
    </div>
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate('/payments', k === 'list' ? {} : { tab: k })}
        tabBarExtraContent={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={refresh}>
              {t('refresh')}
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => setMode('allocate')}>
              {t('allocateCredit')}
            </Button>
            <Button icon={<RollbackOutlined />} onClick={() => setMode('refund')}>
              {t('refund')}
            </Button>
            <Button type="primary" icon={<DollarOutlined />} onClick={() => setMode('receipt')} data-testid="payments-add">
              {t('add')}
            </Button>
          </Space>
        }
        items={[
          { key: 'list', label: <span data-testid="payments-tab-list">{t('tabs.list')}</span>, children: list },
          { key: 'instalments', label: <span data-testid="payments-tab-instalments">{t('tabs.instalments')}</span>, children: <InstalmentsTab preset={instalmentPreset} /> },
          { key: 'aging', label: <span data-testid="payments-tab-aging">{t('tabs.aging')}</span>, children: <AgingReport /> },
          { key: 'dso', label: t('tabs.dso'), children: <DsoReport /> },
        ]}
      />
      <PaymentModal
        mode={mode}
        onClose={() => setMode(null)}
        onDone={() => {
          setMode(null);
          refresh();
        }}
      />
    </div>
  );
}
