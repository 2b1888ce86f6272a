import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Table, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../../shared/contract';
import type { ReportKind } from '../../../../shared/contract/reports';
import { SCHEDULE_KINDS, type ScheduleKind } from '../../../../shared/domain/schedule';
import type { OutputOf } from '../../../../shared/rpc/types';
import { api, onEvent } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';
import { paramsOf } from './ExportPanel';
import { dateTime } from './format';
import { PeriodPicker } from './PeriodPicker';

type Schedule = OutputOf<Contract, 'scheduledExports.list'>[number];

interface FormValues {
  name: string;
  report: ReportKind;
  period: string;
  format: 'xlsx' | 'csv';
  encoding: 'utf8' | 'gbk';
  folder: string;
  schedule: ScheduleKind;
  runAt: dayjs.Dayjs;
  weekday?: number;
  monthDay?: number;
  enabled: boolean;
}

export function SchedulesPanel() {
  const { t, i18n } = useTranslation('reports');
  const { message } = AntApp.useApp();
  const { status } = useApp();
  const [rows, setRows] = useState<Schedule[]>([]);
  const [catalog, setCatalog] = useState<OutputOf<Contract, 'reports.catalog'>>([]);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('schedule', form);
  const report = Form.useWatch('report', form);
  const format = Form.useWatch('format', form);

  const load = useCallback(() => void api.call('scheduledExports.list', {}).then(setRows), []);
  useEffect(() => {
    load();
    void api.call('reports.catalog', {}).then(setCatalog);
    return onEvent('data.changed', (p) => p.entities.includes('scheduledExports') && load());
  }, [load]);

  const open = (s: Schedule | 'new') => {
    setEditing(s);
    const base: FormValues =
      s === 'new'
        ? { name: '', report: 'rep-performance', period: 'last-month', format: 'xlsx', encoding: 'utf8', folder: `${status.dataDir}/exports`, schedule: 'monthly', runAt: dayjs('08:00', 'HH:mm'), monthDay: 1, enabled: true }
        : {
            name: s.name,
            report: s.report,
            period: 'period' in s.params && s.params.period ? s.params.period : 'last-month',
            format: s.format,
            encoding: s.encoding,
            folder: s.folder,
            schedule: s.schedule,
            runAt: dayjs(s.runAt, 'HH:mm'),
            ...(s.weekday ? { weekday: s.weekday } : {}),
            ...(s.monthDay ? { monthDay: s.monthDay } : {}),
            enabled: s.enabled,
          };
    form.setFieldsValue(base);
  };

  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.call('scheduledExports.save', {
        ...(editing && editing !== 'new' ? { id: editing.id, version: editing.version } : {}),
        name: v.name,
        params: paramsOf(v.report, { period: v.period, measure: 'sales', by: 'attainment' }),
        format: v.format,
        encoding: v.encoding,
        folder: v.folder,
        schedule: v.schedule,
        runAt: v.runAt.format('HH:mm'),
        weekday: v.schedule === 'weekly' ? (v.weekday ?? 1) : null,
        monthDay: v.schedule === 'monthly' ? (v.monthDay ?? 1) : null,
        enabled: v.enabled,
      });
      void message.success(t('schedule.saved'));
      setEditing(null);
      load();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const title = (r: ReportKind) => {
    const c = catalog.find((x) => x.report === r);
    return c ? (i18n.language === 'en' ? c.title.en : c.title.zh) : r;
  };
  const hasPeriod = catalog.find((c) => c.report === report)?.hasPeriod ?? true;

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }} data-testid="schedule-add">
        {t('schedule.add')}
      </Button>
      <Table<Schedule>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('schedule.name'), dataIndex: 'name', render: (v: string, s) => <a onClick={() => open(s)}>{v}</a> },
          { title: t('report'), dataIndex: 'report', render: (r: ReportKind) => title(r) },
          { title: t('period'), dataIndex: 'period', render: (p: string) => (t(`periods.${p}`, { defaultValue: p }) as string) },
          { title: t('schedule.kind'), render: (_, s) => `${t(`schedule.kinds.${s.schedule}`)} ${s.runAt}` },
          { title: t('schedule.folder'), dataIndex: 'folder', ellipsis: true },
          { title: t('schedule.nextRun'), dataIndex: 'nextRunAt', render: (v: number | null) => dateTime(v) },
          { title: t('schedule.result'), dataIndex: 'lastResult', ellipsis: true },
          {
            title: '',
            render: (_, s) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    void api
                      .call('scheduledExports.runNow', { id: s.id })
                      .then((r) => (r.ok ? message.success(t('schedule.ran', { file: r.file })) : message.error(t('schedule.failed', { message: r.message }))))
                  }
                >
                  {t('schedule.runNow')}
                </Button>
                <Popconfirm title={`${t('schedule.delete')}？`} onConfirm={() => void api.call('scheduledExports.delete', { id: s.id, version: s.version }).then(() => message.success(t('schedule.deleted')))}>
                  <Button size="small" danger>
                    {t('schedule.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('schedule.add') : t('schedule.edit')} onCancel={() => setEditing(null)} onOk={() => void save()} width={640} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('schedule.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="report" label={t('report')} rules={[{ required: true }]}>
            <Select options={catalog.map((c) => ({ value: c.report, label: i18n.language === 'en' ? c.title.en : c.title.zh }))} />
          </Form.Item>
          {hasPeriod ? (
            <Form.Item name="period" label={t('period')}>
              <PeriodField />
            </Form.Item>
          ) : null}
          <Space size="large" wrap>
            <Form.Item name="format" label={t('format')}>
              <Radio.Group options={[{ value: 'xlsx', label: 'xlsx' }, { value: 'csv', label: 'CSV' }]} />
            </Form.Item>
            {format === 'csv' ? (
              <Form.Item name="encoding" label={t('encoding')}>
                <Radio.Group options={[{ value: 'utf8', label: t('utf8') }, { value: 'gbk', label: t('gbk') }]} />
              </Form.Item>
            ) : null}
          </Space>
          <Form.Item name="folder" label={t('schedule.folder')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="schedule" label={t('schedule.kind')}>
              <Select style={{ width: 120 }} options={SCHEDULE_KINDS.map((k) => ({ value: k, label: t(`schedule.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="runAt" label={t('schedule.runAt')}>
              <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
            </Form.Item>
            {kind === 'weekly' ? (
              <Form.Item name="weekday" label={t('schedule.weekday')} initialValue={1}>
                <Select style={{ width: 100 }} options={(t('schedule.weekdays', { returnObjects: true }) as string[]).map((d, i) => ({ value: i + 1, label: d }))} />
              </Form.Item>
            ) : null}
            {kind === 'monthly' ? (
              <Form.Item name="monthDay" label={t('schedule.monthDay')} initialValue={1}>
                <InputNumber min={1} max={31} />
              </Form.Item>
            ) : null}
            <Form.Item name="enabled" label={t('schedule.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}

/** PeriodPicker as a controlled Form field. */
function PeriodField({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  return <PeriodPicker value={value ?? 'last-month'} onChange={(v) => onChange?.(v)} />;
}
