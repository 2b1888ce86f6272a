import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import type { GridApi } from 'ag-grid-community';
import { App as AntApp, Button, Checkbox, Form, Progress, Radio, Segmented, Space, Statistic, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, isDesktop } from '../../api';
import { errorMessage } from '../../shell/errors';
import { RowsGrid } from './RowsGrid';
import type { ImportRow, Kind, Policy, Preview, RowFilter, Summary } from './types';

/** Step 4: the validation preview — counts, duplicate policy, the rows grid with fixes and skips. */
export function ValidateStep(props: {
  sessionId: string;
  kind: Kind;
  preview: Preview;
  summary: Summary | null;
  progress: { done: number; total: number | null } | null;
  version: number;
  policy: Policy;
  onPolicy(p: Policy): void;
  assignOwners: boolean;
  onAssignOwners(v: boolean): void;
  onCancel(): void;
  onSummary(s: Summary): void;
}) {
  const { t } = useTranslation('import');
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [selected, setSelected] = useState<number[]>([]);
  const [report, setReport] = useState<string | null>(null);
  const gridApi = useRef<GridApi<ImportRow> | null>(null);
  const s = props.summary;

  const skip = async (value: boolean) => {
    try {
      props.onSummary(await api.call('imports.skip', { sessionId: props.sessionId, indexes: selected, skip: value }));
      gridApi.current?.deselectAll();
      gridApi.current?.refreshInfiniteCache();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const writeReport = async () => {
    try {
      const r = await api.call('imports.errorReport', { sessionId: props.sessionId });
      setReport(r.path);
      if (isDesktop) await api.call('files.reveal', { path: r.path });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('duplicatesPolicy')}>
          <Radio.Group data-testid="import-policy" value={props.policy} onChange={(e) => props.onPolicy(e.target.value as Policy)} optionType="button" options={(['skip', 'update', 'create'] as const).map((p) => ({ value: p, label: t(`policies.${p}`) }))} />
        </Form.Item>
        {props.kind === 'accounts' ? (
          <Form.Item>
            <Checkbox data-testid="import-assign-owners" checked={props.assignOwners} onChange={(e) => props.onAssignOwners(e.target.checked)}>
              {t('assignOwners')}
            </Checkbox>
          </Form.Item>
        ) : null}
      </Form>
      {props.progress ? (
        <Space data-testid="import-progress">
          <Progress style={{ width: 360 }} percent={props.progress.total ? Math.round((props.progress.done / props.progress.total) * 100) : 0} status="active" />
          <Typography.Text>{t('validating', { done: props.progress.done, total: props.progress.total ?? '?' })}</Typography.Text>
          <Button size="small" onClick={props.onCancel}>
            {t('cancel')}
          </Button>
        </Space>
      ) : null}
      {s ? (
        <>
          <Space size="large" wrap data-testid="import-summary">
            <Statistic title={t('summary.rows')} value={s.rows} />
            <Statistic title={t('summary.valid')} value={s.valid} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('summary.errorRows')} value={s.errorRows} styles={{ content: { color: s.errorRows ? '#cf1322' : undefined } }} />
            <Statistic title={t('summary.warningRows')} value={s.warningRows} />
            <Statistic title={t('summary.duplicatesInFile')} value={s.duplicatesInFile} />
            <Statistic title={t('summary.duplicatesInDb')} value={s.duplicatesInDb} />
            <Statistic title={t('summary.userSkipped')} value={s.userSkipped} />
            {s.entities !== null ? <Statistic title={t('summary.entities')} value={s.entities} /> : null}
            {s.allocation ? <Statistic title={t('allocation.column')} value={`${s.allocation.assigned} / ${s.allocation.accounts}`} /> : null}
          </Space>
          <Space wrap>
            <Segmented<RowFilter>
              data-testid="import-filter"
              value={filter}
              onChange={setFilter}
              options={(['all', 'errors', 'warnings', 'duplicates', 'create', 'update', 'unchanged', 'skip'] as const).map((f) => ({ value: f, label: t(`filters.${f}`) }))}
            />
            <Button data-testid="import-skip" disabled={!selected.length} onClick={() => void skip(true)}>
              {t('skipSelected')}
            </Button>
            <Button disabled={!selected.length} onClick={() => void skip(false)}>
              {t('unskipSelected')}
            </Button>
            {s.errorRows > 0 ? (
              <Button data-testid="import-error-report" icon={isDesktop ? <FolderOpenOutlined /> : <DownloadOutlined />} onClick={() => void writeReport()}>
                {isDesktop ? t('revealReport') : t('errorReport')}
              </Button>
            ) : null}
            {report && !isDesktop ? (
              <a data-testid="import-error-report-link" href={downloadUrl(report)}>
                {report.split(/[\\/]/).pop()}
              </a>
            ) : null}
          </Space>
          <Typography.Text type="secondary">{t('fixHint')}</Typography.Text>
          <RowsGrid sessionId={props.sessionId} preview={props.preview} filter={filter} version={props.version} rows={s.rows} showOwner={s.allocation !== null} onSummary={props.onSummary} onSelection={setSelected} apiRef={gridApi} />
        </>
      ) : null}
    </Space>
  );
}
