import { App as AntApp, Button, Card, Form, List, Radio, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, ReportKind, ReportParamsInput } from '../../../../shared/contract/reports';
import { MEASURES, type Measure } from '../../../../shared/domain/target-measures';
import type { Contract } from '../../../../shared/contract';
import type { OutputOf } from '../../../../shared/rpc/types';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import { FileActions } from './file-actions';
import { dateTime } from './format';
import { PeriodPicker } from './PeriodPicker';

type Catalog = OutputOf<Contract, 'reports.catalog'>;
type Recent = OutputOf<Contract, 'reports.recent'>;

/** The params object of a report from the form's fields (only those the report takes). */
export function paramsOf(report: ReportKind, f: { period: string; rep?: string; measure: Measure; by: 'attainment' | 'amount' }): ReportParamsInput {
  const rep = f.rep ? { rep: f.rep } : {};
  switch (report) {
    case 'accounts':
    case 'ar-aging':
    case 'credit-risk':
      return { report, ...rep };
    case 'leaderboard':
      return { report, period: f.period, measure: f.measure, by: f.by };
    case 'pool':
    case 'imports':
      return { report, period: f.period };
    default:
      return { report, period: f.period, ...rep };
  }
}

export function ExportPanel() {
  const { t, i18n } = useTranslation('reports');
  const { message } = AntApp.useApp();
  const [catalog, setCatalog] = useState<Catalog>([]);
  const [reps, setReps] = useState<{ id: string; name: string }[]>([]);
  const [recent, setRecent] = useState<Recent>([]);
  const [report, setReport] = useState<ReportKind>('rep-performance');
  const [period, setPeriod] = useState('this-month');
  const [rep, setRep] = useState<string | undefined>();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [encoding, setEncoding] = useState<'utf8' | 'gbk'>('utf8');
  const [measure, setMeasure] = useState<Measure>('sales');
  const [by, setBy] = useState<'attainment' | 'amount'>('attainment');
  const [busy, setBusy] = useState<number | null>(null);
  const [last, setLast] = useState<ExportResult | null>(null);
  const en = i18n.language === 'en';

  const loadRecent = useCallback(() => {
    void api.call('reports.recent', { limit: 20 }).then(setRecent);
  }, []);
  useEffect(() => {
    void api.call('reports.catalog', {}).then(setCatalog);
    void api.call('reps.list', { includeLeft: false }).then((r) => setReps(r.map((x) => ({ id: x.id, name: x.name }))));
    loadRecent();
  }, [loadRecent]);

  const info = catalog.find((c) => c.report === report);
  const run = async () => {
    const taskId = `export-${Date.now()}`;
    const stop = onEvent('task.progress', (p) => p.taskId === taskId && setBusy(p.done));
    setBusy(0);
    try {
      const result = await api.call('reports.export', { params: paramsOf(report, { period, rep, measure, by }), format, encoding, taskId });
      setLast(result);
      void message.success(t('exported', { rows: result.rows, name: result.file.split(/[\\/]/).pop() }));
      loadRecent();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      stop();
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card size="small">
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('report')}>
            <Select
              data-testid="report-kind"
              value={report}
              onChange={setReport}
              options={catalog.map((c) => ({ value: c.report, label: en ? c.title.en : c.title.zh }))}
            />
            {info ? <Typography.Text type="secondary">{en ? info.description.en : info.description.zh}</Typography.Text> : null}
          </Form.Item>
          <Space wrap size="large">
            {info?.hasPeriod ? (
              <Form.Item label={t('period')}>
                <PeriodPicker value={period} onChange={setPeriod} testId="report-period" />
              </Form.Item>
            ) : null}
            {info?.hasRep ? (
              <Form.Item label={t('rep')}>
                <Select allowClear style={{ width: 180 }} placeholder={t('allReps')} value={rep} onChange={setRep} options={reps.map((r) => ({ value: r.id, label: r.name }))} />
              </Form.Item>
            ) : null}
            {report === 'leaderboard' ? (
              <>
                <Form.Item label={t('measure')}>
                  <Select style={{ width: 140 }} value={measure} onChange={setMeasure} options={MEASURES.map((m) => ({ value: m, label: t(`measures.${m}`) }))} />
                </Form.Item>
                <Form.Item label={t('by')}>
                  <Radio.Group value={by} onChange={(e) => setBy(e.target.value as 'attainment' | 'amount')} options={[{ value: 'attainment', label: t('byAttainment') }, { value: 'amount', label: t('byAmount') }]} />
                </Form.Item>
              </>
            ) : null}
          </Space>
          <Space wrap size="large">
            <Form.Item label={t('format')}>
              <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')} options={[{ value: 'xlsx', label: 'Excel (xlsx)' }, { value: 'csv', label: 'CSV' }]} />
            </Form.Item>
            {format === 'csv' ? (
              <Form.Item label={t('encoding')}>
                <Radio.Group value={encoding} onChange={(e) => setEncoding(e.target.value as 'utf8' | 'gbk')} options={[{ value: 'utf8', label: t('utf8') }, { value: 'gbk', label: t('gbk') }]} />
              </Form.Item>
            ) : null}
          </Space>
          <Space>
            <Button type="primary" onClick={() => void run()} loading={busy !== null} data-testid="export-run">
              {t('exportNow')}
            </Button>
            {busy !== null ? <Typography.Text type="secondary">{t('exporting', { done: busy })}</Typography.Text> : null}
            {last && busy === null ? (
              <Space data-testid="export-result">
                <Typography.Text>{t('exported', { rows: last.rows, name: last.file.split(/[\\/]/).pop() })}</Typography.Text>
                <FileActions file={last.file} />
              </Space>
            ) : null}
          </Space>
        </Form>
      </Card>
      <Card size="small" title={t('recent')} extra={<Button size="small" onClick={loadRecent}>{t('refresh')}</Button>}>
        <List
          data-testid="recent-exports"
          locale={{ emptyText: t('noRecent') }}
          dataSource={recent}
          renderItem={(f) => (
            <List.Item actions={[<FileActions key="a" file={f.file} />]}>
              <List.Item.Meta title={f.name} description={`${dateTime(f.modifiedAt)} · ${(f.bytes / 1024).toFixed(1)} KB`} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
