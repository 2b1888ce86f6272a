import { App as AntApp, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';

interface Policy {
  id: string | null;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  tier: 'A' | 'B' | 'C' | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  builtIn: boolean;
}

interface CalendarValues {
  timeZone: string;
  weekdays: number[];
  periods: string;
  holidays: string;
  makeupWorkdays: string;
  slaWarnMinutes: number;
}

const dates = (text: string) =>
  text
    .split(/[\s,，;；]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/**
 * SLA 设置: targets per priority (and tier) in working hours, and the work calendar they are counted in:
 * weekdays, daily periods (lunch is the gap), holidays and 调休 make-up workdays, time zone.
 */
export function SlaSettingsModal(props: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('cases');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CalendarValues>();
  const [policies, setPolicies] = useState<Policy[]>([]);
  const [edits, setEdits] = useState<Record<string, { fr: number; res: number }>>({});
  const [saving, setSaving] = useState(false);
  const key = (p: Pick<Policy, 'priority' | 'tier'>) => `${p.priority}|${p.tier ?? ''}`;

  useEffect(() => {
    if (!props.open) return;
    setEdits({});
    api.call('sla.policies.list', {}).then(setPolicies, (e: unknown) => void message.error(errorMessage(e)));
    api.call('settings.get', {}).then(
      (s) =>
        form.setFieldsValue({
          timeZone: s.workCalendar.timeZone,
          weekdays: s.workCalendar.weekdays,
          periods: s.workCalendar.periods.map((p) => `${p.start}-${p.end}`).join(', '),
          holidays: s.workCalendar.holidays.join(', '),
          makeupWorkdays: s.workCalendar.makeupWorkdays.join(', '),
          slaWarnMinutes: s.slaWarnMinutes,
        }),
      (e: unknown) => void message.error(errorMessage(e)),
    );
  }, [props.open, form, message]);

  const save = async () => {
    const v = await form.validateFields();
    const periods = v.periods
      .split(/[,，;；]+/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const [start = '', end = ''] = p.split(/\s*[-–~]\s*/);
        return { start, end };
      });
    setSaving(true);
    try {
      await api.call('settings.update', {
        workCalendar: { timeZone: v.timeZone, weekdays: v.weekdays, periods, holidays: dates(v.holidays), makeupWorkdays: dates(v.makeupWorkdays) },
        slaWarnMinutes: v.slaWarnMinutes,
      });
      for (const p of policies) {
        const e = edits[key(p)];
        if (e) await api.call('sla.policies.save', { priority: p.priority, tier: p.tier, firstResponseMinutes: Math.round(e.fr * 60), resolutionMinutes: Math.round(e.res * 60) });
      }
      props.onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const hours = (p: Policy, field: 'fr' | 'res') => edits[key(p)]?.[field] ?? (field === 'fr' ? p.firstResponseMinutes : p.resolutionMinutes) / 60;
  const setHours = (p: Policy, field: 'fr' | 'res', value: number | null) =>
    setEdits((e) => ({ ...e, [key(p)]: { fr: hours(p, 'fr'), res: hours(p, 'res'), [field]: value ?? 0 } }));

  return (
    <Modal open={props.open} title={t('settings.title')} width={820} onCancel={props.onClose} onOk={() => void save()} confirmLoading={saving} destroyOnHidden>
      <Table<Policy>
        size="small"
        rowKey={key}
        pagination={false}
        dataSource={policies}
        columns={[
          { title: t('col.priority'), dataIndex: 'priority', width: 80 },
          { title: t('settings.tier'), dataIndex: 'tier', width: 100, render: (v: string | null) => v ?? t('settings.allTiers') },
          { title: t('settings.firstResponseHours'), render: (_, p) => <InputNumber min={0.1} max={1000} step={0.5} value={hours(p, 'fr')} onChange={(v) => setHours(p, 'fr', v)} /> },
          { title: t('settings.resolutionHours'), render: (_, p) => <InputNumber min={0.1} max={10000} step={1} value={hours(p, 'res')} onChange={(v) => setHours(p, 'res', v)} /> },
          { title: '', dataIndex: 'builtIn', width: 90, render: (b: boolean) => (b ? t('settings.builtIn') : '') },
        ]}
      />
      <Divider>{t('settings.calendar')}</Divider>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="weekdays" label={t('settings.weekdays')} rules={[{ required: true }]}>
              <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`settings.day${d}`) }))} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="timeZone" label={t('settings.timeZone')} rules={[{ required: true }]}>
              <Select showSearch options={['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'].map((z) => ({ value: z, label: z }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="periods" label={t('settings.periods')} extra="09:00-12:00, 13:00-18:00" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="slaWarnMinutes" label={t('settings.warn')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="holidays" label={t('settings.holidays')} extra="2026-10-01, 2026-10-02, …">
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="makeupWorkdays" label={t('settings.makeup')} extra="2026-09-27, 2026-10-10">
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
