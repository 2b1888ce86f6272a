import type { ColDef, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Input, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenInstalmentRow } from '../../../../shared/contract/instalments';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { moneyColumn } from '../../components/grid/format';
import type { PageQuery } from '../../components/grid/serverDatasource';
import { useServerGrid } from '../../components/grid/useServerGrid';
import { WorkFilterTag } from '../../components/WorkFilterTag';
import { navigate, setParam } from '../../shell/router';

/**
 * 回款计划: the open instalments of confirmed orders, oldest due first, with what is still owed; "overdue
 * only" is the collections work list (the dashboard opens it with #/payments?tab=instalments&filter=overdue).
 * A row opens its order.
 */
export function InstalmentsTab(props: { preset: 'overdue' | undefined }) {
  const { t } = useTranslation('payments');
  const [overdue, setOverdue] = useState(props.preset === 'overdue');
  const [totals, setTotals] = useState<{ count: number; openFen: number } | null>(null);

  const columns = useMemo<ColDef<OpenInstalmentRow>[]>(() => {
    const buttons = { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 };
    const text = { filter: 'agTextColumnFilter', filterParams: buttons };
    return [
      { field: 'orderNo', headerName: t('instalments.col.orderNo'), width: 150, pinned: 'left', ...text },
      { field: 'accountCode', headerName: t('instalments.col.accountCode'), width: 115, ...text },
      { field: 'accountName', headerName: t('instalments.col.accountName'), width: 230, ...text },
      { field: 'repName', headerName: t('instalments.col.repName'), width: 100, ...text },
      { field: 'label', headerName: t('instalments.col.label'), width: 190, ...text },
      { field: 'dueOn', headerName: t('instalments.col.dueOn'), width: 115, filter: 'agDateColumnFilter', filterParams: buttons },
      { field: 'daysOverdue', headerName: t('instalments.col.daysOverdue'), width: 105, type: 'rightAligned', filter: 'agNumberColumnFilter', filterParams: buttons, cellClass: 'money', cellStyle: (p) => (typeof p.value === 'number' && p.value > 90 ? { color: '#cf1322' } : null) },
      { field: 'amountFen', headerName: t('instalments.col.amountFen'), width: 130, ...moneyColumn, filterParams: buttons },
      { field: 'paidFen', headerName: t('instalments.col.paidFen'), width: 130, ...moneyColumn, filterParams: buttons },
      { field: 'openFen', headerName: t('instalments.col.openFen'), width: 130, ...moneyColumn, filterParams: buttons },
    ];
  }, [t]);

  const fetch = useCallback(async (q: PageQuery, overdueOnly: boolean) => {
    const page = await api.call('ar.instalments', { ...q, filter: overdueOnly ? { overdue: true } : {} });
    setTotals({ count: page.total, openFen: page.openFen });
    return page;
  }, []);
  const { gridProps, search, setSearch } = useServerGrid({ fetch, columns, filter: overdue, entities: ['payments', 'orders'] });

  // Opening the work queue turns "overdue only" on; closing its tag turns it off again.
  const lastPreset = useRef(props.preset);
  useEffect(() => {
    if (lastPreset.current === props.preset) return;
    lastPreset.current = props.preset;
    setOverdue(props.preset === 'overdue');
  }, [props.preset]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 230px)', minHeight: 360 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Input.Search allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('instalments.searchPlaceholder')} style={{ width: 280 }} />
        <Switch
          size="small"
          checked={overdue}
          onChange={(v) => {
            setOverdue(v);
            if (props.preset) setParam('filter', undefined);
          }}
          data-testid="instalments-overdue"
        />
        <Typography.Text>{t('instalments.overdueOnly')}</Typography.Text>
        <WorkFilterTag path="/payments" filter={props.preset} />
        <Typography.Text type="secondary" data-testid="instalments-count">
          {totals ? t('instalments.count', { count: totals.count, amount: formatFen(totals.openFen) }) : ''}
        </Typography.Text>
      </Space>
      <div style={{ flex: 1 }} data-testid="instalments-grid">
        <AgGridReact<OpenInstalmentRow>
          {...gridProps}
          defaultColDef={{ sortable: true, resizable: true }}
          getRowId={(p) => p.data.id}
          onRowClicked={(e: RowClickedEvent<OpenInstalmentRow>) => e.data && navigate('/orders', { open: e.data.orderId })}
        />
      </div>
    </div>
  );
}
