import { ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { GridApi, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Button, Card, Col, Input, List, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { creditAlertsSchema, CreditRiskRow } from '../../../../shared/contract/credit';
import { GRADES, type Grade } from '../../../../shared/domain/credit-grade';
import { api } from '../../api';
import type { PageQuery } from '../../components/grid/serverDatasource';
import { GridCount } from '../../components/grid/GridCount';
import { useServerGrid } from '../../components/grid/useServerGrid';
import { errorMessage } from '../../shell/errors';
import { navigate } from '../../shell/router';
import { riskColumns } from './columns';
import { useLocalized } from './localized';
import { GradeTag } from './tags';

type Alerts = z.output<typeof creditAlertsSchema>;
type Quick = 'all' | 'suggestHold' | 'overLimit' | 'hold' | 'changed' | 'expiring';

/** A block of the risk grid under a quick filter and the chosen grades. */
function listRisks(q: PageQuery, f: { quick: Quick; grades: Grade[] }) {
  const flag = f.quick === 'all' ? {} : f.quick === 'hold' ? { hold: true } : { [f.quick]: true };
  return api.call('credit.list', { ...q, filter: { ...flag, ...(f.grades.length ? { grades: f.grades } : {}) } });
}

const GRADE_BAR: Record<string, string> = { A: '#52c41a', B: '#13c2c2', C: '#faad14', D: '#fa8c16', E: '#f5222d' };

/** Grade distribution as one stacked bar with counts: readable at a glance, no chart library needed. */
function Distribution(props: { distribution: Record<string, number> }) {
  const total = GRADES.reduce((s, g) => s + (props.distribution[g] ?? 0), 0);
  return (
    <div data-testid="credit-distribution">
      <div style={{ display: 'flex', height: 14, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }}>
        {GRADES.map((g) => (total > 0 && props.distribution[g] ? <div key={g} title={`${g}: ${props.distribution[g]}`} style={{ width: `${((props.distribution[g] ?? 0) * 100) / total}%`, background: GRADE_BAR[g] }} /> : null))}
      </div>
      <Space size={12} style={{ marginTop: 6 }} wrap>
        {GRADES.map((g) => (
          <span key={g}>
            <GradeTag grade={g} /> {(props.distribution[g] ?? 0).toLocaleString()}
          </span>
        ))}
      </Space>
    </div>
  );
}

/** 风险概览: counts and alerts from the latest run, the risk grid with quick filters, and running the batch. */
export function RiskOverview(props: { onOpen(accountId: string): void }) {
  const { t } = useTranslation('credit');
  const L = useLocalized();
  const { message } = AntApp.useApp();
  const [alerts, setAlerts] = useState<Alerts | null>(null);
  const [running, setRunning] = useState(false);
  const [quick, setQuick] = useState<Quick>('all');
  const [grades, setGrades] = useState<Grade[]>([]);
  const columns = useMemo(() => riskColumns(t), [t]);

  const loadAlerts = useCallback(async () => {
    try {
      setAlerts(await api.call('credit.alerts', {}));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }, [message]);

  // The grid and the counts above it come from the same run: reload both, the grid from the top.
  const reload = useCallback(
    (grid: GridApi<CreditRiskRow> | null) => {
      grid?.purgeInfiniteCache();
      void loadAlerts();
    },
    [loadAlerts],
  );
  // A new object only when a filter changes: the grid reloads on a new filter.
  const filter = useMemo(() => ({ quick, grades }), [quick, grades]);
  const { gridProps, gridApi, search, setSearch, totalStore } = useServerGrid({ fetch: listRisks, columns, filter, entities: ['credit'], onDataChanged: reload });
  const refresh = () => reload(gridApi.current);

  useEffect(() => {
    void loadAlerts();
  }, [loadAlerts]);

  const run = async () => {
    setRunning(true);
    try {
      const r = await api.call('credit.run', {});
      void message.success(t('runDone', { count: r.accountCount.toLocaleString(), ms: r.ms }));
      refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  const c = alerts?.counts;
  const stat = (key: keyof NonNullable<typeof c>, label: string, danger = false, onClick?: () => void) => (
    <Col flex="1 1 140px">
      <Card size="small" hoverable={!!onClick} onClick={onClick} data-testid={`credit-stat-${key}`}>
        <Statistic title={label} value={c ? c[key] : '—'} valueStyle={{ fontSize: 22, color: danger && c && c[key] > 0 ? '#cf1322' : undefined }} />
      </Card>
    </Col>
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary" data-testid="credit-last-run">
          {alerts?.lastRun ? t('lastRun', { at: dayjs(alerts.lastRun.at).format('YYYY-MM-DD HH:mm'), count: GRADES.reduce((s, g) => s + (alerts.distribution[g] ?? 0), 0).toLocaleString() }) : t('neverRun')}
        </Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refresh}>
            {t('refresh')}
          </Button>
          <Button type="primary" icon={<ThunderboltOutlined />} loading={running} onClick={() => void run()} data-testid="credit-run">
            {running ? t('running') : t('run')}
          </Button>
        </Space>
      </Space>
      <Row gutter={[12, 12]}>
        <Col flex="2 1 320px">
          <Card size="small" title={t('distribution')}>
            <Distribution distribution={alerts?.distribution ?? {}} />
          </Card>
        </Col>
        {stat('pendingApprovals', t('stat.pending'), true, () => navigate('/orders'))}
        {stat('suggestedHolds', t('stat.suggestedHolds'), true, () => setQuick('suggestHold'))}
        {stat('overLimit', t('stat.overLimit'), true, () => setQuick('overLimit'))}
        {stat('holds', t('stat.holds'), false, () => setQuick('hold'))}
        {stat('expiringTempLimits', t('stat.expiring'), false, () => setQuick('expiring'))}
      </Row>
      {alerts && alerts.items.length ? (
        <Card size="small" title={t('alerts')} styles={{ body: { maxHeight: 150, overflowY: 'auto', padding: '4px 12px' } }}>
          <List
            size="small"
            dataSource={alerts.items}
            data-testid="credit-alerts"
            renderItem={(a) => (
              <List.Item
                style={{ cursor: a.accountId || a.orderId ? 'pointer' : undefined, padding: '4px 0' }}
                onClick={() => (a.orderId ? navigate('/orders', { open: a.orderId }) : a.accountId ? props.onOpen(a.accountId) : undefined)}
              >
                <Space>
                  <Tag color={a.severity === 'danger' ? 'red' : a.severity === 'warning' ? 'orange' : 'blue'}>{t(`quick.${a.kind === 'suggested_hold' ? 'suggestHold' : a.kind === 'over_limit' ? 'overLimit' : a.kind === 'temp_expiring' ? 'expiring' : a.kind === 'downgrade' ? 'changed' : 'all'}`)}</Tag>
                  {L(a.text)}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Space wrap>
        <Segmented<Quick>
          value={quick}
          onChange={setQuick}
          options={(['all', 'suggestHold', 'overLimit', 'hold', 'changed', 'expiring'] as const).map((q) => ({ value: q, label: <span data-testid={`credit-quick-${q}`}>{t(`quick.${q}`)}</span> }))}
        />
        <Select mode="multiple" allowClear placeholder={t('gradeFilter')} style={{ minWidth: 140 }} value={grades} onChange={setGrades} options={GRADES.map((g) => ({ value: g, label: g }))} />
        <Input.Search allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('searchPlaceholder')} style={{ width: 240 }} />
        <Typography.Text type="secondary"><GridCount store={totalStore} format={(n) => t('count', { count: n })} /></Typography.Text>
      </Space>
      <div style={{ height: 'calc(100vh - 470px)', minHeight: 300 }} data-testid="credit-grid">
        <AgGridReact<CreditRiskRow>
          {...gridProps}
          defaultColDef={{ sortable: true, resizable: true, filter: false }}
          getRowId={(p) => p.data.accountId}
          onRowClicked={(e: RowClickedEvent<CreditRiskRow>) => e.data && props.onOpen(e.data.accountId)}
        />
      </div>
    </div>
  );
}
