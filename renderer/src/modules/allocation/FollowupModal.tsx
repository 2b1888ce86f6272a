import { App as AntApp, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_KIND_VALUES } from '../../../../shared/contract/followups';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';

interface Values {
  kind: (typeof FOLLOWUP_KIND_VALUES)[number];
  occurredOn: Dayjs;
  notes: string;
  nextStep?: string;
  nextOn?: Dayjs | null;
}

/** Log a call / visit / WeChat / email / meeting; it moves the last follow-up and so the pool clock. */
export function FollowupModal(props: { accountId: string | null; onClose(): void; onSaved?(): void }) {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // "Today" is the app's (its time-zone setting and clock), not the browser's; asked each time the
  // dialog opens so that an app left running past midnight is right too.
  const [today, setToday] = useState<Dayjs | null>(null);
  useEffect(() => {
    if (props.accountId === null) return;
    setToday(null);
    void api.call('system.status', {}).then((s) => setToday(dayjs(s.today)));
  }, [props.accountId]);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.call('followups.add', {
        accountId: props.accountId!,
        kind: v.kind,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        notes: v.notes,
        ...(v.nextStep ? { nextStep: v.nextStep } : {}),
        ...(v.nextOn ? { nextOn: v.nextOn.format('YYYY-MM-DD') } : {}),
      });
      void message.success(t('followup.saved'));
      props.onSaved?.();
      props.onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={props.accountId !== null} title={t('followup.title')} onCancel={props.onClose} onOk={() => void save()} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      {today ? (
      <Form form={form} layout="vertical" initialValues={{ kind: 'call', occurredOn: today }} preserve={false}>
        <Form.Item name="kind" label={t('followup.kind')}>
          <Radio.Group optionType="button" options={FOLLOWUP_KIND_VALUES.map((k) => ({ value: k, label: t(`followup.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('followup.date')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item name="notes" label={t('followup.notes')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="followup-notes" />
        </Form.Item>
        <Form.Item name="nextStep" label={t('followup.nextStep')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="nextOn"
          label={t('followup.nextOn')}
          dependencies={['occurredOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: Dayjs | null | undefined) => {
                const on = getFieldValue('occurredOn') as Dayjs | undefined;
                if (value && on && value.isBefore(on, 'day')) throw new Error(t('followup.nextOn'));
              },
            }),
          ]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
      ) : null}
    </Modal>
  );
}
