import type { ColDef } from 'ag-grid-community';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { CreditRiskRow } from '../../../../shared/contract/credit';
import { moneyColumn } from '../../components/grid/format';
import { GradeTag } from './tags';

/** The risk grid's columns: sorting runs in SQL (credit.list), so only the run's own columns sort fast. */
export function riskColumns(t: TFunction<'credit'>): ColDef<CreditRiskRow>[] {
  return [
    { field: 'code', headerName: t('col.code'), width: 120, pinned: 'left' },
    { field: 'name', headerName: t('col.name'), width: 220, pinned: 'left' },
    { field: 'grade', headerName: t('col.grade'), width: 92, cellRenderer: (p: { value: string }) => <GradeTag grade={p.value} /> },
    { field: 'score', headerName: t('col.score'), width: 80, type: 'rightAligned' },
    { field: 'previousGrade', headerName: t('col.previousGrade'), width: 92, cellRenderer: (p: { value: string | null }) => (p.value ? <GradeTag grade={p.value} /> : '') },
    { field: 'exposureFen', headerName: t('col.exposureFen'), width: 140, ...moneyColumn, filter: false },
    { field: 'limitFen', headerName: t('col.limitFen'), width: 140, ...moneyColumn, filter: false, valueFormatter: (p) => (typeof p.value === 'number' ? moneyColumn.valueFormatter(p) : t('noLimit')) },
    {
      field: 'usedPct',
      headerName: t('col.usedPct'),
      width: 110,
      type: 'rightAligned',
      cellRenderer: (p: { value: number | null }) => (p.value === null || p.value === undefined ? '' : <span style={{ color: p.value > 100 ? '#cf1322' : p.value >= 90 ? '#d48806' : undefined }}>{p.value.toFixed(1)}%</span>),
    },
    {
      colId: 'flags',
      headerName: t('col.flags'),
      width: 170,
      sortable: false,
      cellRenderer: (p: { data?: CreditRiskRow }) =>
        p.data ? (
          <>
            {p.data.hold ? <Tag color="red">{t('flag.hold')}</Tag> : null}
            {p.data.suggestHold ? <Tag color="volcano">{t('flag.suggestHold')}</Tag> : null}
            {p.data.overLimit ? <Tag color="orange">{t('flag.overLimit')}</Tag> : null}
          </>
        ) : null,
    },
    { field: 'maxOverdueDays', headerName: t('col.maxOverdueDays'), width: 120, type: 'rightAligned', sortable: false },
    { field: 'overdueFen', headerName: t('col.overdueFen'), width: 130, ...moneyColumn, filter: false, sortable: false },
    { field: 'tempLimitExpiresOn', headerName: t('col.tempLimitExpiresOn'), width: 120, sortable: false },
    { field: 'ownerName', headerName: t('col.ownerName'), width: 100, sortable: false },
    { field: 'tier', headerName: t('col.tier'), width: 70, sortable: false },
  ];
}
