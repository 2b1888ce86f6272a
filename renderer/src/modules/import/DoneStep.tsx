import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, isDesktop } from '../../api';
import { errorMessage } from '../../shell/errors';
import type { CommitResult } from './types';

/** Step 6: what was written, the error report to send back, and undo. */
export function DoneStep(props: { result: CommitResult; onAnother(): void }) {
  const { t } = useTranslation('import');
  const { message } = AntApp.useApp();
  const [undone, setUndone] = useState(false);
  const r = props.result;
  const undo = async () => {
    try {
      const u = await api.call('imports.undo', { batchId: r.batchId });
      setUndone(true);
      void message.success(t('undone', u));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Result
      data-testid="import-done"
      status={undone ? 'info' : 'success'}
      title={undone ? t('undone', { deleted: r.created, restored: r.updated }) : t('done')}
      subTitle={`${t('doneBody', r)} · ${t('batch', { id: r.batchId })}`}
      extra={
        <Space wrap>
          {r.errorReport ? (
            isDesktop ? (
              <Button icon={<FolderOpenOutlined />} onClick={() => void api.call('files.reveal', { path: r.errorReport! })}>
                {t('revealReport')}
              </Button>
            ) : (
              <Button data-testid="import-done-report" icon={<DownloadOutlined />} href={downloadUrl(r.errorReport)}>
                {t('errorReport')}
              </Button>
            )
          ) : null}
          {!undone ? (
            <Popconfirm title={t('undoConfirm')} onConfirm={() => void undo()}>
              <Button data-testid="import-undo" danger>
                {t('undo')}
              </Button>
            </Popconfirm>
          ) : null}
          <Button type="primary" data-testid="import-another" onClick={props.onAnother}>
            {t('importAnother')}
          </Button>
        </Space>
      }
    />
  );
}
