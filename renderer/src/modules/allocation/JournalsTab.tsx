import { App as AntApp, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journal } from '../../../../shared/contract/journals';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';

function when(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Every bulk transfer, auto-allocation, reclaim run and handover, newest first, each undoable as a whole. */
export function JournalsTab() {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<Journal['kind'] | undefined>();
  const [page, setPage] = useState<{ total: number; items: Journal[] }>({ total: 0, items: [] });
  const [offset, setOffset] = useState(0);
  const load = useCallback(() => {
    void api.call('journals.list', { offset, limit: 50, ...(kind ? { kind } : {}) }).then(setPage);
  }, [offset, kind]);
  useEffect(() => {
    load();
    return onEvent('data.changed', load);
  }, [load]);
  const undo = (j: Journal) =>
    api
      .call('journals.undo', { id: j.id })
      .then((r) => void message.success(t('undo.done', { count: r.restored })))
      .catch((e: unknown) => void message.error(errorMessage(e)));
  const kinds = ['bulk_transfer', 'auto_allocate', 'pool_reclaim', 'handover', 'pool_claim', 'pool_release'] as const;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select allowClear style={{ width: 200 }} placeholder={t('journalsTab.kind')} value={kind} onChange={(v) => setKind(v)} options={kinds.map((k) => ({ value: k, label: t(`journalKind.${k}`) }))} />
      <Table<Journal>
        size="small"
        rowKey="id"
        dataSource={page.items}
        data-testid="journals-table"
        pagination={{ pageSize: 50, total: page.total, current: offset / 50 + 1, onChange: (p) => setOffset((p - 1) * 50), size: 'small', showSizeChanger: false }}
        columns={[
          { title: t('journalsTab.when'), dataIndex: 'createdAt', width: 150, render: (v: number) => when(v) },
          { title: t('journalsTab.kind'), dataIndex: 'kind', width: 110, render: (k: Journal['kind']) => <Tag>{t(`journalKind.${k}`)}</Tag> },
          { title: t('journalsTab.summary'), dataIndex: 'summary' },
          { title: t('journalsTab.items'), dataIndex: 'itemCount', width: 70, align: 'right' },
          { title: t('journalsTab.by'), dataIndex: 'createdBy', width: 90 },
          {
            title: t('journalsTab.state'),
            width: 260,
            render: (_: unknown, j: Journal) =>
              j.undoneAt ? (
                <Typography.Text type="secondary">
                  {t('journalsTab.undone')} · {when(j.undoneAt)} {j.undoneBy ?? ''}
                </Typography.Text>
              ) : j.conflicts > 0 ? (
                <Typography.Text type="warning">{t('journalsTab.conflicts', { count: j.conflicts })}</Typography.Text>
              ) : (
                <Popconfirm title={t('undo.confirm')} onConfirm={() => void undo(j)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                  <Button size="small" data-testid={`undo-${j.id}`}>
                    {t('undo.action')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}
