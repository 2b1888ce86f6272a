import { ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import type { Lang } from '../../../../shared/i18n/text';
import { api, onEvent } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';
import { agingOption, attainmentOption, caseSlaOption, salesOption } from './chart-options';
import './dashboard.css';
import type { Chart } from './chart-options';
import { EChart } from './EChart';
import { WorkCards } from './WorkCards';

function ChartCard(props: { title: string; note?: string | undefined; chart: Chart | null; empty: boolean; testId: string }) {
  const { t } = useTranslation('dashboard');
  const extra = [props.note, props.chart?.unit ? t('chart.unit', { unit: props.chart.unit }) : undefined].filter(Boolean).join(' · ');
  return (
    <Card size="small" title={props.title} extra={extra ? <Typography.Text type="secondary">{extra}</Typography.Text> : null} styles={{ body: { padding: '8px 12px' } }}>
      {props.chart && !props.empty ? <EChart option={props.chart.option} testId={props.testId} /> : <Empty style={{ height: 300, paddingTop: 90, margin: 0 }} description={props.chart ? t('chart.empty') : ' '} data-testid={`${props.testId}-empty`} />}
    </Card>
  );
}

/**
 * 工作台: the coordinator's day. Who is greeted and what day it is; today's work as counts that each open
 * their filtered grid; the month-by-month picture as charts. One backend call; it reloads when data
 * changes anywhere in the app.
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation('dashboard');
  const { message } = AntApp.useApp();
  const { status } = useApp();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [data, setData] = useState<DashboardSummary | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.call('dashboard.summary', {}));
      setLoadedAt(Date.now());
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [message]);

  useEffect(() => {
    void load();
    // Bulk work sends many change events in a row: reload once they stop.
    const off = onEvent('data.changed', () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void load(), 1000);
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);

  const charts = useMemo(
    () =>
      data
        ? {
            sales: salesOption(data, t, lang),
            attainment: attainmentOption(data, t),
            aging: agingOption(data, t, lang),
            sla: caseSlaOption(data, t),
          }
        : null,
    [data, t, lang],
  );
  const today = data?.today ?? status.today;

  return (
    <div data-testid="dashboard">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space size={16} align="baseline" wrap>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="dash-hello">
            {t('hello', { name: status.user?.displayName ?? '' })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 14 }} data-testid="dash-date">
            {dayjs(today).format(t('date'))}
          </Typography.Text>
        </Space>
        <Space>
          {loadedAt ? <Typography.Text type="secondary">{t('updated', { time: dayjs(loadedAt).format('HH:mm') })}</Typography.Text> : null}
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()} data-testid="dash-refresh">
            {t('refresh')}
          </Button>
        </Space>
      </Space>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {t('todo')}
      </Typography.Title>
      <WorkCards summary={data} />
      <div className="dash-charts">
        <ChartCard title={t('chart.salesTitle')} chart={charts?.sales ?? null} empty={!!data && data.months.every((m) => m.salesFen === 0 && m.collectionsFen === 0 && m.salesTargetFen === null)} testId="chart-sales" />
        <ChartCard
          title={t('chart.attainmentTitle')}
          note={data && data.attainment.withoutTarget > 0 ? t('chart.attainmentNote', { count: data.attainment.withoutTarget }) : undefined}
          chart={charts?.attainment ?? null}
          empty={!!data && data.attainment.reps.length === 0}
          testId="chart-attainment"
        />
        <ChartCard title={t('chart.agingTitle')} chart={charts?.aging ?? null} empty={!!data && data.aging.totalsFen.every((v) => v === 0)} testId="chart-aging" />
        <ChartCard title={t('chart.slaTitle')} chart={charts?.sla ?? null} empty={!!data && data.caseSla.every((r) => r.breached + r.aboutToBreach + r.onTrack + r.paused + r.noClock === 0)} testId="chart-sla" />
      </div>
    </div>
  );
}
