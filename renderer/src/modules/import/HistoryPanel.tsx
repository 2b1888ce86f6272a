import { App as AntApp, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import type { Batch } from './types';

/** 导入历史: every import batch, with undo (refused, with the reason, when later edits would be lost). */
export function HistoryPanel() {
  const { t } = useTranslation('import');
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Batch[]>([]);
  const load = useCallback(() => {
    void api.call('imports.list', { limit: 100 }).then(setRows);
  }, []);
  useEffect(() => {
    load();
    return onEvent('data.changed', (p) => {
      if (p.entities.includes('import_batches')) load();
    });
  }, [load]);
  const undo = async (b: Batch) => {
    try {
      const u = await api.call('imports.undo', { batchId: b.id });
      void message.success(t('undone', u));
      load();
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    }
  };
  return (
    <Table
      data-testid="import-history"
      size="small"
      rowKey="id"
      dataSource={rows}
      locale={{ emptyText: t('history.empty') }}
      title={() => (
        <Button size="small" onClick={load}>
          {t('history.refresh')}
        </Button>
      )}
      columns={[
        { title: t('history.when'), dataIndex: 'createdAt', width: 150, render: (ms: number) => new Date(ms).toLocaleString() },
        { title: t('history.file'), dataIndex: 'fileName', ellipsis: true },
        { title: t('history.kind'), dataIndex: 'kind', width: 120, render: (k: string) => t(`kinds.${k}`) },
        { title: t('history.result'), key: 'result', width: 260, render: (_: unknown, b) => t('doneBody', { created: b.created, updated: b.updated, unchanged: '-', skipped: b.skipped }).replace(/，?不变 -|, - unchanged/, '') },
        { title: t('history.by'), dataIndex: 'createdBy', width: 100 },
        { title: t('history.status'), key: 'status', width: 90, render: (_: unknown, b) => (b.undoneAt ? <Tag>{t('history.undoneAt')}</Tag> : <Tag color="green">{t('history.active')}</Tag>) },
        {
          title: '',
          key: 'undo',
          width: 120,
          render: (_: unknown, b) =>
            b.undoneAt ? null : (
              <Space>
                <Popconfirm title={t('undoConfirm')} onConfirm={() => void undo(b)}>
                  <Button size="small" danger data-testid={`history-undo-${b.id}`}>
                    {t('undo')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
        },
      ]}
    />
  );
}
