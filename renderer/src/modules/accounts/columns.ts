import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { dateTimeFormatter, moneyColumn } from '../../components/grid/format';
import { SetFilter } from '../../components/grid/SetFilter';
import { tagCell, tagListCell } from '../../components/grid/tagCell';

const TIER_COLORS: Record<string, string> = { A: 'red', B: 'blue', C: 'default' };
const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'cyan', C: 'gold', D: 'orange', E: 'red' };

/** The pool reminder window has begun: the account is reclaimed soon unless someone follows up. */
function reclaimSoon(row: AccountRow | undefined, today: string): boolean {
  return Boolean(row?.reclaimRemindOn && today && row.reclaimRemindOn <= today);
}

const editable = { editable: true, cellClass: 'cell-editable' };

/**
 * The accounts grid columns; every sortable/filterable one is backed by SQL in db/repositories/accounts.ts.
 * Editable ones are saved in place (inline-edit.ts checks them first); the owner never is.
 */
export function accountColumns(t: TFunction, today = ''): ColDef<AccountRow>[] {
  const text = { filter: 'agTextColumnFilter', filterParams: { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 } };
  const num = { filter: 'agNumberColumnFilter', filterParams: { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 } };
  const date = { filter: 'agDateColumnFilter', filterParams: { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 } };
  const set = (options: { value: string; label: string }[]) => ({ filter: SetFilter, filterParams: { options } });
  const h = (key: string) => t(`col.${key}`);
  return [
    { field: 'code', headerName: h('code'), width: 120, pinned: 'left', ...text },
    // The name is the grid's link to the account (a click opens it); it is edited in the drawer.
    { field: 'name', headerName: h('name'), width: 260, pinned: 'left', ...text },
    {
      field: 'tier',
      headerName: h('tier'),
      width: 110,
      ...set(['A', 'B', 'C'].map((v) => ({ value: v, label: t(`tier.${v}`) }))),
      cellRenderer: tagCell((v) => (typeof v === 'string' ? { text: t(`tier.${v}`), color: TIER_COLORS[v] } : null)),
      ...editable,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: ['A', 'B', 'C'] },
    },
    { field: 'ownerName', headerName: h('ownerName'), width: 110, ...text, valueFormatter: (p) => (p.value as string | null) ?? t('pool'), headerTooltip: t('drawer.ownerHint') },
    { field: 'followerNames', headerName: h('followerNames'), width: 130, ...text, sortable: false, valueFormatter: (p) => ((p.value as string[] | undefined) ?? []).join('、') },
    { field: 'territoryName', headerName: h('territoryName'), width: 110, ...text },
    { field: 'industry', headerName: h('industry'), width: 110, ...text, ...editable },
    { field: 'lastFollowupOn', headerName: h('lastFollowupOn'), width: 120, ...date },
    { field: 'daysSinceFollowup', headerName: h('daysSinceFollowup'), width: 120, type: 'rightAligned', ...num },
    {
      field: 'reclaimOn',
      headerName: h('reclaimOn'),
      width: 130,
      ...date,
      headerTooltip: t('reclaimHint'),
      cellRenderer: tagCell((v, row) =>
        typeof v === 'string' ? { text: v, color: reclaimSoon(row as AccountRow | undefined, today) ? 'orange' : undefined, testId: 'reclaim-tag' } : null,
      ),
    },
    { field: 'nextFollowupOn', headerName: h('nextFollowupOn'), width: 120, hide: true, sortable: false },
    { field: 'openReceivableFen', headerName: h('openReceivableFen'), width: 140, ...moneyColumn, filterParams: num.filterParams },
    { field: 'overdueFen', headerName: h('overdueFen'), width: 130, ...moneyColumn, filterParams: num.filterParams },
    { field: 'maxOverdueDays', headerName: h('maxOverdueDays'), width: 120, type: 'rightAligned', ...num },
    { field: 'openCases', headerName: h('openCases'), width: 100, type: 'rightAligned', ...num },
    {
      field: 'creditGrade',
      headerName: h('creditGrade'),
      width: 100,
      ...set(['A', 'B', 'C', 'D', 'E'].map((v) => ({ value: v, label: v }))),
      cellRenderer: tagCell((v) => (typeof v === 'string' ? { text: v, color: GRADE_COLORS[v] } : null)),
    },
    {
      field: 'creditHold',
      headerName: h('creditHold'),
      width: 100,
      ...set([
        { value: 'true', label: t('yes') },
        { value: 'false', label: t('no') },
      ]),
      cellRenderer: tagCell((v) => (v === true ? { text: t('yes'), color: 'red' } : null)),
    },
    {
      field: 'dealStatus',
      headerName: h('dealStatus'),
      width: 100,
      ...set(['prospect', 'negotiating', 'won', 'lost'].map((v) => ({ value: v, label: t(`deal.${v}`) }))),
      valueFormatter: (p) => t(`deal.${p.value as string}`),
      ...editable,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: ['prospect', 'negotiating', 'won', 'lost'] },
    },
    { field: 'tags', headerName: h('tags'), width: 140, ...text, sortable: false, cellRenderer: tagListCell((v) => ((v as string[] | undefined) ?? []).map((x) => ({ text: x, color: undefined }))) },
    { field: 'creditCode', headerName: h('creditCode'), width: 180, ...text, ...editable },
    { field: 'phone', headerName: h('phone'), width: 130, ...text, ...editable },
    { field: 'email', headerName: h('email'), width: 160, hide: true, sortable: false, ...editable },
    { field: 'shortName', headerName: h('shortName'), width: 110, hide: true, sortable: false, ...editable },
    { field: 'accountGroup', headerName: h('accountGroup'), width: 100, hide: true, sortable: false, ...editable },
    { field: 'province', headerName: h('province'), width: 90, ...text, ...editable },
    { field: 'city', headerName: h('city'), width: 90, ...text, ...editable },
    { field: 'address', headerName: h('address'), width: 200, hide: true, sortable: false, ...editable },
    { field: 'source', headerName: h('source'), width: 100, ...text, ...editable },
    { field: 'lastDealOn', headerName: h('lastDealOn'), width: 120, ...date },
    { field: 'createdAt', headerName: h('createdAt'), width: 150, valueFormatter: dateTimeFormatter, hide: true },
    { field: 'updatedAt', headerName: h('updatedAt'), width: 150, valueFormatter: dateTimeFormatter, hide: true },
  ];
}
