import type { ColDef } from 'ag-grid-community';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { dateTimeFormatter, moneyColumn } from '../../components/grid/format';
import { SetFilter } from '../../components/grid/SetFilter';

const TIER_COLORS: Record<string, string> = { A: 'red', B: 'blue', C: 'default' };
const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'cyan', C: 'gold', D: 'orange', E: 'red' };

/** The accounts grid columns; every sortable/filterable one is backed by SQL in db/repositories/accounts.ts. */
export function accountColumns(t: TFunction): ColDef<AccountRow>[] {
  const text = { filter: 'agTextColumnFilter', filterParams: { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 } };
  const num = { filter: 'agNumberColumnFilter', filterParams: { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 } };
  const date = { filter: 'agDateColumnFilter', filterParams: { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 } };
  const set = (options: { value: string; label: string }[]) => ({ filter: SetFilter, filterParams: { options } });
  const h = (key: string) => t(`col.${key}`);
  return [
    { field: 'code', headerName: h('code'), width: 120, pinned: 'left', ...text },
    { field: 'name', headerName: h('name'), width: 260, pinned: 'left', ...text },
    {
      field: 'tier',
      headerName: h('tier'),
      width: 110,
      ...set(['A', 'B', 'C'].map((v) => ({ value: v, label: t(`tier.${v}`) }))),
      cellRenderer: (p: { value: string }) => <Tag color={TIER_COLORS[p.value]}>{t(`tier.${p.value}`)}</Tag>,
    },
    { field: 'ownerName', headerName: h('ownerName'), width: 110, ...text, valueFormatter: (p) => (p.value as string | null) ?? t('pool') },
    { field: 'territoryName', headerName: h('territoryName'), width: 110, ...text },
    { field: 'industry', headerName: h('industry'), width: 110, ...text },
    { field: 'lastFollowupOn', headerName: h('lastFollowupOn'), width: 120, ...date },
    { field: 'daysSinceFollowup', headerName: h('daysSinceFollowup'), width: 120, type: 'rightAligned', ...num },
    { field: 'openReceivableFen', headerName: h('openReceivableFen'), width: 140, ...moneyColumn, filterParams: num.filterParams },
    { field: 'overdueFen', headerName: h('overdueFen'), width: 130, ...moneyColumn, filterParams: num.filterParams },
    { field: 'maxOverdueDays', headerName: h('maxOverdueDays'), width: 120, type: 'rightAligned', ...num },
    { field: 'openCases', headerName: h('openCases'), width: 100, type: 'rightAligned', ...num },
    {
      field: 'creditGrade',
      headerName: h('creditGrade'),
      width: 100,
      ...set(['A', 'B', 'C', 'D', 'E'].map((v) => ({ value: v, label: v }))),
      cellRenderer: (p: { value: string | null }) => (p.value ? <Tag color={GRADE_COLORS[p.value]}>{p.value}</Tag> : null),
    },
    {
      field: 'creditHold',
      headerName: h('creditHold'),
      width: 100,
      ...set([
        { value: 'true', label: t('yes') },
        { value: 'false', label: t('no') },
      ]),
      cellRenderer: (p: { value: boolean }) => (p.value ? <Tag color="red">{t('yes')}</Tag> : null),
    },
    {
      field: 'dealStatus',
      headerName: h('dealStatus'),
      width: 100,
      ...set(['prospect', 'negotiating', 'won', 'lost'].map((v) => ({ value: v, label: t(`deal.${v}`) }))),
      valueFormatter: (p) => t(`deal.${p.value as string}`),
    },
    { field: 'creditCode', headerName: h('creditCode'), width: 180, ...text },
    { field: 'phone', headerName: h('phone'), width: 130, ...text },
    { field: 'province', headerName: h('province'), width: 90, ...text },
    { field: 'city', headerName: h('city'), width: 90, ...text },
    { field: 'source', headerName: h('source'), width: 100, ...text },
    { field: 'lastDealOn', headerName: h('lastDealOn'), width: 120, ...date },
    { field: 'createdAt', headerName: h('createdAt'), width: 150, valueFormatter: dateTimeFormatter, hide: true },
    { field: 'updatedAt', headerName: h('updatedAt'), width: 150, valueFormatter: dateTimeFormatter, hide: true },
  ];
}
