import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, isDesktop } from '../../api';
import { errorMessage } from '../../shell/errors';

/** "Show in folder" in the desktop app; a download link in the browser preview. */
export function FileActions({ file }: { file: string }) {
  const { t } = useTranslation('reports');
  const { message } = AntApp.useApp();
  if (isDesktop) {
    return (
      <Button size="small" icon={<FolderOpenOutlined />} onClick={() => api.call('reports.reveal', { file }).catch((e: unknown) => void message.error(errorMessage(e)))}>
        {t('reveal')}
      </Button>
    );
  }
  return (
    <Button size="small" icon={<DownloadOutlined />} href={downloadUrl(file)} data-testid="export-download">
      {t('download')}
    </Button>
  );
}
