import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Radio, Space, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { KINDS, type Kind } from './types';

/** Step 1: what the rows are, and the file (dropped, picked, or chosen with the native dialog). */
export function FileStep(props: { kind: Kind; onKind(k: Kind): void; busy: boolean; canPick: boolean; onFile(file: File): void; onPick(): void }) {
  const { t } = useTranslation('import');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Text strong>{t('kind')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Radio.Group data-testid="import-kind" value={props.kind} onChange={(e) => props.onKind(e.target.value as Kind)} optionType="button" buttonStyle="solid" options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </div>
      </div>
      <Spin spinning={props.busy} description={t('opening')}>
        <div data-testid="import-drop">
        <Upload.Dragger
          multiple={false}
          showUploadList={false}
          accept=".xlsx,.xlsm,.xls,.csv,.tsv,.txt,.et,.ods"
          beforeUpload={(file) => {
            props.onFile(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('drop')}</p>
          <p className="ant-upload-hint">{t('dropHint')}</p>
        </Upload.Dragger>
        </div>
      </Spin>
      {props.canPick ? (
        <Button icon={<FolderOpenOutlined />} onClick={props.onPick} disabled={props.busy}>
          {t('pick')}
        </Button>
      ) : null}
    </Space>
  );
}
