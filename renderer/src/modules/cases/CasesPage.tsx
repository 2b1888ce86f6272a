import { PlusOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import type { ColDef, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Button, Input, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../../../shared/contract/cases';
import { CASE_STATES } from '../../../../shared/domain/case-state';
import { api } from '../../api';
import { dateTimeFormatter } from '../../components/grid/format';
import type { PageQuery } from '../../components/grid/serverDatasource';
import { SetFilter } from '../../components/grid/SetFilter';
import { GridCount } from '../../components/grid/GridCount';
import { useServerGrid } from '../../components/grid/useServerGrid';
import { setParam, useRoute } from '../../shell/router';
import { WorkFilterTag } from '../../components/WorkFilterTag';
import { type CasePreset, isCasePreset } from '../../../../shared/domain/work-queues';
import { CaseCreateModal } from './CaseCreateModal';
import { CaseDrawer } from './CaseDrawer';
import { SlaSettingsModal } from './SlaSettingsModal';
import { SlaTag } from './sla-view';

type SlaFilter = 'all' | 'breached' | 'about_to_breach' | 'on_track';
/** The SLA filter of a dashboard work queue (#/cases?filter=sla-breached). */
const presetSla = (p: CasePreset | undefined): SlaFilter | null => (p === 'sla-breached' ? 'breached' : p === 'sla-about-to-breach' ? 'about_to_breach' : null);
const PRIORITY_COLORS: Record<string, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'default' };
/** A block of cases under the toolbar's SLA and open-only filters. */
const listCases = (q: PageQuery, f: { sla: SlaFilter; open: boolean }) =>
  api.call('cases.list', { ...q, filter: { ...(f.sla !== 'all' ? { sla: f.sla } : {}), ...(f.open ? { open: true } : {}) } });

/** 售后: cases with their SLA countdowns (working time), filters for breached and about to breach. */
export default function CasesPage() {
  const { t } = useTranslation('cases');
  const { message } = AntApp.useApp();
  const route = useRoute();
  const openId = route.params.get('open') ?? undefined;
  const urlFilter = route.params.get('filter');
  const preset = isCasePreset(urlFilter) ? urlFilter : undefined;
  const [sla, setSla] = useState<SlaFilter>(() => presetSla(preset) ?? 'all');
  const [openOnly, setOpenOnly] = useState(true);
  const [creating, setCreating] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const columns = useMemo<ColDef<CaseRow>[]>(() => {
    const buttons = { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 };
    const text = { filter: 'agTextColumnFilter', filterParams: buttons };
    return [
      { field: 'caseNo', headerName: t('col.caseNo'), width: 140, pinned: 'left', ...text },
      {
        field: 'sla',
        headerName: t('col.countdown'),
        width: 150,
        sortable: false,
        cellRenderer: (p: { data?: CaseRow }) => (p.data ? <SlaTag row={p.data} t={t} /> : null),
      },
      {
        field: 'priority',
        headerName: t('col.priority'),
        width: 80,
        filter: SetFilter,
        filterParams: { options: ['P1', 'P2', 'P3', 'P4'].map((v) => ({ value: v, label: v })) },
        cellRenderer: (p: { value: string }) => <Tag color={PRIORITY_COLORS[p.value]}>{p.value}</Tag>,
      },
      { field: 'title', headerName: t('col.title'), width: 220, ...text },
      {
        field: 'state',
        headerName: t('col.state'),
        width: 110,
        filter: SetFilter,
        filterParams: { options: CASE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) })) },
        valueFormatter: (p) => t(`state.${p.value as string}`),
      },
      {
        field: 'type',
        headerName: t('col.type'),
        width: 90,
        filter: SetFilter,
        filterParams: { options: ['repair', 'replacement', 'return', 'refund', 'complaint', 'consultation'].map((v) => ({ value: v, label: t(`type.${v}`) })) },
        valueFormatter: (p) => t(`type.${p.value as string}`),
      },
      { field: 'accountName', headerName: t('col.accountName'), width: 200, ...text },
      { field: 'orderNo', headerName: t('col.orderNo'), width: 140, ...text },
      { field: 'ownerName', headerName: t('col.ownerName'), width: 100, ...text },
      { field: 'warranty', headerName: t('col.warranty'), width: 90, valueFormatter: (p) => t(`warranty.${p.value as string}`) },
      { field: 'openedAt', headerName: t('col.openedAt'), width: 150, valueFormatter: dateTimeFormatter },
    ];
  }, [t]);

  // A new object only when a toolbar filter changes: the grid reloads on a new filter.
  const filter = useMemo(() => ({ sla, open: openOnly }), [sla, openOnly]);
  const { gridProps, search, setSearch, totalStore, refresh } = useServerGrid({ fetch: listCases, columns, filter, entities: ['cases'] });

  useEffect(() => {
    const s = presetSla(preset);
    if (!s) return;
    setSla(s);
    setOpenOnly(true);
  }, [preset]);
  // Changing the filters by hand leaves the work queue the page was opened with.
  const leavePreset = () => {
    if (preset) setParam('filter', undefined);
  };

  // Countdowns move with the clock: refresh the visible rows every minute.
  useEffect(() => {
    const timer = setInterval(refresh, 60_000);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 480 }}>
      <Space wrap style={{ marginBottom: 10, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('searchPlaceholder')} style={{ width: 260 }} />
          <Segmented<SlaFilter>
            value={sla}
            onChange={(v) => {
              setSla(v);
              leavePreset();
            }}
            data-testid="cases-sla-filter"
            options={[
              { value: 'all', label: t('sla.all') },
              { value: 'breached', label: <span style={{ color: '#cf1322' }}>{t('sla.breached')}</span> },
              { value: 'about_to_breach', label: <span style={{ color: '#d46b08' }}>{t('sla.about_to_breach')}</span> },
              { value: 'on_track', label: <span style={{ color: '#389e0d' }}>{t('sla.on_track')}</span> },
            ]}
          />
          <Switch
            size="small"
            checked={openOnly}
            onChange={(v) => {
              setOpenOnly(v);
              leavePreset();
            }}
            data-testid="cases-open-only"
          />
          <Typography.Text>{t('openOnly')}</Typography.Text>
          <WorkFilterTag path="/cases" filter={preset} />
          <Typography.Text type="secondary" data-testid="cases-count">
            <GridCount store={totalStore} format={(n) => t('count', { count: n })} />
          </Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refresh}>
            {t('refresh')}
          </Button>
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="cases-sla-settings">
            {t('settings.open')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cases-create">
            {t('create')}
          </Button>
        </Space>
      </Space>
      <div style={{ flex: 1, minHeight: 360 }} data-testid="cases-grid">
        <AgGridReact<CaseRow>
          {...gridProps}
          defaultColDef={{ sortable: true, resizable: true }}
          getRowId={(p) => p.data.id}
          onRowClicked={(e: RowClickedEvent<CaseRow>) => e.data && setParam('open', e.data.id)}
        />
      </div>
      <SlaSettingsModal
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        onSaved={() => {
          setSettingsOpen(false);
          void message.success(t('settings.saved'));
          refresh();
        }}
      />
      <CaseDrawer id={openId} onClose={() => setParam('open', undefined)} onChanged={refresh} />
      <CaseCreateModal
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
