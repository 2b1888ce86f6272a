import { CloudUploadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';

/** Where the data lives, open that folder, back up now. */
export function DataSettings() {
  const { t } = useTranslation('settings');
  const { status } = useApp();
  const { message } = AntApp.useApp();
  const [keepDays, setKeepDays] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('settings.get', {}).then((s) => setKeepDays(s.backupKeepDays));
  }, []);

  const backup = async () => {
    setBusy(true);
    try {
      const r = await api.call('backup.create', {});
      void message.success(t('data.backedUp', { file: r.file }));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ maxWidth: 820 }}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('data.dbFile')}>
          <Typography.Text copyable data-testid="db-file">
            {status.dbFile}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('data.dataDir')}>
          <Typography.Text copyable>{status.dataDir}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('data.schema')}>v{status.schemaVersion}（SalesDesk {status.appVersion}）</Descriptions.Item>
      </Descriptions>
      <Space>
        <Button
          icon={<FolderOpenOutlined />}
          disabled={!status.canOpenFolders}
          onClick={() => void api.call('system.openDataFolder', {}).catch((e: unknown) => void message.error(errorMessage(e)))}
        >
          {t('data.openFolder')}
        </Button>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={busy} onClick={() => void backup()} data-testid="backup-now">
          {t('data.backupNow')}
        </Button>
      </Space>
      <Alert type="info" showIcon message={t('data.autoBackup', { days: keepDays ?? 14 })} description={t('data.cli')} />
    </Space>
  );
}
