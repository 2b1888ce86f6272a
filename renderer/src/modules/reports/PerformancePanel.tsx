import { App as AntApp, Card, Descriptions, Drawer, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttainmentResult, AttainmentRow, LeaderboardResult, MeasureAttainment, Scorecard } from '../../../../shared/contract/targets';
import { formatFen } from '../../../../shared/domain/money';
import { MEASURES, type Measure } from '../../../../shared/domain/target-measures';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { bandColor, measureValue, percent } from './format';
import { PeriodPicker } from './PeriodPicker';

function Ratio({ a }: { a: MeasureAttainment }) {
  const { t } = useTranslation('reports');
  if (!a.targetSet) return <Typography.Text type="secondary">{t('perf.notSet')}</Typography.Text>;
  return <Tag color={bandColor(a.band)}>{percent(a.ratio)}</Tag>;
}

export function PerformancePanel() {
  const { t } = useTranslation('reports');
  const { message } = AntApp.useApp();
  const [period, setPeriod] = useState('this-month');
  const [measure, setMeasure] = useState<Measure>('sales');
  const [by, setBy] = useState<'attainment' | 'amount'>('attainment');
  const [att, setAtt] = useState<AttainmentResult | null>(null);
  const [board, setBoard] = useState<LeaderboardResult | null>(null);
  const [card, setCard] = useState<Scorecard | null>(null);

  useEffect(() => {
    api.call('targets.attainment', { period }).then(setAtt, (e: unknown) => void message.error(errorMessage(e)));
    api.call('targets.leaderboard', { period, measure, by }).then(setBoard, (e: unknown) => void message.error(errorMessage(e)));
  }, [period, measure, by, message]);

  const openCard = (repId: string) => api.call('targets.scorecard', { period, repId, trendPeriods: 3 }).then(setCard, (e: unknown) => void message.error(errorMessage(e)));
  const m = (row: AttainmentRow) => row.measures.find((x) => x.measure === measure)!;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <PeriodPicker value={period} onChange={setPeriod} testId="perf-period" />
        <Select style={{ width: 130 }} value={measure} onChange={setMeasure} options={MEASURES.map((x) => ({ value: x, label: t(`measures.${x}`) }))} />
        <Radio.Group value={by} onChange={(e) => setBy(e.target.value as 'attainment' | 'amount')} options={[{ value: 'attainment', label: t('byAttainment') }, { value: 'amount', label: t('byAmount') }]} />
        {att ? <Typography.Text type="secondary">{`${att.period.label} · ${t('perf.asOf', { date: att.asOf })}`}</Typography.Text> : null}
      </Space>
      <Card size="small" title={t('perf.leaderboard')}>
        <Table
          data-testid="leaderboard"
          size="small"
          rowKey="repId"
          pagination={false}
          dataSource={board?.rows ?? []}
          onRow={(r) => ({ onClick: () => void openCard(r.repId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('perf.rank'), dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? '—' },
            { title: t('rep'), dataIndex: 'repName' },
            { title: t('perf.target'), dataIndex: 'target', align: 'right', render: (v: number | null) => measureValue(measure, v) },
            { title: t('perf.actual'), dataIndex: 'actual', align: 'right', render: (v: number) => measureValue(measure, v) },
            { title: t('perf.ratio'), dataIndex: 'ratio', align: 'right', render: (v: number | null) => (v === null ? <Typography.Text type="secondary">{t('perf.notSet')}</Typography.Text> : percent(v)) },
            {
              title: t('perf.change'),
              dataIndex: 'change',
              render: (v: number | null) => (v === null ? '' : v > 0 ? <Tag color="green">↑{v}</Tag> : v < 0 ? <Tag color="red">↓{-v}</Tag> : '—'),
            },
            { title: `${t('perf.previous')} ${board?.previousPeriod.label ?? ''}`, dataIndex: 'previousRank', render: (v: number | null) => v ?? '—' },
          ]}
        />
      </Card>
      <Card size="small" title={t('perf.attainment')}>
        <Table<AttainmentRow>
          data-testid="attainment"
          size="small"
          rowKey={(r) => r.repId ?? r.name}
          pagination={false}
          dataSource={att?.reps ?? []}
          onRow={(r) => ({ onClick: () => r.repId && void openCard(r.repId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('rep'), dataIndex: 'name' },
            { title: t('perf.territories'), dataIndex: 'territoryName' },
            { title: t('perf.target'), align: 'right', render: (_, r) => measureValue(measure, m(r).target) },
            { title: t('perf.actual'), align: 'right', render: (_, r) => measureValue(measure, m(r).actual) },
            { title: t('perf.ratio'), render: (_, r) => <Ratio a={m(r)} /> },
            { title: t('perf.ptd'), align: 'right', render: (_, r) => percent(m(r).ptdRatio) },
            { title: t('perf.forecast'), align: 'right', render: (_, r) => measureValue(measure, m(r).forecast) },
          ]}
        />
      </Card>
      <Drawer open={card !== null} onClose={() => setCard(null)} width={640} title={card ? `${t('perf.scorecard')} · ${card.rep.name} · ${card.period.label}` : ''}>
        {card ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Table
              size="small"
              rowKey="measure"
              pagination={false}
              dataSource={card.measures}
              columns={[
                { title: t('measure'), dataIndex: 'measure', render: (v: Measure) => t(`measures.${v}`) },
                { title: t('perf.target'), render: (_, a) => measureValue(a.measure, a.target) },
                { title: t('perf.actual'), render: (_, a) => measureValue(a.measure, a.actual) },
                { title: t('perf.ratio'), render: (_, a) => <Ratio a={a} /> },
                { title: t('perf.rank'), render: (_, a) => (a.rank ? `${a.rank} / ${a.rankOf}` : '—') },
              ]}
            />
            <Typography.Title level={5}>{t('perf.trend')}</Typography.Title>
            <Table
              size="small"
              rowKey={(r) => r.period.key}
              pagination={false}
              dataSource={card.trend}
              columns={[
                { title: t('period'), render: (_, r) => r.period.label },
                ...MEASURES.map((x) => ({
                  title: t(`measures.${x}`),
                  render: (_: unknown, r: Scorecard['trend'][number]) => {
                    const v = r.values.find((y) => y.measure === x)!;
                    return `${measureValue(x, v.actual)}${v.ratio === null ? '' : ` (${percent(v.ratio)})`}`;
                  },
                })),
              ]}
            />
            <Descriptions size="small" bordered column={2} title={t('perf.book')}>
              <Descriptions.Item label={t('perf.accounts')}>{card.book.accounts}</Descriptions.Item>
              <Descriptions.Item label={t('perf.openCases')}>{card.book.openCases}</Descriptions.Item>
              <Descriptions.Item label={t('perf.open')}>{formatFen(card.book.openReceivableFen)}</Descriptions.Item>
              <Descriptions.Item label={t('perf.overdue')}>{formatFen(card.book.overdueFen)}</Descriptions.Item>
              <Descriptions.Item label={t('perf.overdueShare')}>{percent(card.book.overdueShare)}</Descriptions.Item>
              <Descriptions.Item label={t('perf.avgDays')}>{card.book.avgDaysSinceFollowup ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('perf.stale')}>{card.book.staleOver30Days}</Descriptions.Item>
            </Descriptions>
          </Space>
        ) : null}
      </Drawer>
    </Space>
  );
}
