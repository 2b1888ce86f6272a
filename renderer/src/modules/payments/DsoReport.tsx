import { App as AntApp, Segmented, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';

type Row = { id: string | null; code: string | null; name: string; collectedFen: number; avgDaysToCollect: number | null; salesFen: number; openFen: number; dso: number | null };

/** 回款天数: amount-weighted days from confirmation to collection, and DSO, per rep or account. */
export function DsoReport() {
  const { t } = useTranslation('payments');
  const { message } = AntApp.useApp();
  const [months, setMonths] = useState<3 | 6 | 12>(3);
  const [groupBy, setGroupBy] = useState<'rep' | 'account'>('rep');
  const [data, setData] = useState<{ from: string; asOf: string; rows: Row[] } | null>(null);
  useEffect(() => {
    api.call('ar.dso', { months, groupBy, limit: 500 }).then(setData, (e: unknown) => void message.error(errorMessage(e)));
  }, [months, groupBy, message]);
  return (
    <div>
      <Space style={{ marginBottom: 10 }}>
        <Typography.Text>{t('dso.months')}</Typography.Text>
        <Segmented<3 | 6 | 12> value={months} onChange={setMonths} options={[3, 6, 12].map((m) => ({ value: m as 3 | 6 | 12, label: `${m}M` }))} />
        <Typography.Text>{t('dso.by')}</Typography.Text>
        <Segmented<'rep' | 'account'> value={groupBy} onChange={setGroupBy} options={[{ value: 'rep', label: t('aging.byRep') }, { value: 'account', label: t('aging.byAccount') }]} />
        {data ? <Typography.Text type="secondary">{`${data.from} → ${data.asOf}`}</Typography.Text> : null}
      </Space>
      <Table<Row>
        size="small"
        rowKey={(r) => r.id ?? '∅'}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('aging.name'), dataIndex: 'name' },
          { title: t('dso.collected'), dataIndex: 'collectedFen', align: 'right', render: (v: number) => formatFen(v) },
          { title: t('dso.avgDays'), dataIndex: 'avgDaysToCollect', align: 'right', render: (v: number | null) => v ?? '—' },
          { title: t('dso.sales'), dataIndex: 'salesFen', align: 'right', render: (v: number) => formatFen(v) },
          { title: t('dso.open'), dataIndex: 'openFen', align: 'right', render: (v: number) => formatFen(v) },
          { title: t('dso.dso'), dataIndex: 'dso', align: 'right', render: (v: number | null) => v ?? '—' },
        ]}
      />
    </div>
  );
}
