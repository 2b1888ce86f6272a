import { List, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ImportRow, Summary } from './types';

/**
 * The dry run of owner assignment on import: how many new accounts each rep gets by the allocation
 * rules (accounts held before → after), how many stay in the pool, and the owner of each new account.
 */
export function AllocationPlan(props: { sessionId: string; allocation: NonNullable<Summary['allocation']>; nameColumn: number }) {
  const { t } = useTranslation('import');
  const a = props.allocation;
  const [rows, setRows] = useState<ImportRow[]>([]);
  useEffect(() => {
    void api.call('imports.rows', { sessionId: props.sessionId, filter: 'create', offset: 0, limit: 50 }).then((r) => setRows(r.items.filter((x) => x.owner)));
  }, [props.sessionId, a.fingerprint]);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="import-allocation">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('allocation.title')}
      </Typography.Title>
      <Typography.Text data-testid="import-allocation-totals">{t('allocation.totals', { accounts: a.accounts, assigned: a.assigned, toPool: a.toPool })}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="repId"
        dataSource={a.byRep}
        columns={[
          { title: t('allocation.rep'), dataIndex: 'name' },
          { title: t('allocation.count'), dataIndex: 'count', align: 'right', render: (v: number) => (v ? `+${v}` : '0') },
          { title: t('allocation.load'), key: 'load', render: (_: unknown, r: (typeof a.byRep)[number]) => `${r.accountsBefore} → ${r.accountsAfter}` },
        ]}
      />
      {rows.length ? (
        <List
          size="small"
          bordered
          header={t('allocation.rows')}
          dataSource={rows}
          renderItem={(r) => (
            <List.Item data-testid="import-allocation-row">
              <Typography.Text type="secondary">#{r.row}</Typography.Text>&nbsp;
              {r.cells[props.nameColumn] ?? ''} → <Typography.Text strong>{r.owner!.repName ?? t('allocation.pool')}</Typography.Text>
              <Typography.Text type="secondary">（{r.owner!.rule}）</Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Space>
  );
}
