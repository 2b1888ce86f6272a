import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rep } from '../../../../shared/contract/reference';
import { formatFen } from '../../../../shared/domain/money';
import { api, onEvent } from '../../api';
import { TransferModal } from './TransferModal';
import { useReps } from './useReps';

interface Counts {
  unassigned: number;
  reminders: number;
  due: number;
  journals: number;
}

/** Where things stand: what waits for a decision, and every rep's load. */
export function OverviewTab() {
  const { t } = useTranslation('allocation');
  const { reps } = useReps();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [transferring, setTransferring] = useState(false);

  useEffect(() => {
    const load = () =>
      void Promise.all([
        api.call('accounts.list', { limit: 1, filters: { ownerName: { filterType: 'text', type: 'blank' } } }),
        api.call('pool.reminders', { limit: 1 }),
        api.call('followups.due', { limit: 1 }),
        api.call('journals.list', { limit: 200 }),
      ]).then(([u, r, d, j]) => setCounts({ unassigned: u.total, reminders: r.total, due: d.total, journals: j.items.filter((x) => !x.undoneAt && x.conflicts === 0).length }));
    load();
    return onEvent('data.changed', load);
  }, []);

  const search = (q: string) => {
    if (!q.trim()) return;
    void api.call('accounts.search', { q, limit: 20 }).then((rows) => setOptions(rows.map((r) => ({ value: r.id, label: `${r.code} ${r.name}（${r.ownerName ?? t('pool')}）` }))));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Row gutter={16}>
        {(['unassigned', 'reminders', 'dueFollowups', 'journals'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small">
              <Statistic title={t(`overview.${k}`)} value={counts ? counts[k === 'dueFollowups' ? 'due' : k] : '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('overview.quickTransfer')}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            mode="multiple"
            style={{ flex: 1 }}
            value={picked}
            onChange={setPicked}
            showSearch={{ filterOption: false, onSearch: search }}
            options={options}
            placeholder={t('overview.searchAccounts')}
            data-testid="quick-transfer-accounts"
          />
          <Button type="primary" disabled={picked.length === 0} onClick={() => setTransferring(true)}>
            {t('overview.transfer')}
          </Button>
        </Space.Compact>
      </Card>
      <Card size="small" title={t('overview.repLoad')}>
        <Table<Rep>
          size="small"
          rowKey="id"
          dataSource={reps}
          pagination={{ pageSize: 20, size: 'small' }}
          columns={[
            { title: t('repsTab.name'), dataIndex: 'name', render: (n: string, r) => <Space>{n}{r.status !== 'active' ? <Tag>{t(`status.${r.status}`)}</Tag> : null}</Space> },
            { title: t('repsTab.territory'), dataIndex: 'territoryName' },
            {
              title: t('repsTab.accounts'),
              dataIndex: 'accountCount',
              sorter: (a, b) => a.accountCount - b.accountCount,
              render: (n: number, r) => (
                <Typography.Text type={r.capacity !== null && n >= r.capacity ? 'danger' : undefined}>
                  {n}
                  {r.capacity !== null ? ` / ${r.capacity}` : ''}
                </Typography.Text>
              ),
            },
            { title: t('repsTab.receivable'), dataIndex: 'openReceivableFen', align: 'right', sorter: (a, b) => a.openReceivableFen - b.openReceivableFen, render: (v: number) => formatFen(v) },
            { title: t('repsTab.cases'), dataIndex: 'openCases', align: 'right', sorter: (a, b) => a.openCases - b.openCases },
          ]}
        />
      </Card>
      <TransferModal accountIds={picked} open={transferring} onClose={() => setTransferring(false)} onDone={() => setPicked([])} />
    </Space>
  );
}
