import type { CellValueChangedEvent, ColDef, ColGroupDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Button, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetUpsertItem } from '../../../../shared/contract/targets';
import { formatFen, parseYuan } from '../../../../shared/domain/money';
import { MEASURES, MEASURE_INFO, type Measure } from '../../../../shared/domain/target-measures';
import { api, onEvent } from '../../api';
import '../../components/grid/setup';
import { gridLocale, gridTheme } from '../../components/grid/setup';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';

interface GridRow {
  key: string;
  owner: string;
  repId: string | null;
  territoryId: string | null;
  /** period key → value (fen or count) as set; absent = not set. */
  values: Record<string, number | undefined>;
  versions: Record<string, number>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 目标 grid: a row per rep and per territory, a column per month, quarter and the year. Cells hold the
 * targets as set (quarter and year targets are split over months when attainment is computed). Edits
 * collect locally and are saved in one targets.upsert (one transaction).
 */
export function TargetsPanel() {
  const { t, i18n } = useTranslation('reports');
  const { message } = AntApp.useApp();
  const { status } = useApp();
  const [year, setYear] = useState(Number(status.today.slice(0, 4)));
  const [measure, setMeasure] = useState<Measure>('sales');
  const [split, setSplit] = useState<'even' | 'seasonal'>('even');
  const [rows, setRows] = useState<GridRow[]>([]);
  const [dirty, setDirty] = useState<Map<string, TargetUpsertItem>>(new Map());
  const money = MEASURE_INFO[measure].money;

  const load = useCallback(async () => {
    const [reps, territories, targets] = await Promise.all([
      api.call('reps.list', { includeLeft: false }),
      api.call('territories.list', {}),
      api.call('targets.list', { year, measure }),
    ]);
    const byOwner = new Map<string, GridRow>();
    for (const r of reps) byOwner.set(`rep:${r.id}`, { key: `rep:${r.id}`, owner: r.name, repId: r.id, territoryId: null, values: {}, versions: {} });
    for (const tr of territories) byOwner.set(`territory:${tr.id}`, { key: `territory:${tr.id}`, owner: `${t('targets.territoryPrefix')}${tr.name}`, repId: null, territoryId: tr.id, values: {}, versions: {} });
    for (const x of targets) {
      const row = byOwner.get(x.repId ? `rep:${x.repId}` : `territory:${x.territoryId}`);
      if (!row) continue;
      row.values[x.period] = x.value;
      row.versions[x.period] = x.version;
    }
    setRows([...byOwner.values()]);
    setDirty(new Map());
  }, [year, measure, t]);

  useEffect(() => {
    void load();
    return onEvent('data.changed', (p) => p.entities.includes('targets') && void load());
  }, [load]);

  const columns = useMemo((): (ColDef<GridRow> | ColGroupDef<GridRow>)[] => {
    const cell = (period: string, header: string): ColDef<GridRow> => ({
      colId: period,
      headerName: header,
      width: money ? 120 : 90,
      editable: true,
      type: 'rightAligned',
      valueGetter: (p) => p.data?.values[period] ?? null,
      valueFormatter: (p) => (typeof p.value === 'number' ? (money ? formatFen(p.value) : String(p.value)) : ''),
      valueParser: (p) => {
        const text = String(p.newValue ?? '').trim().replace(/,/g, '');
        if (text === '') return null;
        const v = money ? parseYuan(text) : /^\d+$/.test(text) ? Number(text) : null;
        return v === null || v < 0 ? p.oldValue : v;
      },
      valueSetter: (p) => {
        if (!p.data) return false;
        const v = p.newValue as number | null;
        if (v === null) delete p.data.values[period];
        else p.data.values[period] = v;
        return true;
      },
      cellStyle: (p) => (p.data && dirty.has(`${p.data.key}|${period}`) ? { background: '#fffbe6' } : null),
    });
    const quarters = [1, 2, 3, 4].map((q) => ({
      headerName: `Q${q}`,
      children: [cell(`${year}-Q${q}`, i18n.language === 'en' ? `Q${q} total` : `第${q}季度`), ...[0, 1, 2].map((i) => cell(`${year}-${pad((q - 1) * 3 + i + 1)}`, `${(q - 1) * 3 + i + 1}月`))],
    }));
    return [{ field: 'owner', headerName: t('targets.owner'), pinned: 'left', width: 160 }, cell(String(year), t('targets.year_total')), ...quarters];
  }, [year, money, dirty, t, i18n.language]);

  const onChange = (e: CellValueChangedEvent<GridRow>) => {
    const period = e.column.getColId();
    const row = e.data;
    const item: TargetUpsertItem = {
      ...(row.repId ? { repId: row.repId } : { territoryId: row.territoryId }),
      period,
      measure,
      value: row.values[period] ?? null,
      ...(period.length > 7 || /^\d{4}$/.test(period) ? { split } : {}),
      ...(row.versions[period] ? { version: row.versions[period] } : {}),
    };
    setDirty((d) => new Map(d).set(`${row.key}|${period}`, item));
  };

  const save = async () => {
    try {
      const r = await api.call('targets.upsert', { items: [...dirty.values()] });
      void message.success(t('targets.saved', r));
      await load();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <div>
      <Space style={{ marginBottom: 10 }} wrap>
        <span>{t('targets.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <span>{t('targets.measure')}</span>
        <Select style={{ width: 130 }} value={measure} onChange={setMeasure} options={MEASURES.map((m) => ({ value: m, label: t(`measures.${m}`) }))} data-testid="targets-measure" />
        <span>{t('targets.split')}</span>
        <Radio.Group value={split} onChange={(e) => setSplit(e.target.value as 'even' | 'seasonal')} options={[{ value: 'even', label: t('targets.even') }, { value: 'seasonal', label: t('targets.seasonal') }]} />
        <Button type="primary" disabled={dirty.size === 0} onClick={() => void save()} data-testid="targets-save">
          {t('targets.save')}
        </Button>
        {dirty.size ? <Typography.Text type="warning">{t('targets.unsaved', { count: dirty.size })}</Typography.Text> : null}
        <Typography.Text type="secondary">{t('targets.unit')}</Typography.Text>
      </Space>
      <div style={{ height: 'calc(100vh - 330px)', minHeight: 360 }} data-testid="targets-grid">
        <AgGridReact<GridRow>
          theme={gridTheme}
          localeText={gridLocale(i18n.language)}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => p.data.key}
          onCellValueChanged={onChange}
          singleClickEdit
          stopEditingWhenCellsLoseFocus
        />
      </div>
    </div>
  );
}
