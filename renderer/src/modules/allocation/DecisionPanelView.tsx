import { Alert, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionPanel, DecisionRow, RepImpactRow } from '../../../../shared/contract/decision';
import { formatFen } from '../../../../shared/domain/money';

function Arrow(props: { before: number; after: number; money?: boolean }) {
  const f = (n: number) => (props.money ? formatFen(n) : String(n));
  const changed = props.before !== props.after;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {f(props.before)} → <Typography.Text strong={changed} type={changed && props.after > props.before ? 'warning' : undefined}>{f(props.after)}</Typography.Text>
    </span>
  );
}

/**
 * The decision panel: before an owner change is applied, each rep's load before → after and each
 * account's open and overdue receivables, open cases and last follow-up, riskiest first.
 * With `confirmable`, rows that need an explicit confirmation get a tick box.
 */
export function DecisionPanelView(props: { panel: DecisionPanel; confirmable?: { checked: ReadonlySet<string>; onChange(id: string, checked: boolean): void } }) {
  const { t } = useTranslation('allocation');
  const { panel } = props;
  const tt = panel.totals;
  const repColumns = [
    {
      title: t('panel.rep'),
      dataIndex: 'name',
      render: (name: string, r: RepImpactRow) => (
        <Space size={4}>
          {name}
          {r.status !== 'active' ? <Tag>{t(`status.${r.status}`)}</Tag> : null}
          {r.overCapacity ? <Tag color="red">{t('panel.overCapacity', { cap: r.capacity })}</Tag> : null}
        </Space>
      ),
    },
    { title: t('panel.accountsCol'), render: (_: unknown, r: RepImpactRow) => <Arrow before={r.accountsBefore} after={r.accountsAfter} /> },
    { title: t('panel.receivable'), render: (_: unknown, r: RepImpactRow) => <Arrow before={r.receivableBefore} after={r.receivableAfter} money /> },
    { title: t('panel.cases'), render: (_: unknown, r: RepImpactRow) => <Arrow before={r.casesBefore} after={r.casesAfter} /> },
  ];
  const rowColumns = [
    ...(props.confirmable
      ? [
          {
            title: t('panel.needsConfirmation'),
            width: 70,
            render: (_: unknown, r: DecisionRow) =>
              r.needsConfirmation ? <Checkbox data-testid={`confirm-${r.code}`} checked={props.confirmable!.checked.has(r.id)} onChange={(e) => props.confirmable!.onChange(r.id, e.target.checked)} /> : null,
          },
        ]
      : []),
    {
      title: t('panel.account'),
      render: (_: unknown, r: DecisionRow) => (
        <span>
          <Typography.Text type="secondary">{r.code}</Typography.Text> {r.name}
        </span>
      ),
    },
    { title: t('panel.fromTo'), render: (_: unknown, r: DecisionRow) => <span style={{ whiteSpace: 'nowrap' }}>{`${r.fromName ?? t('pool')} → ${r.toName ?? t('pool')}`}</span> },
    { title: t('panel.openReceivable'), align: 'right' as const, render: (_: unknown, r: DecisionRow) => formatFen(r.openReceivableFen) },
    {
      title: t('panel.overdue'),
      align: 'right' as const,
      render: (_: unknown, r: DecisionRow) => (r.overdueFen > 0 ? <Typography.Text type="danger">{`${formatFen(r.overdueFen)}（${r.maxOverdueDays}天）`}</Typography.Text> : '—'),
    },
    { title: t('panel.openCases'), align: 'right' as const, render: (_: unknown, r: DecisionRow) => (r.openCases > 0 ? <Typography.Text type="danger">{r.openCases}</Typography.Text> : 0) },
    { title: t('panel.lastFollowup'), render: (_: unknown, r: DecisionRow) => (r.lastFollowupOn ? `${r.lastFollowupOn}（${t('panel.days', { days: r.daysSinceFollowup })}）` : '—') },
    {
      title: t('panel.note'),
      render: (_: unknown, r: DecisionRow) => (
        <Space size={2} wrap>
          {r.warnings.map((w) => (
            <Tag key={w} color={w === 'open_receivable' ? 'default' : 'red'}>
              {t(`warn.${w}`)}
            </Tag>
          ))}
          {r.note ? <Typography.Text type="secondary">{r.note}</Typography.Text> : null}
        </Space>
      ),
    },
  ];
  if (panel.rowCount === 0) return <Alert type="info" showIcon title={t('panel.none')} data-testid="decision-panel" />;
  return (
    <div data-testid="decision-panel">
      <Space orientation="vertical" style={{ width: '100%' }} size={10}>
        <Typography.Text strong>
          {t('panel.summary', { count: panel.rowCount })}
          {tt.toPool > 0 ? `，${t('panel.toPool', { count: tt.toPool })}` : ''}
        </Typography.Text>
        {tt.withOverdue > 0 ? <Alert type="error" showIcon data-testid="warn-overdue" title={t('panel.overdueWarn', { count: tt.withOverdue, amount: formatFen(tt.overdueFen) })} /> : null}
        {tt.withOpenCases > 0 ? <Alert type="warning" showIcon data-testid="warn-cases" title={t('panel.casesWarn', { count: tt.withOpenCases, cases: tt.openCases })} /> : null}
        <Typography.Text type="secondary">{t('panel.reps')}</Typography.Text>
        <Table<RepImpactRow> size="small" rowKey="repId" pagination={false} columns={repColumns} dataSource={panel.reps} data-testid="panel-reps" scroll={{ y: 200 }} />
        <Typography.Text type="secondary">{panel.rows.length < panel.rowCount ? t('panel.more', { shown: panel.rows.length, total: panel.rowCount }) : t('panel.accounts')}</Typography.Text>
        <Table<DecisionRow>
          size="small"
          rowKey="id"
          columns={rowColumns}
          dataSource={panel.rows}
          pagination={panel.rows.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
          data-testid="panel-rows"
          rowClassName={(r) => (r.warnings.some((w) => w !== 'open_receivable') ? 'row-risk' : '')}
        />
      </Space>
    </div>
  );
}
