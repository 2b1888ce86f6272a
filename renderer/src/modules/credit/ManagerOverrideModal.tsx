import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/orders';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';

/**
 * 经理审批放行: the manager re-enters their own username and password on this desktop, whoever is
 * signed in, with a reason; the backend checks the role and the password and confirms the order.
 */
export function ManagerOverrideModal(props: { order: { id: string; version: number; orderNo: string } | null; plan?: string | undefined; confirmedOn?: string | undefined; onClose(): void; onDone(detail: OrderDetail): void }) {
  const { t } = useTranslation('credit');
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<{ username: string; password: string; reason: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!props.order) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await api.call('credit.override', {
        orderId: props.order.id,
        version: props.order.version,
        managerUsername: v.username.trim(),
        managerPassword: v.password,
        reason: v.reason.trim(),
        ...(props.plan ? { plan: props.plan } : {}),
        ...(props.confirmedOn ? { confirmedOn: props.confirmedOn } : {}),
      });
      form.resetFields();
      void message.success(t('override.done'));
      for (const w of r.warnings) if (w.code !== 'CREDIT_OVERRIDDEN') modal.warning({ content: w.message });
      props.onDone(r.order);
    } catch (e) {
      form.setFieldValue('password', '');
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.order !== null}
      title={`${t('override.title')}${props.order ? ` · ${props.order.orderNo}` : ''}`}
      onCancel={() => {
        form.resetFields();
        props.onClose();
      }}
      onOk={() => void submit()}
      okText={t('override.submit')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'override-ok' } as never}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('override.hint')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="username" label={t('override.username')} rules={[{ required: true, whitespace: true }]}>
          <Input prefix={<UserOutlined />} autoComplete="off" data-testid="override-username" />
        </Form.Item>
        <Form.Item name="password" label={t('override.password')}>
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="override-password" />
        </Form.Item>
        <Form.Item name="reason" label={t('override.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
