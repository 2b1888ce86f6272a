import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { OrderRow } from '../../../../shared/contract/orders';
import { ORDER_STATES, type OrderState } from '../../../../shared/domain/order-state';
import { dateTimeFormatter, moneyColumn } from '../../components/grid/format';
import { SetFilter } from '../../components/grid/SetFilter';
import { OrderStateTag } from './state-tag';

/** The orders grid columns; each sortable/filterable one maps to SQL in db/repositories/orders.ts. */
export function orderColumns(t: TFunction): ColDef<OrderRow>[] {
  const buttons = { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 };
  const text = { filter: 'agTextColumnFilter', filterParams: buttons };
  const date = { filter: 'agDateColumnFilter', filterParams: buttons };
  const h = (key: string) => t(`col.${key}`);
  return [
    { field: 'orderNo', headerName: h('orderNo'), width: 150, pinned: 'left', ...text },
    { field: 'accountName', headerName: h('accountName'), width: 220, ...text },
    {
      field: 'state',
      headerName: h('state'),
      width: 110,
      filter: SetFilter,
      filterParams: { options: ORDER_STATES.map((s) => ({ value: s, label: t(`state.${s}`) })) },
      cellRenderer: (p: { value: OrderState }) => (p.value ? <OrderStateTag state={p.value} t={t} /> : null),
    },
    { field: 'orderedOn', headerName: h('orderedOn'), width: 115, ...date },
    { field: 'totalFen', headerName: h('totalFen'), width: 130, ...moneyColumn, filterParams: buttons },
    { field: 'collectedFen', headerName: h('collectedFen'), width: 130, ...moneyColumn, filterParams: buttons },
    { field: 'openFen', headerName: h('openFen'), width: 130, ...moneyColumn, filterParams: buttons },
    {
      field: 'overdueFen',
      headerName: h('overdueFen'),
      width: 120,
      ...moneyColumn,
      sortable: false,
      filter: false,
      // Always return a colour: AG Grid keeps a style from an earlier value when the function returns null.
      cellStyle: (p) => ({ color: typeof p.value === 'number' && p.value > 0 ? '#cf1322' : 'inherit' }),
    },
    { field: 'repName', headerName: h('repName'), width: 100, ...text },
    { field: 'territoryName', headerName: h('territoryName'), width: 100, ...text },
    { field: 'customerPo', headerName: h('customerPo'), width: 130, ...text },
    { field: 'promisedOn', headerName: h('promisedOn'), width: 115, ...date },
    { field: 'confirmedOn', headerName: h('confirmedOn'), width: 115, ...date },
    { field: 'shippedOn', headerName: h('shippedOn'), width: 115, ...date },
    { field: 'shippedFen', headerName: h('shippedFen'), width: 130, ...moneyColumn, filterParams: buttons, hide: true },
    { field: 'returnedFen', headerName: h('returnedFen'), width: 120, ...moneyColumn, filterParams: buttons, hide: true },
    { field: 'accountCode', headerName: h('accountCode'), width: 120, ...text, hide: true },
    { field: 'updatedAt', headerName: h('updatedAt'), width: 150, valueFormatter: dateTimeFormatter, hide: true },
  ];
}
